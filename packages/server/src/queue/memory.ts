/**
 * The in-process turn queue (the default, one process, no Redis): four priority lanes in memory,
 * the durable record in the database. On start it picks up every unfinished turn the database
 * holds, so a message accepted before a crash or restart is still answered.
 */
import type { Urgency } from '@switchboard/core';
import { URGENCIES } from '@switchboard/core';
import { processTurn } from './processor.js';
import type { TurnProcessorDeps, TurnProcessResult } from './processor.js';

/** Hands accepted turns to workers. */
export interface TurnDispatcher {
  readonly kind: 'memory' | 'bullmq';
  /** Queues a turn; queuing a turn twice runs it once (the database claim decides). */
  enqueue(turn: { id: string; conversationId: string; priority: Urgency }): Promise<void>;
  /** Throws when the queue cannot accept work (readiness probe). */
  ping(): Promise<void>;
  /** Stops taking turns and waits for running ones (up to the close timeout). */
  close(): Promise<void>;
}

/** Delay before delivering a blocked or busy turn again, in milliseconds. */
const REDELIVERY_MS: Readonly<Record<TurnProcessResult, number | undefined>> = { blocked: 20, busy: 250, retry: 500, done: undefined, failed: undefined, finished: undefined, missing: undefined };
/** Longest wait for running turns on close, in milliseconds. */
const CLOSE_TIMEOUT_MS = 10_000;

/**
 * Creates the in-process queue and starts its worker.
 * @param options.concurrency - Turns run at once (they mostly wait on the engine and the database). ≥ 1.
 * @param options.recover - Load unfinished turns from the database on start. @defaultValue true
 */
export async function startMemoryQueue(options: { deps: TurnProcessorDeps; concurrency: number; recover?: boolean }): Promise<TurnDispatcher> {
  const { deps, concurrency } = options;
  const lanes: string[][] = URGENCIES.map(() => []);
  const queued = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let active = 0;
  let closing = false;
  let idle: (() => void) | undefined;

  const laneOf = (priority: Urgency): number => URGENCIES.length - 1 - URGENCIES.indexOf(priority);
  const take = (): { turnId: string; lane: number } | undefined => {
    for (const [lane, items] of lanes.entries()) {
      const turnId = items.shift();
      if (turnId !== undefined) return { turnId, lane };
    }
    return undefined;
  };

  function push(turnId: string, lane: number): void {
    if (closing || queued.has(turnId)) return;
    queued.add(turnId);
    lanes[lane]?.push(turnId);
    pump();
  }

  function pump(): void {
    while (!closing && active < concurrency) {
      const next = take();
      if (next === undefined) return;
      queued.delete(next.turnId);
      active += 1;
      void run(next);
    }
  }

  async function run(next: { turnId: string; lane: number }): Promise<void> {
    let result: TurnProcessResult = 'retry';
    try {
      result = await processTurn(deps, next.turnId);
    } catch (error) {
      deps.logger.error({ turnId: next.turnId, err: error instanceof Error ? { name: error.name } : {} }, 'turn delivery failed');
    } finally {
      active -= 1;
      const delayMs = REDELIVERY_MS[result];
      if (delayMs !== undefined && !closing) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          push(next.turnId, next.lane);
        }, delayMs);
        timers.add(timer);
      }
      if (active === 0) idle?.();
      pump();
    }
  }

  if (options.recover !== false) {
    for (const turn of await deps.runtime.database.turns.listUnfinished({ limit: 100_000 })) push(turn.id, laneOf(turn.priority));
  }

  return {
    kind: 'memory',
    enqueue(turn) {
      push(turn.id, laneOf(turn.priority));
      return Promise.resolve();
    },
    ping: () => (closing ? Promise.reject(new Error('queue closed')) : Promise.resolve()),
    async close() {
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      if (active === 0) return;
      await new Promise<void>((resolve) => {
        const timeout = setTimeout(resolve, CLOSE_TIMEOUT_MS);
        idle = () => {
          clearTimeout(timeout);
          resolve();
        };
      });
    },
  };
}
