import { InvalidInputError, toSwitchboardError, type TurnOutcome } from '@switchboard/core';
import type { TextRow } from './data-files.js';
import { latencySummary } from './stats.js';

/** What replay needs from a desk: start a conversation, run one customer turn. */
export interface ReplayDesk {
  startConversation(): Promise<{ id: string }>;
  runTurn(input: { conversationId: string; text: string }): Promise<TurnOutcome>;
  /** Intent → category, to score routing against category or intent labels. */
  intentCategory: Readonly<Record<string, string>>;
}

/**
 * The replay report (`switchboard replay --json`). Counts are rows; `routeAccuracy` is present
 * when rows carry labels that name a known intent or category, computed over those rows only
 * (`routeLabeled`); latencies are per turn in milliseconds.
 */
export interface ReplayReport {
  n: number;
  replied: number;
  escalated: number;
  clarified: number;
  errors: number;
  /** Rows whose text was empty or over the size limit: refused with a clear error, not counted as turns. */
  rejected: number;
  byAgent: Record<string, number>;
  routeAccuracy?: number;
  routeLabeled?: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** First error codes seen (at most 5), to debug `errors`. */
  errorCodes: string[];
}

/** Options of {@link replayRows}. */
export interface ReplayOptions {
  desk: ReplayDesk;
  rows: readonly TextRow[];
  /** Rewrites a row's text before sending (placeholder filling). */
  prepare?: (text: string, index: number) => string;
}

/**
 * Replays each row as a new conversation with one customer turn and tallies what the desk did.
 * Never throws for a row: a failing turn counts in `errors`; invalid input in `rejected`.
 */
export async function replayRows(options: ReplayOptions): Promise<ReplayReport> {
  const { desk, rows } = options;
  const report: ReplayReport = { n: rows.length, replied: 0, escalated: 0, clarified: 0, errors: 0, rejected: 0, byAgent: {}, latencyMs: { p50: 0, p95: 0, p99: 0 }, errorCodes: [] };
  const latencies: number[] = [];
  const categories = new Set(Object.values(desk.intentCategory));
  let labeled = 0;
  let correct = 0;

  for (const [index, row] of rows.entries()) {
    const text = options.prepare ? options.prepare(row.text, index) : row.text;
    try {
      const conversation = await desk.startConversation();
      const started = performance.now();
      const outcome = await desk.runTurn({ conversationId: conversation.id, text });
      latencies.push(performance.now() - started);
      tally(report, outcome);
      const expected = row.label === undefined ? undefined : expectedCategory(row.label, { categories, intentCategory: desk.intentCategory });
      if (expected !== undefined) {
        labeled += 1;
        const predicted = outcome.triage ? desk.intentCategory[outcome.triage.intent] : undefined;
        if (predicted === expected) correct += 1;
      }
    } catch (error) {
      if (error instanceof InvalidInputError) {
        report.rejected += 1;
        continue;
      }
      report.errors += 1;
      if (report.errorCodes.length < 5) report.errorCodes.push(toSwitchboardError(error).code);
    }
  }
  report.latencyMs = latencySummary(latencies);
  if (labeled > 0) {
    report.routeAccuracy = Math.round((correct / labeled) * 10_000) / 10_000;
    report.routeLabeled = labeled;
  }
  return report;
}

function tally(report: ReplayReport, outcome: TurnOutcome): void {
  switch (outcome.outcome) {
    case 'resolved':
    case 'needs_info':
    case 'refused':
    case 'held':
      report.replied += 1;
      break;
    case 'clarify':
      report.clarified += 1;
      break;
    case 'escalated':
      report.escalated += 1;
      break;
    case 'silent':
      break;
  }
  for (const reply of outcome.replies) report.byAgent[reply.author] = (report.byAgent[reply.author] ?? 0) + 1;
}

/** A label's category: the label itself when it is a category (`ORDER`), else its intent's category. */
function expectedCategory(label: string, known: { categories: Set<string>; intentCategory: Readonly<Record<string, string>> }): string | undefined {
  if (known.categories.has(label)) return label;
  return known.intentCategory[label];
}
