/**
 * The composition root of the service: the desk runtime, the event bus, the turn queue and its
 * workers, authentication, metrics and the HTTP application — in one process (`npm start`,
 * `switchboard serve`) or split (`serve --workers 0` API nodes plus `switchboard worker`
 * processes, sharing PostgreSQL and Redis).
 */
import { hostname } from 'node:os';
import { ConfigurationError } from '@switchboard/core';
import type { EventLog, TicketQueue } from '@switchboard/core';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { App } from './access.js';
import { buildApp } from './app.js';
import { createAuthenticator } from './auth.js';
import { createMemoryBus, createRedisBus, publishAppendedEvents, publishTicketChanges } from './bus.js';
import type { EventBus } from './bus.js';
import { DEFAULT_QUEUE_CONFIG, parseServerConfig } from './config.js';
import type { QueueConfig, ServerConfigInput } from './config.js';
import type { ServiceContext } from './context.js';
import { createSimulatedEngine, withSimulatedLatency } from './engine-latency.js';
import type { BenchEngine } from './engine-latency.js';
import { createLogger } from './logger.js';
import type { LoggerConfig } from './logger.js';
import { createMetrics } from './metrics.js';
import type { DeskMetrics } from './metrics.js';
import { createBullmqDispatcher, startBullmqWorker } from './queue/bullmq.js';
import type { BullmqWorkerHandle } from './queue/bullmq.js';
import { startMemoryQueue } from './queue/memory.js';
import { createConversationCache } from './queue/conversation-cache.js';
import type { ConversationCache } from './queue/conversation-cache.js';
import type { TurnDispatcher } from './queue/memory.js';
import type { TurnProcessorDeps } from './queue/processor.js';
import { createDeskRuntime } from './runtime.js';
import type { DeskRuntime, RuntimeOptions } from './runtime.js';
import { randomIds } from './system.js';

/** Options of {@link createService} and {@link startWorker}. */
export interface ServiceOptions {
  /** Storage and desk options (database URL or PGlite directory…). */
  runtime?: RuntimeOptions;
  /** HTTP options (host, port, limits…). */
  server?: ServerConfigInput;
  /** Queue and worker options; `redisUrl` switches to BullMQ and Redis pub/sub. */
  queue?: Partial<QueueConfig>;
  /** A logger, or how to create one. */
  logger?: Logger | LoggerConfig;
  /** Simulated engine latency per turn, in milliseconds (benchmarks, crash tests). @defaultValue 0 */
  engineLatencyMs?: number;
  /**
   * `simulated` replaces the desk's engine with {@link createSimulatedEngine} (load benchmarks:
   * every agent run waits `engineLatencyMs` and gives a fixed reply); `local` keeps the local
   * engine and adds `engineLatencyMs` to each turn's first agent run. @defaultValue 'local'
   */
  engine?: BenchEngine;
}

/** A built service. `listen()` binds it; `close()` stops everything it started, in order. */
export interface Service {
  readonly app: App;
  readonly runtime: DeskRuntime;
  readonly context: ServiceContext;
  /** Binds `server.host:server.port` (default 127.0.0.1:3000). @returns the base URL (`http://127.0.0.1:3000`). */
  listen(): Promise<string>;
  close(): Promise<void>;
}

const isLogger = (value: ServiceOptions['logger']): value is Logger => typeof (value as Logger | undefined)?.child === 'function';

function runtimeOptions(options: ServiceOptions, sensitiveData: boolean): RuntimeOptions {
  const latencyMs = options.engineLatencyMs ?? 0;
  const base = options.runtime ?? {};
  const wrapEngine = base.wrapEngine;
  if (options.engine === 'simulated') return { ...base, maskAuditEvents: !sensitiveData, wrapEngine: () => createSimulatedEngine(latencyMs) };
  return {
    ...base,
    maskAuditEvents: !sensitiveData,
    ...(latencyMs > 0 || wrapEngine ? { wrapEngine: (engine) => withSimulatedLatency(wrapEngine ? wrapEngine(engine) : engine, latencyMs) } : {}),
  };
}

/** Conversations whose last turn the in-process worker remembers (each with up to `historyMessages` messages). */
const CONVERSATION_CACHE_ENTRIES = 10_000;

/** The parts both the API process and a worker process build. */
async function openCore(options: ServiceOptions, sensitiveData: boolean): Promise<{ runtime: DeskRuntime; bus: EventBus; logger: Logger; metrics: DeskMetrics; queue: QueueConfig; deps: TurnProcessorDeps }> {
  const queue: QueueConfig = { ...DEFAULT_QUEUE_CONFIG, ...options.queue };
  const logger = isLogger(options.logger) ? options.logger : createLogger({ sensitiveData, ...options.logger });
  const bus = queue.redisUrl ? await createRedisBus({ url: queue.redisUrl, prefix: queue.prefix, logger }) : createMemoryBus({ logger });
  // Stored audit events and ticket changes reach operator streams on every node (fire-and-forget).
  const wrapPorts = { events: (log: EventLog) => publishAppendedEvents(log, { bus, logger }), tickets: (tickets: TicketQueue) => publishTicketChanges(tickets, { bus, logger }) };
  const runtime = await createDeskRuntime({ ...runtimeOptions(options, sensitiveData), wrapPorts }).catch(async (error: unknown) => {
    await bus.close();
    throw error;
  });
  try {
    const metrics = createMetrics({ queueDepth: () => runtime.database.turns.depth() });
    const deps: TurnProcessorDeps = { runtime, bus, logger, metrics, workerId: `${hostname()}:${process.pid}:${randomIds.next('w')}`, leaseMs: queue.leaseMs };
    return { runtime, bus, logger, metrics, queue, deps };
  } catch (error) {
    await runtime.close();
    await bus.close();
    throw error;
  }
}

