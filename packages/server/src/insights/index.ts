/**
 * The console's read models, loaded from the desk's stores and computed: the metrics summary,
 * active alerts, the agent graph and the live conversation list. Route handlers call these; the
 * computations themselves are pure (`metrics.ts`, `alerts.ts`, `graph.ts`).
 *
 * Bounds: a window reads at most {@link MAX_WINDOW_EVENTS} audit events (the newest; a warning is
 * logged when the cut applies) and {@link MAX_WINDOW_RATINGS} CSAT ratings. Circuit breakers live
 * in each process: an API-only node (`serve --workers 0`) sees its own breakers only.
 */
import type { AgentEvent } from '@switchboard/core';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { conversationView } from '../access.js';
import { maskPersonalData } from '../mask.js';
import type { ConversationSummarySchema } from '../protocol.js';
import type { DeskRuntime } from '../runtime.js';
import { evaluateAlerts } from './alerts.js';
import type { Alert } from './alerts.js';
import { computeDeskGraph } from './graph.js';
import type { DeskGraph } from './graph.js';
import { computeMetricsSummary } from './metrics.js';
import type { MetricsSummary } from './metrics.js';

export { ALERT_RULES, evaluateAlerts, type Alert, type AlertThresholds } from './alerts.js';
export { computeDeskGraph, type DeskGraph } from './graph.js';
export { computeMetricsSummary, type MetricsSummary } from './metrics.js';

/** Most audit events one window reads (about 6,000 turns of the demo desk). */
export const MAX_WINDOW_EVENTS = 50_000;
/** Most CSAT ratings one window reads. */
export const MAX_WINDOW_RATINGS = 10_000;
/** Rated conversations whose answering agents the CSAT rule looks up outside the window, at most. */
const MAX_RATED_LOOKUPS = 200;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** What the loaders need: the desk, its stores and breakers, a logger. */
export interface InsightSources {
  runtime: Pick<DeskRuntime, 'desk' | 'tools' | 'database' | 'ports'>;
  logger: Logger;
}

async function windowEvents(sources: InsightSources, sinceMs: number): Promise<AgentEvent[]> {
  const events = await sources.runtime.database.events.listSince({ since: new Date(sinceMs).toISOString(), limit: MAX_WINDOW_EVENTS });
  if (events.length >= MAX_WINDOW_EVENTS) sources.logger.warn({ limit: MAX_WINDOW_EVENTS, since: new Date(sinceMs).toISOString() }, 'console window cut to the newest audit events');
  return events;
}

const isOpen = (sources: InsightSources, key: string): boolean => sources.runtime.ports.breakers?.state(key) === 'open';

/**
 * The dashboard's numbers over the last `windowMinutes`.
 * @param options.windowMinutes - Window length in minutes, 1–43,200 (validated by the route schema).
 * @param options.nowMs - Window end, epoch ms.
 * @throws StoreError `STORE_FAILED` when the database cannot be read.
 */
export async function readMetricsSummary(sources: InsightSources, options: { windowMinutes: number; nowMs: number }): Promise<MetricsSummary> {
  const fromMs = options.nowMs - options.windowMinutes * MINUTE_MS;
  const { database } = sources.runtime;
  const [events, feedback, openTickets] = await Promise.all([
    windowEvents(sources, fromMs),
    database.feedback.listSince({ since: new Date(fromMs).toISOString(), limit: MAX_WINDOW_RATINGS }),
    database.tickets.list({ status: 'open' }),
  ]);
  return computeMetricsSummary({ desk: sources.runtime.desk, events, feedback, openTickets, fromMs, toMs: options.nowMs });
}

/**
 * Evaluates the alert rules now (last hour against the 24 hours before it; CSAT over 24 hours).
 * @throws StoreError `STORE_FAILED` when the database cannot be read.
 */
export async function readAlerts(sources: InsightSources, options: { nowMs: number }): Promise<{ alerts: Alert[]; evaluatedAt: string }> {
  const { runtime } = sources;
  const [events, feedback, openTickets] = await Promise.all([
    windowEvents(sources, options.nowMs - 25 * HOUR_MS),
    runtime.database.feedback.listSince({ since: new Date(options.nowMs - 24 * HOUR_MS).toISOString(), limit: MAX_WINDOW_RATINGS }),
    runtime.database.tickets.list({ status: 'open' }),
  ]);
  const inWindow = new Set(events.map((event) => event.conversationId));
  const ratedAgents = new Map<string, string[]>();
  for (const record of feedback.filter((item) => !inWindow.has(item.conversationId)).slice(-MAX_RATED_LOOKUPS)) {
    const history = await runtime.database.events.list(record.conversationId);
    ratedAgents.set(record.conversationId, [...new Set(history.flatMap((event) => (event.type === 'agent_invoke' && event.agentId ? [event.agentId] : [])))]);
  }
  const keys = [...runtime.desk.agents.map((agent) => `agent:${agent.id}`), ...runtime.tools.map((tool) => `tool:${tool.name}`)];
  const alerts = evaluateAlerts({ desk: runtime.desk, events, feedback, ratedAgents, openTickets, openCircuits: keys.filter((key) => isOpen(sources, key)), nowMs: options.nowMs });
  return { alerts, evaluatedAt: new Date(options.nowMs).toISOString() };
}

/**
 * The agent graph with live status; edge counts over the last `windowMinutes`.
 * @throws StoreError `STORE_FAILED` when the database cannot be read.
 */
export async function readDeskGraph(sources: InsightSources, options: { windowMinutes: number; nowMs: number }): Promise<DeskGraph> {
  const { runtime } = sources;
  const [events, activeConversations] = await Promise.all([windowEvents(sources, options.nowMs - options.windowMinutes * MINUTE_MS), runtime.database.conversations.countActiveByAgent()]);
  return computeDeskGraph({ desk: runtime.desk, tools: runtime.tools, events, activeConversations, isCircuitOpen: (agentId) => isOpen(sources, `agent:${agentId}`), nowMs: options.nowMs });
}

/** Characters of the last message a conversation list shows. */
const LAST_MESSAGE_CHARS = 140;

/**
 * Live conversations for operators, most recently updated first.
 * @param options.sensitiveData - Show the last message unmasked (the service's sensitive-data switch). @defaultValue false
 * @throws StoreError `STORE_FAILED` when the database cannot be read.
 */
export async function readConversationList(sources: Pick<InsightSources, 'runtime'>, options: { status?: z.infer<typeof ConversationSummarySchema>['status']; limit: number; sensitiveData?: boolean }): Promise<z.infer<typeof ConversationSummarySchema>[]> {
  const listed = await sources.runtime.database.conversations.listRecent({ ...(options.status ? { status: options.status } : {}), limit: options.limit });
  return listed.map(({ conversation, messageCount, lastMessage }) => {
    // Mask before cutting, so a cut never leaves half an email address unmasked.
    const shown = lastMessage === undefined ? undefined : (options.sensitiveData === true ? lastMessage.text : maskPersonalData(lastMessage.text)).slice(0, LAST_MESSAGE_CHARS);
    return { ...conversationView(conversation), ...(shown === undefined ? {} : { lastMessage: shown }), messageCount };
  });
}
