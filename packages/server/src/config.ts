/**
 * The service's configuration, validated once at the edge (CLI flags, environment) and frozen.
 * Every limit is named with its unit.
 */
import { ConfigurationError } from '@switchboard/core';
import { z } from 'zod';

const ServerConfigSchema = z.object({
  /** Interface to bind. @defaultValue '127.0.0.1' (loopback only) */
  host: z.string().min(1).default('127.0.0.1'),
  /** TCP port; 0 picks a free one. @defaultValue 3000 */
  port: z.number().int().min(0).max(65_535).default(3000),
  /** Largest request body, in bytes. @defaultValue 65,536 (a 4,000-character message is < 16 KiB as UTF-8 JSON) */
  bodyLimitBytes: z.number().int().min(1024).max(10_485_760).default(65_536),
  /** Requests per minute per client IP (all routes). @defaultValue 1200 */
  rateLimitPerIpPerMinute: z.number().int().min(1).default(1200),
  /** Requests per minute per customer token or operator key. @defaultValue 300 */
  rateLimitPerTokenPerMinute: z.number().int().min(1).default(300),
  /** Turn rate limiting off (load benchmarks on loopback). @defaultValue false */
  rateLimitDisabled: z.boolean().default(false),
  /** Longest `?wait=true` on posting a message, in milliseconds. @defaultValue 30,000 */
  maxWaitMs: z.number().int().min(0).max(120_000).default(30_000),
  /** SSE heartbeat comment interval, in milliseconds. @defaultValue 15,000 */
  heartbeatMs: z.number().int().min(100).default(15_000),
  /** Keep personal data in logs and audit events. @defaultValue false */
  sensitiveData: z.boolean().default(false),
  /** Stack traces in error bodies (development only). @defaultValue false */
  exposeStack: z.boolean().default(false),
  /** Trust `X-Forwarded-For` from a reverse proxy for the client IP. @defaultValue false */
  trustProxy: z.boolean().default(false),
  /**
   * How long an idle keep-alive connection stays open, in milliseconds. @defaultValue 65,000 —
   * longer than common load balancers' idle timeouts (60 s), so the proxy closes first and never
   * reuses a socket the server just closed (Node's 5 s default causes such resets).
   * @see https://nodejs.org/api/http.html#serverkeepalivetimeout
   */
  keepAliveTimeoutMs: z.number().int().min(1000).max(600_000).default(65_000),
  /**
   * Longest time to receive a request's headers, in milliseconds; must exceed `keepAliveTimeoutMs`
   * (Node's guidance). @defaultValue 66,000
   * @see https://nodejs.org/api/http.html#serverheaderstimeout
   */
  headersTimeoutMs: z.number().int().min(1000).max(600_000).default(66_000),
  /** Longest time to receive a whole request, in milliseconds (0: none). @defaultValue 300,000 (Node's default) */
  requestTimeoutMs: z.number().int().min(0).max(3_600_000).default(300_000),
  /**
   * Pending-connection queue of the listening socket (capped by the kernel's `somaxconn`).
   * @defaultValue 4,096 — a burst of thousands of clients connecting at once (Node's 511 drops some on a busy loop)
   */
  listenBacklog: z.number().int().min(1).max(65_535).default(4096),
}).refine((config) => config.headersTimeoutMs > config.keepAliveTimeoutMs, { message: 'must be greater than keepAliveTimeoutMs', path: ['headersTimeoutMs'] });

/** Validated, frozen server configuration. See the field docs in `config.ts`. */
export type ServerConfig = Readonly<z.infer<typeof ServerConfigSchema>>;
/** What {@link parseServerConfig} accepts: every field optional. */
export type ServerConfigInput = z.input<typeof ServerConfigSchema>;

/**
 * Validates server configuration and fills in defaults.
 * @throws ConfigurationError `CONFIG_INVALID` naming the first invalid field.
 * @example parseServerConfig({ port: 8080 }).host // '127.0.0.1'
 */
export function parseServerConfig(input: ServerConfigInput = {}): ServerConfig {
  const parsed = ServerConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '(root)';
    throw new ConfigurationError(`Invalid server option ${field}: ${issue?.message ?? 'invalid'}`, { details: { field } });
  }
  return Object.freeze(parsed.data);
}

/** Options of the turn queue and its workers. */
export interface QueueConfig {
  /** Redis URL: BullMQ queue and pub/sub. Absent → the in-process queue and bus (one process). */
  redisUrl?: string;
  /** Turns run at once by this process's worker; 0 runs none (API-only node; needs `redisUrl`). @defaultValue 256 */
  concurrency: number;
  /** A running turn's lease, in milliseconds; renewed every `leaseMs / 2`. A dead worker's turn is taken over after it. @defaultValue 5000 */
  leaseMs: number;
  /** How often BullMQ looks for stalled jobs, in milliseconds. @defaultValue 2500 */
  stalledIntervalMs: number;
  /** Redis key prefix, so test runs and desks do not share queues. @defaultValue 'switchboard' */
  prefix: string;
}

/** Default {@link QueueConfig}: lease 5 s and stall check 2.5 s take over a dead worker's turn within ~8 s (BullMQ's defaults take ~60 s). */
export const DEFAULT_QUEUE_CONFIG: Readonly<QueueConfig> = Object.freeze({ concurrency: 256, leaseMs: 5000, stalledIntervalMs: 2500, prefix: 'switchboard' });
