/**
 * The operator console's read models (operator API key): the agent graph with live status
 * (`GET /v1/desk/graph`), the metrics summary (`GET /v1/metrics/summary`), active alerts
 * (`GET /v1/alerts`) and live conversations (`GET /v1/conversations`). Shapes:
 * `@switchboard/core/protocol` (`console.ts`); computations: `../insights`.
 */
import { requireOperator } from '../access.js';
import type { App } from '../access.js';
import type { ServiceContext } from '../context.js';
import { readAlerts, readConversationList, readDeskGraph, readMetricsSummary } from '../insights/index.js';
import {
  AlertsResponseSchema,
  ConversationListQuerySchema,
  ConversationListResponseSchema,
  DeskGraphResponseSchema,
  ERROR_RESPONSES,
  MetricsSummaryResponseSchema,
  MetricsWindowQuerySchema,
} from '../protocol.js';

/** Registers the console routes. */
export function registerConsoleRoutes(app: App, context: ServiceContext): void {
  const sources = { runtime: context.runtime, logger: context.logger };
  const nowMs = () => context.runtime.ports.clock.now().getTime();

  app.get('/v1/desk/graph', {
    schema: {
      tags: ['operator'],
      summary: 'The desk: agents with live status (active, idle, stuck) and last heartbeat, tools, and the edges between agents with their use in the window',
      querystring: MetricsWindowQuerySchema,
      response: { 200: DeskGraphResponseSchema, ...ERROR_RESPONSES },
    },
  }, async (request) => {
    requireOperator(request);
    return readDeskGraph(sources, { windowMinutes: request.query.windowMinutes, nowMs: nowMs() });
  });

  app.get('/v1/metrics/summary', {
    schema: {
      tags: ['operator'],
      summary: 'Dashboard numbers over the last windowMinutes: resolution and escalation rates, handoffs, CSAT, tokens and cost, latency, per-agent metrics, routing confusion matrix, hourly series, open tickets',
      querystring: MetricsWindowQuerySchema,
      response: { 200: MetricsSummaryResponseSchema, ...ERROR_RESPONSES },
    },
  }, async (request) => {
    requireOperator(request);
    return readMetricsSummary(sources, { windowMinutes: request.query.windowMinutes, nowMs: nowMs() });
  });

  app.get('/v1/alerts', {
    schema: {
      tags: ['operator'],
      summary: 'Active alerts: escalation spike, routing loop, resolution time creep, CSAT drop, SLA breach, open circuit breaker',
      response: { 200: AlertsResponseSchema, ...ERROR_RESPONSES },
    },
  }, async (request) => {
    requireOperator(request);
    return readAlerts(sources, { nowMs: nowMs() });
  });

  app.get('/v1/conversations', {
    schema: {
      tags: ['operator'],
      summary: 'Live conversations, most recently updated first, with their last message (masked)',
      querystring: ConversationListQuerySchema,
      response: { 200: ConversationListResponseSchema, ...ERROR_RESPONSES },
    },
  }, async (request) => {
    requireOperator(request);
    const { status, limit } = request.query;
    return { conversations: await readConversationList(sources, { ...(status ? { status } : {}), limit, sensitiveData: context.config.sensitiveData }) };
  });
}
