/**
 * The console's metrics summary (`GET /v1/metrics/summary`), computed from the audit events, CSAT
 * ratings and tickets of a window. Pure: the route loads the records, this turns them into the
 * `MetricsSummary` read model of `@switchboard/core/protocol`.
 *
 * Definitions (targets from the multi-agent support write-up in `../shared/reference`, metric
 * targets table): a conversation is *in the window* when the desk processed one of its turns
 * there; it *has an outcome* when a turn ended `resolved` or a ticket was opened; *resolved*
 * means resolved without a human (no ticket in the window; target > 70 %); *escalated* means a
 * ticket was opened (target < 15 %); handoffs per conversation target < 2.0; CSAT target > 4.2.
 */
import type { AgentEvent, DeskConfig, Ticket } from '@switchboard/core';
import type { FeedbackRecord } from '@switchboard/stores';
import type { z } from 'zod';
import type { AgentMetricsSchema, MetricsSummaryResponseSchema } from '../protocol.js';
import { conversationsOf, turnsOf } from './facts.js';
import type { ConversationFacts, TurnFacts } from './facts.js';
import { mean, percentile, rate } from './stats.js';

export type MetricsSummary = z.infer<typeof MetricsSummaryResponseSchema>;
type AgentMetrics = z.infer<typeof AgentMetricsSchema>;

const HOUR_MS = 3_600_000;

/** What {@link computeMetricsSummary} reads. */
export interface MetricsInput {
  desk: Pick<DeskConfig, 'agents'>;
  /** Audit events of the window (any order). */
  events: readonly AgentEvent[];
  /** CSAT ratings given or changed in the window. */
  feedback: readonly FeedbackRecord[];
  /** Tickets waiting for an operator (status `open`), for the inbox badge. */
  openTickets: readonly Ticket[];
  /** Window start, inclusive (epoch ms). */
  fromMs: number;
  /** Window end, exclusive (epoch ms): now. */
  toMs: number;
}

function agentMetrics(agentId: string, input: { conversations: readonly ConversationFacts[]; events: readonly AgentEvent[]; ratings: ReadonlyMap<string, number> }): AgentMetrics {
  const answered = input.conversations.filter((facts) => facts.answeredBy.has(agentId));
  const latencies = input.events.filter((event) => event.type === 'agent_invoke' && event.agentId === agentId && event.latencyMs !== undefined).map((event) => event.latencyMs ?? 0);
  const ratings = answered.map((facts) => input.ratings.get(facts.conversationId)).filter((rating): rating is number => rating !== undefined);
  const costUsd = input.events.filter((event) => event.agentId === agentId).reduce((sum, event) => sum + (event.costUsd ?? 0), 0);
  return {
    agentId,
    conversations: answered.length,
    resolutionRate: rate(answered.filter((facts) => facts.resolvedByDesk).length, answered.length),
    escalationRate: rate(answered.filter((facts) => facts.escalated).length, answered.length),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), count: latencies.length },
    csat: mean(ratings) ?? null,
    costUsd,
  };
}

