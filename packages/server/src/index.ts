/**
 * @switchboard/server — the HTTP API (fastify) with SSE, auth and limits, the turn queue and its
 * workers (in-process or BullMQ), /metrics; and the desk's composition root (`createDeskRuntime`).
 */
export { createDeskRuntime, openSeededDatabase, type DeskRuntime, type RuntimeOptions } from './runtime.js';
export { randomIds, systemClock } from './system.js';
export { createService, startWorker, type Service, type ServiceOptions, type WorkerProcess } from './service.js';
export { parseServerConfig, DEFAULT_QUEUE_CONFIG, type QueueConfig, type ServerConfig, type ServerConfigInput } from './config.js';
export { createOperatorKey, hashOperatorKey } from './auth.js';
export { createLogger, type LoggerConfig } from './logger.js';
export { HTTP_STATUS, toWireError, type WireError } from './errors.js';
export { maskPersonalData, findPersonalData } from './mask.js';
export { createSimulatedEngine, SIMULATED_REPLY, withSimulatedLatency } from './engine-latency.js';
export type { BenchEngine } from './engine-latency.js';
export { DESK_MODEL_ID } from './routes/openai.js';
