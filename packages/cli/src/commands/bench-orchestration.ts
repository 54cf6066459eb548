/**
 * `switchboard bench orchestration`: our orchestrator with the LLM engine against `@openai/agents`
 * on the same scripted workload (triage → handoff → tool → answer), ms per run and the ratio.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_ROUNDS, DEFAULT_WARMUP_RUNS, runOrchestrationBench, type OrchestrationBenchReport } from '@switchboard/eval';
import { commandGroup, type CommandIo } from './eval-triage.js';

/** Human-readable lines of the report. */
export function formatOrchestrationBench(report: OrchestrationBenchReport): string {
  const agents = report.openaiAgents
    ? `@openai/agents ${report.openaiAgents.version}: ${report.openaiAgents.msPerRun} ms per run (${report.openaiAgents.modelCallsPerRun} model calls)`
    : `@openai/agents unavailable (${report.agentsError ?? 'unknown'}); ratio against the documented baseline`;
  return [
    `orchestration bench: ${report.runs} runs in ${report.rounds} alternating rounds after ${report.warmup} warm-up runs, Node ${report.node}, ${report.isolation === 'process' ? 'each side in a process of its own' : 'all sides in one process'}`,
    `ours (turn driver + LLM triage + LLM engine, AI SDK): ${report.ours.msPerRun} ms per run (${report.ours.modelCallsPerRun} model calls)`,
    `ours, orchestrator only (scripted engine doubles): ${report.oursOrchestratorOnly.msPerRun} ms per run`,
    agents,
    `ratio ours / @openai/agents: ${report.ratio} (target ≤ ${report.target}: ${report.meetsTarget ? 'met' : 'not met'})`,
  ].join('\n');
}

function runCount(value: string): number {
  const parsed = Number.parseInt(value, 10);
  if (String(parsed) !== value.trim() || parsed < 1 || parsed > 100_000) throw new InvalidArgumentError('expected an integer from 1 to 100000');
  return parsed;
}

/** Registers `orchestration` under the `bench` group. */
export function registerBenchOrchestrationCommands(program: Command, io: CommandIo): void {
  commandGroup(program, { name: 'bench', description: 'measure speed and size' })
    .command('orchestration')
    .description('our orchestrator with the LLM engine vs @openai/agents on the same scripted workload: ms per run and ratio')
    .option('--runs <n>', 'measured runs per side', runCount, 2000)
    .option('--warmup <n>', 'warm-up runs per side (both sides reach steady speed after about 4,500)', runCount, DEFAULT_WARMUP_RUNS)
    .option('--rounds <n>', 'rounds the measured runs are split into, alternating between the sides', runCount, DEFAULT_ROUNDS)
    .addOption(new Option('--isolation <mode>', 'process: each side in a process of its own; shared: both sides in this process (each slows the other)').choices(['process', 'shared']).default('process'))
    .option('--json', 'print exactly one JSON object')
    .action(async (flags: { runs: number; warmup: number; rounds: number; isolation: 'process' | 'shared'; json?: boolean }) => {
      const report = await runOrchestrationBench({ runs: flags.runs, warmup: flags.warmup, rounds: flags.rounds, isolation: flags.isolation });
      io.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : `${formatOrchestrationBench(report)}\n`);
    });
}
