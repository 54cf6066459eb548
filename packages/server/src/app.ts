/**
 * The fastify application: zod validation and OpenAPI (`/docs`), the error handler (one code →
 * one status), authentication, rate limits per IP and per token, body limits, request metrics,
 * and the routes. Listening is the caller's business (`startService`, tests use `inject()`).
 */
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { SwitchboardError } from '@switchboard/core';
import { fastify } from 'fastify';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { App } from './access.js';
import type { ServiceContext } from './context.js';
import { toWireError } from './errors.js';
import { registerConsoleRoutes } from './routes/console.js';
import { registerConversationRoutes } from './routes/conversations.js';
import { registerOpenAiRoutes } from './routes/openai.js';
import { registerOperatorRoutes } from './routes/operator.js';
import { registerStaticRoutes } from './routes/static.js';
import { registerStreamRoutes } from './routes/stream.js';
import { registerSystemRoutes } from './routes/system.js';
import { randomIds } from './system.js';

/** The bearer credential of a request: the Authorization header, or `?access_token=` on SSE streams. */
function credentialOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  if (request.url.includes('/stream?')) {
    const token = new URL(request.url, 'http://localhost').searchParams.get('access_token');
    if (token) return token;
  }
  return undefined;
}

/** Routes exempt from rate limits: probes and metrics scrapes. */
const UNLIMITED = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Builds the application (not listening).
 * @param context - The running service's parts.
 * @param options.redis - Shares rate-limit counters across API nodes (keys under `<prefix>:rate:`). @defaultValue per-process counters
 * @param options.consoleDir - The web console's build output served at `/`, `/console` and `/assets/`. @defaultValue `apps/console/dist` of this repository
 */
export async function buildApp(context: ServiceContext, options: { redis?: Redis; prefix?: string; consoleDir?: string } = {}): Promise<App> {
  const { config } = context;
  const loggerInstance: FastifyBaseLogger = context.logger;
  const app = fastify({
    loggerInstance,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomIds.next('req'),
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', undefined);

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toWireError(error, { requestId: request.id, exposeStack: config.exposeStack });
    if (status >= 500) request.log.error({ code: body.error.code, err: { name: error instanceof Error ? error.name : typeof error, cause: error instanceof SwitchboardError ? error.details : undefined } }, 'request failed');
    else request.log.info({ code: body.error.code }, 'request refused');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = toWireError(new SwitchboardError('NOT_FOUND', 'No such route'), { requestId: request.id });
    return reply.code(status).send(body);
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Switchboard API', version: '1.0.0', description: 'Multi-agent customer-support desk. Error codes: docs/errors.md.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A customer token (ct.…) or an operator API key (sbk_…)' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  await app.register(fastifyRateLimit, { global: false, ...(options.redis ? { redis: options.redis, nameSpace: `${options.prefix ?? 'switchboard'}:rate:` } : {}) });
  const limit = (limiter: ReturnType<typeof app.createRateLimit>) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (config.rateLimitDisabled || UNLIMITED.has(request.url.split('?')[0] ?? '')) return;
    const result = await limiter(request);
    if (result.isAllowed) return;
    void reply.header('x-ratelimit-limit', result.max).header('x-ratelimit-remaining', result.remaining);
    if (!result.isExceeded) return;
    void reply.header('retry-after', result.ttlInSeconds);
    throw new SwitchboardError('RATE_LIMITED', 'Too many requests. Retry after the time in the Retry-After header.', { details: { limit: result.max, retryAfterSeconds: result.ttlInSeconds }, isRetryable: true });
  };
  const perIp = limit(app.createRateLimit({ max: config.rateLimitPerIpPerMinute, timeWindow: 60_000, keyGenerator: (request) => `ip:${request.ip}` }));
  const perToken = limit(app.createRateLimit({ max: config.rateLimitPerTokenPerMinute, timeWindow: 60_000, keyGenerator: (request) => request.principal?.id ?? 'anonymous', allowList: (request) => request.principal === undefined }));
  app.addHook('onRequest', perIp);
  app.addHook('onRequest', async (request) => {
    const credential = credentialOf(request);
    if (credential === undefined) return;
    request.principal = await context.auth.authenticate(credential);
    if (!request.principal) throw new SwitchboardError('UNAUTHENTICATED', 'The token or API key is not valid (revoked, mistyped, or for another desk)');
  });
  app.addHook('onRequest', perToken);
  app.addHook('onResponse', (request, reply, done) => {
    context.metrics.observeRequest({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, seconds: reply.elapsedTime / 1000 });
    done();
  });

  registerSystemRoutes(app, context);
  registerConversationRoutes(app, context);
  registerStreamRoutes(app, context);
  registerOperatorRoutes(app, context);
  registerConsoleRoutes(app, context);
  registerOpenAiRoutes(app, context);
  await registerStaticRoutes(app, options.consoleDir === undefined ? {} : { consoleDir: options.consoleDir });
  return app;
}