/**
 * Builds the service: opens (migrates, seeds) the database, starts the queue — in-process, or
 * BullMQ with `queue.redisUrl` — and a worker unless `queue.concurrency` is 0, and builds the app.
 * @throws ConfigurationError `CONFIG_INVALID` for invalid options (`concurrency: 0` without Redis…).
 * @throws StoreError `STORE_FAILED` when the database cannot be opened.
 * @example
 * ```ts
 * const service = await createService({ server: { port: 0 } });
 * console.log(await service.listen());
 * ```
 */
export async function createService(options: ServiceOptions = {}): Promise<Service> {
  const config = parseServerConfig(options.server);
  const requested = { ...DEFAULT_QUEUE_CONFIG, ...options.queue };
  if (requested.concurrency === 0 && !requested.redisUrl) throw new ConfigurationError('workers 0 (an API-only node) needs a Redis URL (--redis or REDIS_URL) so separate workers can take the turns', { details: { field: 'workers' } });
  const core = await openCore(options, config.sensitiveData);
  const { runtime, bus, logger, metrics, queue: queueConfig, deps } = core;
  let dispatcher: TurnDispatcher | undefined;
  let worker: BullmqWorkerHandle | undefined;
  let rateRedis: Redis | undefined;
  let conversationCache: ConversationCache | undefined;
  try {
    if (queueConfig.redisUrl) {
      dispatcher = createBullmqDispatcher({ url: queueConfig.redisUrl, prefix: queueConfig.prefix });
      if (queueConfig.concurrency > 0) worker = startBullmqWorker({ deps, config: { ...queueConfig, url: queueConfig.redisUrl } });
      rateRedis = new Redis(queueConfig.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
      rateRedis.on('error', () => undefined);
    } else {
      // One process runs every turn: it keeps what its last turn of each conversation left (see conversation-cache.ts).
      conversationCache = createConversationCache({ maxEntries: CONVERSATION_CACHE_ENTRIES, recentLimit: runtime.desk.limits.historyMessages });
      dispatcher = await startMemoryQueue({ deps: { ...deps, conversationCache }, concurrency: queueConfig.concurrency });
    }
    const context: ServiceContext = { runtime, queue: dispatcher, bus, ...(conversationCache ? { conversationCache } : {}), auth: await createAuthenticator({ database: runtime.database, clock: runtime.ports.clock }), metrics, config, logger };
    const app = await buildApp(context, rateRedis ? { redis: rateRedis, prefix: queueConfig.prefix } : {});
    let closing: Promise<void> | undefined;
    return {
      app,
      runtime,
      context,
      async listen() {
        app.server.keepAliveTimeout = config.keepAliveTimeoutMs;
        app.server.headersTimeout = config.headersTimeoutMs;
        app.server.requestTimeout = config.requestTimeoutMs;
        await app.listen({ host: config.host, port: config.port, backlog: config.listenBacklog });
        const address = app.server.address();
        const port = typeof address === 'object' && address !== null ? address.port : config.port;
        return `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
      },
      close() {
        closing ??= (async () => {
          await app.close();
          await worker?.close();
          await dispatcher?.close();
          await bus.close();
          await rateRedis?.quit().catch(() => undefined);
          await runtime.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await worker?.close().catch(() => undefined);
    await dispatcher?.close().catch(() => undefined);
    rateRedis?.disconnect();
    await bus.close();
    await runtime.close();
    throw error;
  }
}

/** A running `switchboard worker`. */
export interface WorkerProcess {
  readonly runtime: DeskRuntime;
  readonly metrics: DeskMetrics;
  close(): Promise<void>;
}

/**
 * Starts a worker process: takes turns from the BullMQ queue on `queue.redisUrl` and publishes
 * replies on the Redis bus. Needs the same database as the API nodes (PostgreSQL).
 * @throws ConfigurationError `CONFIG_INVALID` without `queue.redisUrl`.
 */
export async function startWorker(options: ServiceOptions & { sensitiveData?: boolean }): Promise<WorkerProcess> {
  const redisUrl = options.queue?.redisUrl;
  if (!redisUrl) throw new ConfigurationError('A worker needs a Redis URL (--redis or REDIS_URL) to take turns from', { details: { field: 'redis' } });
  const core = await openCore(options, options.sensitiveData === true);
  const worker = startBullmqWorker({ deps: core.deps, config: { ...core.queue, concurrency: Math.max(1, core.queue.concurrency), url: redisUrl } });
  return {
    runtime: core.runtime,
    metrics: core.metrics,
    async close() {
      await worker.close();
      await core.bus.close();
      await core.runtime.close();
    },
  };
}
