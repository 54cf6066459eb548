/**
 * `switchboard bench orchestration`: the same scripted workload (triage → handoff → tool →
 * answer, zero-latency scripted model) through our orchestrator and through `@openai/agents`,
 * in one process, interleaved in rounds; ms per run for each and their ratio.
 */
import { createAgentsWorkload, loadOpenAiAgents } from './orchestration-agents.js';
import { createFloorWorkload, createOursWorkload, type BenchWorkload } from './orchestration-ours.js';

/** Target of issue 7: our ms per run at most half of `@openai/agents`'. */
export const ORCHESTRATION_TARGET_RATIO = 0.5;
/** `@openai/agents` ms per run measured when the issue was written, used when the package cannot load. */
export const DOCUMENTED_AGENTS_BASELINE_MS = 0.53;

/** Options of {@link runOrchestrationBench}. */
export interface OrchestrationBenchOptions {
  /** Measured runs per side. @defaultValue 2000 */
  runs?: number;
  /** Unmeasured warm-up runs per side. @defaultValue 300 */
  warmup?: number;
  /** Interleaved rounds the runs are split into (reduces drift between sides). @defaultValue 4 */
  rounds?: number;
}

/** One side's measurement. */
export interface SideResult {
  msPerRun: number;
  modelCallsPerRun: number;
}

/** The benchmark report (what `--json` prints). */
export interface OrchestrationBenchReport {
  runs: number;
  warmup: number;
  /** Our turn driver with the LLM triager and engine (our step loop over the AI SDK provider interface) on a scripted model. */
  ours: SideResult;
  /** The same turn with scripted triager and engine doubles: the orchestrator alone (no model layer). */
  oursOrchestratorOnly: SideResult;
  /** `@openai/agents` (tracing disabled), or `null` with `agentsError` when it cannot load. */
  openaiAgents: (SideResult & { version: string }) | null;
  agentsError?: string;
  /** ours / @openai/agents (against the documented baseline when the package cannot load). */
  ratio: number;
  target: number;
  meetsTarget: boolean;
  node: string;
}

async function measure(workload: BenchWorkload, runs: number): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < runs; index += 1) await workload.run();
  return performance.now() - started;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Runs the benchmark. Each side warms up, then `runs` measured runs are split into `rounds`
 * alternating between the sides; every run checks its final reply, so a broken run cannot look fast.
 * @returns the report; `openaiAgents` is `null` (and the ratio uses {@link DOCUMENTED_AGENTS_BASELINE_MS}) when `@openai/agents` cannot load.
 * @throws Error when a run of either side produces the wrong reply.
 */
export async function runOrchestrationBench(options: OrchestrationBenchOptions = {}): Promise<OrchestrationBenchReport> {
  const runs = options.runs ?? 2000;
  const warmup = options.warmup ?? 300;
  const rounds = Math.max(1, options.rounds ?? 4);
  const loaded = await loadOpenAiAgents();
  const sides: { name: 'ours' | 'floor' | 'agents'; workload: BenchWorkload; totalMs: number }[] = [
    { name: 'ours', workload: createOursWorkload(), totalMs: 0 },
    { name: 'floor', workload: createFloorWorkload(), totalMs: 0 },
    ...('module' in loaded ? [{ name: 'agents' as const, workload: createAgentsWorkload(loaded.module), totalMs: 0 }] : []),
  ];
  for (const side of sides) await measure(side.workload, warmup);
  const perRound = Math.ceil(runs / rounds);
  for (let done = 0; done < runs; done += perRound) {
    const count = Math.min(perRound, runs - done);
    for (const side of sides) side.totalMs += await measure(side.workload, count);
  }
  const result = (name: string): SideResult | undefined => {
    const side = sides.find((entry) => entry.name === name);
    return side ? { msPerRun: round3(side.totalMs / runs), modelCallsPerRun: side.workload.modelCallsPerRun } : undefined;
  };
  const ours = result('ours')!;
  const agents = result('agents');
  const baseline = agents?.msPerRun ?? DOCUMENTED_AGENTS_BASELINE_MS;
  const ratio = Math.round((ours.msPerRun / baseline) * 100) / 100;
  return {
    runs,
    warmup,
    ours,
    oursOrchestratorOnly: result('floor')!,
    openaiAgents: agents && 'version' in loaded ? { ...agents, version: loaded.version } : null,
    ...('error' in loaded ? { agentsError: loaded.error } : {}),
    ratio,
    target: ORCHESTRATION_TARGET_RATIO,
    meetsTarget: ratio <= ORCHESTRATION_TARGET_RATIO,
    node: process.version,
  };
}
