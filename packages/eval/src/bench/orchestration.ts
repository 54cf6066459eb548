/**
 * `switchboard bench orchestration`: the same scripted workload (triage → handoff → tool →
 * answer, zero-latency scripted model) through our orchestrator and through `@openai/agents`,
 * interleaved in rounds; ms per run for each and their ratio.
 *
 * By default each side runs in a process of its own (`isolation: 'process'`): its own V8 heap, JIT
 * feedback and async hooks, as each framework runs in production. In one shared process
 * (`isolation: 'shared'`) each side slows the other: `@openai/agents`' `AsyncLocalStorage` turns
 * on Node's promise hooks for every promise of the process, both sides share garbage collection
 * and the zod code's inline caches (measurements in docs/benchmarks.md).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSideWorkload, measureRuns, type BenchSideName, type MeasureRequest, type SideMessage } from './orchestration-side.js';

/** Target of issue 7: our ms per run at most half of `@openai/agents`'. */
export const ORCHESTRATION_TARGET_RATIO = 0.5;
/** `@openai/agents` ms per run measured when the issue was written, used when the package cannot load. */
export const DOCUMENTED_AGENTS_BASELINE_MS = 0.53;

/** Warm-up runs per side by default: past the ≈ 4,500 runs both sides take to reach steady speed. */
export const DEFAULT_WARMUP_RUNS = 5000;

/**
 * Interleaved rounds by default: 100 runs per side per round. On a shared machine, load changes
 * over seconds; with 4 rounds a burst could fall on one side's round only and move the ratio by
 * 0.1 (measured: docs/benchmarks.md, session 5), with 20 each side sees the same load.
 */
export const DEFAULT_ROUNDS = 20;

/** Options of {@link runOrchestrationBench}. */
export interface OrchestrationBenchOptions {
  /** Measured runs per side. @defaultValue 2000 */
  runs?: number;
  /**
   * Unmeasured warm-up runs per side. Both sides reach their steady speed (JIT-optimized) only
   * after about 4,500 runs on Node 20 (measured curves in docs/benchmarks.md). @defaultValue 5000
   */
  warmup?: number;
  /** Interleaved rounds the runs are split into (reduces drift between sides). @defaultValue {@link DEFAULT_ROUNDS} */
  rounds?: number;
  /** `process`: each side in a forked process of its own; `shared`: all sides in this process. @defaultValue 'process' */
  isolation?: 'process' | 'shared';
  /**
   * The module each side's process runs with the side's name as its argument (`isolation:
   * 'process'` only); it must speak the protocol of `orchestration-side.ts`. Tests point it at a
   * side that fails. @defaultValue `orchestration-side-entry.ts`
   */
  sideEntry?: string;
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
  /** Rounds the measured runs were split into, alternating between the sides. */
  rounds: number;
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
  /** How the sides were isolated from each other. */
  isolation: 'process' | 'shared';
  node: string;
}

/** A side the harness can ask for measured runs, in this process or in a forked one. */
interface Side {
  name: BenchSideName;
  modelCallsPerRun: number;
  version?: string;
  measure(runs: number): Promise<number>;
  close(): void;
}

async function sharedSide(name: BenchSideName): Promise<Side | { error: string }> {
  const built = await createSideWorkload(name);
  if ('error' in built) return built;
  const { workload } = built;
  return { name, modelCallsPerRun: workload.modelCallsPerRun, ...(built.version ? { version: built.version } : {}), measure: (runs) => measureRuns(workload, runs), close() {} };
}

const SIDE_ENTRY = fileURLToPath(new URL('./orchestration-side-entry.ts', import.meta.url));

/**
 * Forks `orchestration-side-entry.ts` for one side (through the tsx loader, like the CLI) and
 * waits for it to be ready. Resolves `{ error }` when the side cannot be built (`@openai/agents`
 * missing); rejects when the process dies or a run produces the wrong reply.
 */
