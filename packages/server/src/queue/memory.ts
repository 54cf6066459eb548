/**
 * The in-process turn queue (the default, one process, no Redis): four priority lanes in memory,
 * the durable record in the database. On start it picks up every unfinished turn the database
 * holds, so a message accepted before a crash or restart is still answered.
 *
 * It never polls the database: a conversation's turns wait in memory behind the one running
 * (they are delivered when it finishes), and a turn is delivered again on a timer only when the
 * database claim refused it (another process holds it, or a retryable failure).
 */
import type { Urgency } from '@switchboard/core';
import { URGENCIES } from '@switchboard/core';
import { processClaimedTurn, processTurn } from './processor.js';
import type { ClaimedTurn, TurnDelivery, TurnProcessorDeps, TurnProcessResult } from './processor.js';
import type { ConversationSnapshot } from './conversation-cache.js';
import type { CarriedTriage } from './turn-ports.js';

/** A turn as a queue carries it: the triage made when its message was accepted rides along when known. */
export interface QueuedTurn {
  id: string;
  conversationId: string;
  priority: Urgency;
  /** Reused by the worker instead of triaging the message again (see `CarriedTriage`). */
  triage?: CarriedTriage;
}

/** Hands accepted turns to workers. */
export interface TurnDispatcher {
  readonly kind: 'memory' | 'bullmq';
  /** Queues a turn; queuing a turn twice runs it once (the database claim decides). */
  enqueue(turn: QueuedTurn): Promise<void>;
  /**
   * In-process queue only: a worker slot for the next turn of `conversationId`, taken now, when
   * this worker holds a snapshot of the conversation (`ConversationCache`), none of its turns is
   * queued or running here and a slot is free; `undefined` otherwise. The caller must settle it:
   * `run` a turn it stored leased to `workerId` (`TurnStore.acceptClaimed`), `queue` a turn it
   * stored queued (it runs before the conversation's later turns), or `cancel` when it stored
   * nothing.
   */
  reserve?(conversationId: string): TurnReservation | undefined;
  /** Throws when the queue cannot accept work (readiness probe). */
  ping(): Promise<void>;
  /** Stops taking turns and waits for running ones (up to the close timeout). */
  close(): Promise<void>;
}

/** A worker slot taken by {@link TurnDispatcher.reserve}; settle it exactly once. */
export interface TurnReservation {
  /** What the worker knows of the conversation: the lease is taken only if it is still current. */
  readonly snapshot: ConversationSnapshot;
  /** The worker the lease goes to, and its length in milliseconds. */
  readonly workerId: string;
  readonly leaseMs: number;
  /** Runs a turn stored leased to `workerId`. */
  run(claimed: ClaimedTurn): void;
  /** Queues a turn stored `queued`, ahead of the conversation's later turns. */
  queue(turn: QueuedTurn): void;
  /** Gives the slot back (nothing was stored). */
  cancel(): void;
}

/** Delay before delivering a refused turn again, in milliseconds (`blocked`: an earlier turn of its conversation runs in another process). */
const REDELIVERY_MS: Readonly<Record<TurnProcessResult, number | undefined>> = { blocked: 20, busy: 250, retry: 500, done: undefined, failed: undefined, finished: undefined, missing: undefined };
/** Longest wait for running turns on close, in milliseconds. */
const CLOSE_TIMEOUT_MS = 10_000;

interface Pending {
  delivery: TurnDelivery;
  conversationId: string;
  lane: number;
}

/**
 * Creates the in-process queue and starts its worker.
 * @param options.concurrency - Turns run at once (they mostly wait on the engine and the database). ≥ 1.
 * @param options.recover - Load unfinished turns from the database on start. @defaultValue true
 */