/** Routed agent (rows) × answering agent (columns) over turns that have both. */
function routingMatrix(turns: readonly TurnFacts[]): MetricsSummary['routing'] {
  const pairs = turns.flatMap((turn) => (turn.routedAgentId && turn.finalAgentId ? [[turn.routedAgentId, turn.finalAgentId] as const] : []));
  const labels = [...new Set(pairs.flat())].sort();
  const index = new Map(labels.map((label, position) => [label, position]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const [routed, final] of pairs) {
    const row = matrix[index.get(routed) ?? 0];
    const column = index.get(final) ?? 0;
    if (row) row[column] = (row[column] ?? 0) + 1;
  }
  const correct = pairs.filter(([routed, final]) => routed === final).length;
  return { labels, matrix, accuracy: pairs.length === 0 ? null : correct / pairs.length };
}

/** Hourly buckets from the hour holding `fromMs` to the one holding `toMs - 1`, oldest first. */
function hourlySeries(turns: readonly TurnFacts[], window: { fromMs: number; toMs: number }): MetricsSummary['series'] {
  const firstMs = Math.floor(window.fromMs / HOUR_MS) * HOUR_MS;
  const count = Math.max(1, Math.ceil((window.toMs - firstMs) / HOUR_MS));
  const buckets = Array.from({ length: count }, (_, position) => ({ start: new Date(firstMs + position * HOUR_MS).toISOString(), turns: 0, escalations: 0, resolutions: 0 }));
  for (const turn of turns) {
    const bucket = buckets[Math.floor((turn.startMs - firstMs) / HOUR_MS)];
    if (!bucket) continue;
    bucket.turns += 1;
    if (turn.escalated) bucket.escalations += 1;
    if (turn.outcome === 'resolved') bucket.resolutions += 1;
  }
  return buckets;
}

/**
 * Computes the dashboard's numbers for one window.
 * @returns The `MetricsSummary` read model: rates 0–1 (0 when nothing happened), latencies in
 *   milliseconds (0 with no sample), money in US dollars, `csat.average` and per-agent `csat`
 *   null with no rating, `costPerTicketUsd` null with no ticket created in the window, `agents`
 *   one entry per desk agent (in desk order) plus any other agent seen in the events.
 * @example computeMetricsSummary({ desk, events, feedback, openTickets, fromMs: now - 86_400_000, toMs: now })
 */
export function computeMetricsSummary(input: MetricsInput): MetricsSummary {
  const events = input.events.filter((event) => {
    const atMs = Date.parse(event.time);
    return atMs >= input.fromMs && atMs < input.toMs;
  });
  const turns = turnsOf(events).filter((turn) => turn.desk);
  const conversations = [...conversationsOf(turns).values()];
  const ratings = new Map(input.feedback.map((record) => [record.conversationId, record.rating]));
  const withOutcome = conversations.filter((facts) => facts.resolvedByDesk || facts.escalated);
  // Every ticket the desk opens is announced by an `escalation` event carrying its id.
  const ticketsCreated = new Set(events.flatMap((event) => (event.type === 'escalation' && typeof event.data.ticketId === 'string' ? [event.data.ticketId] : []))).size;
  const costUsd = events.reduce((sum, event) => sum + (event.costUsd ?? 0), 0);
  const latencies = turns.map((turn) => turn.endMs - turn.startMs);
  // Operators act under their own id in `operator` events; they are people, not desk agents.
  const seen = new Set(events.flatMap((event) => (event.agentId && event.type !== 'operator' ? [event.agentId] : [])));
  const agentIds = [...input.desk.agents.map((agent) => agent.id), ...[...seen].filter((id) => !input.desk.agents.some((agent) => agent.id === id)).sort()];
  const openTickets: Record<string, number> = {};
  for (const ticket of input.openTickets) if (ticket.status === 'open') openTickets[ticket.queue] = (openTickets[ticket.queue] ?? 0) + 1;
  const csatValues = input.feedback.map((record) => record.rating);
  return {
    window: { from: new Date(input.fromMs).toISOString(), to: new Date(input.toMs).toISOString(), minutes: Math.round((input.toMs - input.fromMs) / 60_000) },
    conversations: conversations.length,
    turns: turns.length,
    resolutionRate: rate(withOutcome.filter((facts) => facts.resolvedByDesk).length, withOutcome.length),
    escalationRate: rate(conversations.filter((facts) => facts.escalated).length, conversations.length),
    handoffsPerConversation: rate(conversations.reduce((sum, facts) => sum + facts.handoffs, 0), conversations.length),
    csat: { average: mean(csatValues) ?? null, count: csatValues.length },
    tokens: events.reduce((sum, event) => ({ input: sum.input + (event.tokens?.input ?? 0), output: sum.output + (event.tokens?.output ?? 0) }), { input: 0, output: 0 }),
    costUsd,
    costPerTicketUsd: ticketsCreated === 0 ? null : costUsd / ticketsCreated,
    turnLatencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    agents: agentIds.map((agentId) => agentMetrics(agentId, { conversations, events, ratings })),
    routing: routingMatrix(turns),
    series: hourlySeries(turns, input),
    openTickets,
  };
}