function forkedSide(name: BenchSideName, entry: string): Promise<Side | { error: string }> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  // The child's stdout is dropped: `bench orchestration --json` prints exactly one JSON object. Its stderr (warnings, crashes) is kept.
  const child: ChildProcess = fork(entry, [name], { execArgv: ['--import', tsx], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let pending: { resolve(ms: number): void; reject(error: Error): void } | undefined;
  const failAll = (error: Error): void => {
    pending?.reject(error);
    pending = undefined;
  };
  return new Promise((resolve, reject) => {
    let ready = false;
    child.on('message', (message: SideMessage) => {
      if (message.type === 'ready') {
        ready = true;
        resolve({
          name,
          modelCallsPerRun: message.modelCallsPerRun,
          ...(message.version ? { version: message.version } : {}),
          measure(runs) {
            return new Promise<number>((resolveRun, rejectRun) => {
              pending = { resolve: resolveRun, reject: rejectRun };
              child.send({ type: 'measure', runs } satisfies MeasureRequest);
            });
          },
          close() {
            if (child.connected) child.disconnect();
          },
        });
      } else if (message.type === 'measured') {
        pending?.resolve(message.ms);
        pending = undefined;
      } else if (!ready) {
        resolve({ error: message.error });
      } else {
        failAll(new Error(message.error));
      }
    });
    child.on('error', (error) => (ready ? failAll(error) : reject(error)));
    child.on('exit', (code, signal) => {
      const error = new Error(`bench side ${name} exited (${signal ?? `code ${String(code)}`})`);
      if (ready) failAll(error);
      else reject(error);
    });
  });
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Runs the benchmark. Each side (in a forked process of its own unless `isolation: 'shared'`)
 * warms up, then `runs` measured runs are split into `rounds` alternating between the sides, one
 * side running at a time; every run checks its final reply, so a broken run cannot look fast.
 * Times are wall-clock milliseconds per run, measured inside each side's process.
 * @returns the report; `openaiAgents` is `null` (and the ratio uses {@link DOCUMENTED_AGENTS_BASELINE_MS}) when `@openai/agents` cannot load.
 * @throws Error when a run of either side produces the wrong reply, when a side's process exits
 *   early, or when our side cannot start; the side processes are stopped either way.
 */
export async function runOrchestrationBench(options: OrchestrationBenchOptions = {}): Promise<OrchestrationBenchReport> {
  const runs = options.runs ?? 2000;
  const warmup = options.warmup ?? DEFAULT_WARMUP_RUNS;
  const rounds = Math.max(1, Math.min(options.runs ?? 2000, options.rounds ?? DEFAULT_ROUNDS));
  const isolation = options.isolation ?? 'process';
  const entry = options.sideEntry ?? SIDE_ENTRY;
  const start = isolation === 'process' ? (name: BenchSideName) => forkedSide(name, entry) : sharedSide;
  const settled = await Promise.allSettled((['ours', 'floor', 'agents'] as const).map((name) => start(name)));
  const failed = settled.find((entry) => entry.status === 'rejected');
  if (failed) {
    for (const entry of settled) if (entry.status === 'fulfilled' && !('error' in entry.value)) entry.value.close();
    throw failed.reason;
  }
  const built = settled.map((entry) => (entry as PromiseFulfilledResult<Side | { error: string }>).value);
  const sides = built.filter((side): side is Side => !('error' in side)).map((side) => ({ side, totalMs: 0 }));
  try {
    if (!sides.some((entry) => entry.side.name === 'ours') || !sides.some((entry) => entry.side.name === 'floor')) {
      const error = built.find((side) => 'error' in side);
      throw new Error(`our side of the benchmark could not start: ${error && 'error' in error ? error.error : 'unknown'}`);
    }
    for (const { side } of sides) await side.measure(warmup);
    const perRound = Math.ceil(runs / rounds);
    for (let done = 0; done < runs; done += perRound) {
      const count = Math.min(perRound, runs - done);
      for (const entry of sides) entry.totalMs += await entry.side.measure(count);
    }
  } finally {
    for (const { side } of sides) side.close();
  }
  const result = (name: BenchSideName): (SideResult & { version?: string }) | undefined => {
    const entry = sides.find((candidate) => candidate.side.name === name);
    return entry ? { msPerRun: round3(entry.totalMs / runs), modelCallsPerRun: entry.side.modelCallsPerRun, ...(entry.side.version ? { version: entry.side.version } : {}) } : undefined;
  };
  const ours = result('ours')!;
  const agents = result('agents');
  const agentsError = built[2] && 'error' in built[2] ? built[2].error : undefined;
  const baseline = agents?.msPerRun ?? DOCUMENTED_AGENTS_BASELINE_MS;
  const ratio = Math.round((ours.msPerRun / baseline) * 100) / 100;
  return {
    runs,
    warmup,
    rounds,
    ours,
    oursOrchestratorOnly: result('floor')!,
    openaiAgents: agents ? { msPerRun: agents.msPerRun, modelCallsPerRun: agents.modelCallsPerRun, version: agents.version ?? 'unknown' } : null,
    ...(agentsError !== undefined ? { agentsError } : {}),
    ratio,
    target: ORCHESTRATION_TARGET_RATIO,
    meetsTarget: ratio <= ORCHESTRATION_TARGET_RATIO,
    isolation,
    node: process.version,
  };
}