export async function startMemoryQueue(options: { deps: TurnProcessorDeps; concurrency: number; recover?: boolean }): Promise<TurnDispatcher> {
  const { deps, concurrency } = options;
  const lanes: Pending[][] = URGENCIES.map(() => []);
  const known = new Set<string>();
  /** Conversations with a turn in a lane or running → their later turns, in arrival order. */
  const waiting = new Map<string, Pending[]>();
  const timers = new Set<NodeJS.Timeout>();
  let active = 0;
  let closing = false;
  let idle: (() => void) | undefined;

  const laneOf = (priority: Urgency): number => URGENCIES.length - 1 - URGENCIES.indexOf(priority);
  const take = (): Pending | undefined => {
    for (const items of lanes) {
      const next = items.shift();
      if (next !== undefined) return next;
    }
    return undefined;
  };

  function push(item: Pending): void {
    if (closing || known.has(item.delivery.turnId)) return;
    known.add(item.delivery.turnId);
    const behind = waiting.get(item.conversationId);
    if (behind !== undefined) {
      behind.push(item); // delivered when the conversation's current turn is over
      return;
    }
    waiting.set(item.conversationId, []);
    lanes[item.lane]?.push(item);
    pump();
  }

  /** The conversation's current turn is over: its next turn (if any) joins its lane. */
  function advance(conversationId: string): void {
    const next = waiting.get(conversationId)?.shift();
    if (next === undefined) {
      waiting.delete(conversationId);
      return;
    }
    lanes[next.lane]?.push(next);
  }

  function pump(): void {
    while (!closing && active < concurrency) {
      const next = take();
      if (next === undefined) return;
      active += 1;
      void run(next);
    }
  }

  async function run(item: Pending, claimed?: ClaimedTurn): Promise<void> {
    let result: TurnProcessResult = 'retry';
    try {
      result = claimed === undefined ? await processTurn(deps, item.delivery) : await processClaimedTurn(deps, claimed);
    } catch (error) {
      deps.logger.error({ turnId: item.delivery.turnId, err: error instanceof Error ? { name: error.name } : {} }, 'turn delivery failed');
    } finally {
      active -= 1;
      const delayMs = REDELIVERY_MS[result];
      if (delayMs !== undefined && !closing) {
        // Delivered again later; the conversation's later turns keep waiting behind it.
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!closing) lanes[item.lane]?.push(item);
          pump();
        }, delayMs);
        timers.add(timer);
      } else {
        known.delete(item.delivery.turnId);
        advance(item.conversationId);
      }
      if (active === 0) idle?.();
      pump();
    }
  }

  if (options.recover !== false) {
    for (const turn of await deps.runtime.database.turns.listUnfinished({ limit: 100_000 })) push({ delivery: { turnId: turn.id }, conversationId: turn.conversationId, lane: laneOf(turn.priority) });
  }

  const pendingOf = (turn: QueuedTurn): Pending => ({ delivery: { turnId: turn.id, ...(turn.triage ? { triage: turn.triage } : {}) }, conversationId: turn.conversationId, lane: laneOf(turn.priority) });
  const cache = deps.conversationCache;

  return {
    kind: 'memory',
    enqueue(turn) {
      push(pendingOf(turn));
      return Promise.resolve();
    },
    reserve(conversationId) {
      const snapshot = cache?.get(conversationId);
      if (snapshot === undefined || closing || waiting.has(conversationId) || active >= concurrency) return undefined;
      // Hold the conversation (its later turns wait behind this one) and a slot.
      waiting.set(conversationId, []);
      active += 1;
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        active -= 1;
        return true;
      };
      return {
        snapshot,
        workerId: deps.workerId,
        leaseMs: deps.leaseMs,
        run(claimed) {
          if (settled) return;
          settled = true; // the slot passes to the run
          known.add(claimed.turn.id);
          void run({ delivery: { turnId: claimed.turn.id }, conversationId, lane: laneOf(claimed.turn.priority) }, claimed);
        },
        queue(turn) {
          if (!settle()) return;
          const item = pendingOf(turn);
          if (!closing && !known.has(item.delivery.turnId)) {
            known.add(item.delivery.turnId);
            lanes[item.lane]?.push(item);
          }
          if (active === 0) idle?.();
          pump();
        },
        cancel() {
          if (!settle()) return;
          advance(conversationId);
          if (active === 0) idle?.();
          pump();
        },
      };
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
