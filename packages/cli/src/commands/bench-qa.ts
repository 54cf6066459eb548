/**
 * `switchboard bench qa`: catch rate, false blocks and false revisions of the QA gate's rules
 * reviewer on drafted replies from the demo store (half with one planted ungrounded fact).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { runQaBench, summarizeQaBench, type QaBenchReport } from '@switchboard/eval';
import { commandGroup, type CommandIo } from './eval-triage.js';

/** Parsed flags of `switchboard bench qa`. */
export interface BenchQaFlags {
  seed: number;
  drafts: number;
  json?: boolean;
  /** Also print every miss, false block and false revision. */
  failures?: boolean;
}

/** Human-readable lines of a QA bench report. */
export function formatQaBench(report: QaBenchReport, options: { failures: boolean }): string {
  const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `QA gate (rules reviewer): ${report.drafts} drafts, ${report.grounded} grounded, ${report.ungrounded} with one ungrounded fact`,
    `catch rate ${percent(report.catchRate)} (target ≥ 95%); false blocks ${percent(report.falseBlockRate)} (target ≤ 2%); false revisions ${percent(report.falseRevisionRate)}`,
    `catch rate by planted fact: ${Object.entries(report.catchRateByPlant).map(([kind, rate]) => `${kind} ${percent(rate)}`).join(', ')}`,
    `ms per review: p50 ${report.msPerReview.p50}, p99 ${report.msPerReview.p99}`,
  ];
  if (options.failures) {
    for (const failure of report.failures) {
      lines.push(`- ${failure.id} ${failure.scenario} ${failure.failure}${failure.planted ? ` (planted ${failure.planted.kind}: ${failure.planted.fact})` : ''} → ${failure.review.verdict} ${failure.review.issues.map((issue) => issue.code).join(', ')}`);
    }
  }
  return lines.join('\n');
}

function evenCount(value: string): number {
  const parsed = Number.parseInt(value, 10);
  if (String(parsed) !== value.trim() || parsed < 20 || parsed > 2000 || parsed % 2 !== 0) throw new InvalidArgumentError('expected an even integer from 20 to 2000');
  return parsed;
}

function integer(value: string): number {
  const parsed = Number.parseInt(value, 10);
  if (String(parsed) !== value.trim()) throw new InvalidArgumentError('expected an integer');
  return parsed;
}

/** Registers `qa` under the `bench` group command (creating the group when missing). */
export function registerBenchQaCommands(program: Command, io: CommandIo): void {
  commandGroup(program, { name: 'bench', description: 'measure speed and size' })
    .command('qa')
    .description('score the QA gate on drafted replies from the demo store: catch rate, false blocks, false revisions')
    .option('--seed <n>', 'store and draft seed', integer, 5)
    .option('--drafts <n>', 'number of drafts (even; half grounded)', evenCount, 160)
    .option('--failures', 'list every miss, false block and false revision')
    .option('--json', 'print exactly one JSON object')
    .action((flags: BenchQaFlags) => {
      const report = runQaBench({ seed: flags.seed, count: flags.drafts });
      io.stdout.write(flags.json ? `${JSON.stringify(summarizeQaBench(report))}\n` : `${formatQaBench(report, { failures: flags.failures ?? false })}\n`);
    });
}
