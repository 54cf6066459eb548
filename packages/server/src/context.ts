/**
 * Everything route handlers share: the desk, the queue, the bus, authentication, metrics and
 * configuration of one service instance.
 */
import type { Logger } from 'pino';
import type { AcceptDeps } from './accept.js';
import type { Authenticator } from './auth.js';
import type { ServerConfig } from './config.js';
import type { DeskMetrics } from './metrics.js';

/** The parts of a running service that routes use. */
export interface ServiceContext extends AcceptDeps {
  auth: Authenticator;
  metrics: DeskMetrics;
  config: ServerConfig;
  logger: Logger;
}
