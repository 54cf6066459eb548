/**
 * The distributed turn queue: BullMQ on Redis (`REDIS_URL`). API nodes add a job per accepted
 * turn (job id = turn id, BullMQ priority = the triage lane); `switchboard worker` processes run
 * them. BullMQ gives at-least-once delivery; the database claim gives one-at-a-time per
 * conversation, in order, and the turn ports make a re-run write nothing twice.
 *
 * Stall tuning: a job's lock lasts `leaseMs` (renewed every half) and workers look for stalled
 * jobs every `stalledIntervalMs`, so a killed worker's turn runs again within about
 * `leaseMs + stalledIntervalMs` (≈ 7.5 s with the defaults) instead of BullMQ's ~60 s.
 */
import { TriageDecisionSchema } from '@switchboard/core';
import type { Urgency } from '@switchboard/core';
import { DelayedError, Queue, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { QueueConfig } from '../config.js';
import type { TurnDispatcher } from './memory.js';
import { processTurn } from './processor.js';
import type { TurnDelivery, TurnProcessorDeps } from './processor.js';
import type { CarriedTriage } from './turn-ports.js';

/** BullMQ queue name (keys are `<prefix>:turns:*`). */
export const TURN_QUEUE_NAME = 'turns';
/** BullMQ priorities: 1 runs first. */
const PRIORITY: Readonly<Record<Urgency, number>> = { urgent: 1, high: 2, normal: 3, low: 4 };
/** Delivery attempts of one job (processor errors only; blocked turns do not count). */
const ATTEMPTS = 8;

interface TurnJobData {
  turnId: string;
  conversationId: string;
  /** The triage made at accept (absent in jobs added before it was carried, and by the sweeper). */
  triage?: unknown;
}

/** The job's carried triage when it is well-formed; anything else is ignored (the turn triages again). */
function carriedTriage(value: unknown): CarriedTriage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { triagerId, textSha256, decision } = value as Record<string, unknown>;
  if (typeof triagerId !== 'string' || typeof textSha256 !== 'string') return undefined;
  const parsed = TriageDecisionSchema.safeParse(decision);
  return parsed.success ? { triagerId, textSha256, decision: parsed.data } : undefined;
}

const connectionFor = (url: string): Redis => new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });

/**
 * Creates the producer side: adds turn jobs.
 * @param options.url - Redis URL.
 * @param options.prefix - Redis key prefix.
 */
export function createBullmqDispatcher(options: { url: string; prefix: string }): TurnDispatcher {
  const connection = connectionFor(options.url);
  connection.on('error', () => undefined); // ioredis reconnects; readiness reports the outage
  const queue = new Queue<TurnJobData>(TURN_QUEUE_NAME, { connection, prefix: options.prefix });
  return {
    kind: 'bullmq',
    async enqueue(turn) {
      await queue.add('turn', { turnId: turn.id, conversationId: turn.conversationId, ...(turn.triage ? { triage: turn.triage } : {}) }, {
        jobId: turn.id,
        priority: PRIORITY[turn.priority],
        attempts: ATTEMPTS,
        backoff: { type: 'exponential', delay: 250 },
        // The job carries the accept-time triage, entities included (emails, order ids): it leaves
        // Redis as soon as the turn is done; a job that failed every attempt stays an hour for
        // inspection. The turn's record is in the database either way.
        removeOnComplete: true,
        removeOnFail: { age: 3600 },
      });
    },
    async ping() {
      await connection.ping();
    },
    async close() {
      await queue.close();
      await connection.quit().catch(() => undefined);
    },
  };
}

/** A running BullMQ worker and its sweeper. */
export interface BullmqWorkerHandle {
  close(): Promise<void>;
}

/**
 * Starts a worker on the turn queue, plus a sweeper that re-adds turns the database holds as
 * queued for over `sweepAfterMs` (an API node died between storing a turn and adding its job;
 * adding an existing job id is a no-op).
 */
export function startBullmqWorker(options: { deps: TurnProcessorDeps; config: Pick<QueueConfig, 'concurrency' | 'leaseMs' | 'stalledIntervalMs' | 'prefix'> & { url: string }; sweepAfterMs?: number }): BullmqWorkerHandle {
  const { deps, config } = options;
  const connection = connectionFor(config.url);
  connection.on('error', () => undefined);
  const worker = new Worker<TurnJobData>(
    TURN_QUEUE_NAME,
    async (job: Job<TurnJobData>, token?: string) => {
      const triage = carriedTriage(job.data.triage);
      const delivery: TurnDelivery = { turnId: job.data.turnId, ...(triage ? { triage } : {}) };
      const result = await processTurn({ ...deps, maxAttempts: ATTEMPTS }, delivery);
      if (result === 'blocked' || result === 'busy') {
        await job.moveToDelayed(deps.runtime.ports.clock.now().getTime() + (result === 'blocked' ? 50 : 500), token);
        throw new DelayedError();
      }
      if (result === 'retry') throw new Error('turn released for a retry');
      return result;
    },
    { connection, prefix: config.prefix, concurrency: Math.max(1, config.concurrency), lockDuration: config.leaseMs, stalledInterval: config.stalledIntervalMs, maxStalledCount: 20 },
  );
  worker.on('error', (error: Error) => deps.logger.warn({ err: { name: error.name } }, 'turn worker error'));
  const dispatcher = createBullmqDispatcher({ url: config.url, prefix: config.prefix });
  const sweepAfterMs = options.sweepAfterMs ?? 10_000;
  const sweep = setInterval(() => {
    void (async () => {
      const cutoff = deps.runtime.ports.clock.now().getTime() - sweepAfterMs;
      for (const turn of await deps.runtime.database.turns.listUnfinished({ limit: 500 })) {
        if (turn.status === 'queued' && Date.parse(turn.createdAt) < cutoff) await dispatcher.enqueue({ id: turn.id, conversationId: turn.conversationId, priority: turn.priority });
      }
    })().catch(() => deps.logger.warn('turn sweep failed'));
  }, Math.max(1000, Math.floor(sweepAfterMs / 2)));
  sweep.unref();
  return {
    async close() {
      clearInterval(sweep);
      await worker.close();
      await dispatcher.close();
      await connection.quit().catch(() => undefined);
    },
  };
}
