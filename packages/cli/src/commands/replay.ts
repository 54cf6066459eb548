import { createPlaceholderFiller, readTextRows, replayRows, type ReplayReport } from '@switchboard/eval';
import type { DeskRuntime } from '../runtime.js';

/** Options of {@link runReplay}: the file and columns as given on the command line. */
export interface ReplayCommandOptions {
  runtime: DeskRuntime;
  data: string;
  text: string;
  label?: string;
  limit?: number;
}

/** Reads the file, fills Bitext placeholders with store values, replays every row. */
export async function runReplay(options: ReplayCommandOptions): Promise<ReplayReport> {
  const rows = readTextRows(options.data, {
    textColumn: options.text,
    ...(options.label === undefined ? {} : { labelColumn: options.label }),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
  const users = Object.fromEntries(await Promise.all((await sampleUserIds(options.runtime)).map(async (id) => [id, (await options.runtime.database.commerce.getUser(id))!] as const)));
  const fill = createPlaceholderFiller({ users });
  return replayRows({
    desk: {
      startConversation: () => options.runtime.startConversation({ channel: 'replay' }),
      runTurn: (input) => options.runtime.runTurn(input),
      intentCategory: options.runtime.intentCategory,
    },
    rows,
    prepare: fill,
  });
}

function sampleUserIds(runtime: DeskRuntime): Promise<string[]> {
  return runtime.database.commerce.listUserIds({ limit: 50 });
}

/** Human-readable lines of a replay report. */
export function formatReplayReport(report: ReplayReport): string {
  const lines = [
    `rows ${report.n}: replied ${report.replied}, escalated ${report.escalated}, clarified ${report.clarified}, rejected ${report.rejected}, errors ${report.errors}`,
    `by agent: ${Object.entries(report.byAgent).map(([agent, count]) => `${agent} ${count}`).join(', ')}`,
    `latency ms: p50 ${report.latencyMs.p50}, p95 ${report.latencyMs.p95}, p99 ${report.latencyMs.p99}`,
  ];
  if (report.routeAccuracy !== undefined) lines.push(`route accuracy ${report.routeAccuracy} over ${report.routeLabeled} labeled rows`);
  return lines.join('\n');
}
