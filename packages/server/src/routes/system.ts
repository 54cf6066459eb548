/**
 * Probes and metrics: `/healthz` (the process answers), `/readyz` (database, queue and bus
 * answer), `/metrics` (Prometheus text format). Pages (`/`, `/console`) are in `static.ts`.
 */
import { SwitchboardError } from '@switchboard/core';
import { z } from 'zod';
import type { App } from '../access.js';
import type { ServiceContext } from '../context.js';
import { ErrorResponseSchema } from '../protocol.js';

const ReadySchema = z.object({ status: z.literal('ready'), database: z.string(), queue: z.string() });

/** Registers the probe and metrics routes. */
export function registerSystemRoutes(app: App, context: ServiceContext): void {
  app.get('/healthz', { schema: { tags: ['system'], summary: 'Liveness: the process answers', response: { 200: z.object({ status: z.literal('ok') }) } } }, () => ({ status: 'ok' as const }));

  app.get('/readyz', {
    schema: { tags: ['system'], summary: 'Readiness: database, queue and event bus answer', response: { 200: ReadySchema, 503: ErrorResponseSchema } },
  }, async () => {
    try {
      await Promise.all([context.runtime.database.ping(), context.queue.ping(), context.bus.ping()]);
    } catch (error) {
      throw new SwitchboardError('UNAVAILABLE', 'A dependency does not answer', { cause: error, isRetryable: true });
    }
    return { status: 'ready' as const, database: context.runtime.database.kind, queue: context.queue.kind };
  });

  app.get('/metrics', { schema: { tags: ['system'], summary: 'Prometheus metrics', hide: false } }, async (_request, reply) => {
    const text = await context.metrics.registry.metrics();
    return reply.type(context.metrics.registry.contentType).send(text);
  });
}
