/**
 * One side of the orchestration benchmark in a process of its own: the parent
 * (`runOrchestrationBench` with `isolation: 'process'`) forks this module once per side, and it
 * answers measurement requests over the IPC channel, so each framework runs with its own V8 heap,
 * JIT feedback and async hooks — as it would in production — and never slows the other.
 *
 * Protocol (plain objects over `process.send`):
 * - parent → child `{ type: 'measure', runs }`; child → parent `{ type: 'measured', ms }`
 *   (wall-clock milliseconds for `runs` runs, `performance.now()` in the child);
 * - child → parent `{ type: 'ready', modelCallsPerRun, version? }` once the workload is built, or
 *   `{ type: 'failed', error }` when it cannot be (then it exits 1);
 * - a run that produces the wrong reply answers `{ type: 'failed', error }` instead of `measured`.
 * The child exits when the parent disconnects.
 */
import process from 'node:process';
import { createAgentsWorkload, loadOpenAiAgents } from './orchestration-agents.js';
import { createFloorWorkload, createOursWorkload, type BenchWorkload } from './orchestration-ours.js';

/** The sides a child can run. */
export type BenchSideName = 'ours' | 'floor' | 'agents';

/** Messages a side process sends to the parent. */
export type SideMessage =
  | { type: 'ready'; modelCallsPerRun: number; version?: string }
  | { type: 'measured'; ms: number }
  | { type: 'failed'; error: string };

/** Messages the parent sends to a side process. */
export interface MeasureRequest {
  type: 'measure';
  runs: number;
}

/** Runs `runs` runs back to back; the wall-clock milliseconds they took. @throws Error when a run produces the wrong reply. */
export async function measureRuns(workload: BenchWorkload, runs: number): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < runs; index += 1) await workload.run();
  return performance.now() - started;
}

/** Builds a side's workload; `{ error }` when `@openai/agents` cannot load. */
export async function createSideWorkload(side: BenchSideName): Promise<{ workload: BenchWorkload; version?: string } | { error: string }> {
  if (side === 'ours') return { workload: createOursWorkload() };
  if (side === 'floor') return { workload: createFloorWorkload() };
  const loaded = await loadOpenAiAgents();
  return 'module' in loaded ? { workload: createAgentsWorkload(loaded.module), version: loaded.version } : { error: loaded.error };
}

/** The message of a thrown value. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Serves one side over the IPC channel of a forked process (see the module comment); returns once
 * the side is ready or has reported that it cannot be built.
 */
export async function serveSide(side: BenchSideName): Promise<void> {
  const send = (message: SideMessage): void => {
    process.send?.(message);
  };
  const built = await createSideWorkload(side);
  if ('error' in built) {
    send({ type: 'failed', error: built.error });
    process.exitCode = 1;
    process.disconnect?.();
    return;
  }
  const { workload } = built;
  process.on('message', (message: MeasureRequest) => {
    if (message.type !== 'measure') return;
    measureRuns(workload, message.runs).then(
      (ms) => send({ type: 'measured', ms }),
      (error: unknown) => send({ type: 'failed', error: errorText(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', modelCallsPerRun: workload.modelCallsPerRun, ...(built.version ? { version: built.version } : {}) });
}
