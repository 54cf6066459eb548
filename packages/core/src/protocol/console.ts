/**
 * Console protocol (`@switchboard/core/protocol`): the operator-side read models the web console
 * draws — the desk's agent graph with live status, the metrics summary behind the dashboard,
 * active alerts, and the list of live conversations. All are operator-only (operator API key).
 *
 * Units: times are ISO-8601 strings, durations milliseconds, money US dollars, rates 0–1.
 * Rule sources: the alert rules and metric targets come from the multi-agent support write-up in
 * `../shared/reference` (escalation spike > 25 % in an hour, routing loops of 3+ hops, resolution
 * time doubling, CSAT below 3.5 for an agent; resolution > 70 %, escalation < 15 %, CSAT > 4.2).
 */
import { z } from 'zod';
import { ConversationStatusSchema } from '../domain/conversation.js';
import { AgentEventSchema } from '../domain/events.js';
import { MessageSchema } from '../domain/message.js';
import { ConversationViewSchema } from './conversation-view.js';

/** `GET /v1/desk/graph`: agents, tools and the edges between agents, with live status. */
export const AgentStatusSchema = z.enum(['active', 'idle', 'stuck']);
export const DeskGraphAgentSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  role: z.enum(['triage', 'specialist', 'escalation', 'qa']),
  tools: z.array(z.string()),
  /**
   * `active`: ran a turn in the last 5 minutes; `stuck`: its last invocation has no finishing
   * event after 60 s, or its circuit breaker is open; `idle` otherwise.
   */
  status: AgentStatusSchema,
  /** Time of this agent's last audit event (its heartbeat); absent when it never ran. */
  lastHeartbeatAt: z.string().optional(),
  /** Conversations currently held by this agent (not resolved or abandoned, currentAgentId = id). */
  activeConversations: z.number().int().min(0),
});
export const DeskGraphToolSchema = z.object({
  name: z.string(),
  kind: z.enum(['read', 'write']),
  description: z.string(),
  /** Ids of the agents allowed to call it. */
  agents: z.array(z.string()),
});
export const DeskGraphEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** `route`: triage routes to the agent; `handoff`, `delegate`, `manages`: from the agent config. */
  kind: z.enum(['route', 'handoff', 'delegate', 'manages']),
  /** Handoffs along this edge observed in the metrics window. */
  count: z.number().int().min(0),
});
export const DeskGraphResponseSchema = z
  .object({ agents: z.array(DeskGraphAgentSchema), tools: z.array(DeskGraphToolSchema), edges: z.array(DeskGraphEdgeSchema), generatedAt: z.string() })
  .meta({ id: 'DeskGraph' });

/** `GET /v1/metrics/summary?windowMinutes=N`: the dashboard's numbers over the last N minutes. */
export const MetricsWindowQuerySchema = z.object({
  /** Length of the window in minutes, 1–43,200 (30 days). @defaultValue 1440 */
  windowMinutes: z.coerce.number().int().min(1).max(43_200).default(1440),
});
export const AgentMetricsSchema = z.object({
  agentId: z.string(),
  /** Conversations in which this agent answered at least once. */
  conversations: z.number().int().min(0),
  /** Share of those conversations resolved without a human. */
  resolutionRate: z.number().min(0).max(1),
  escalationRate: z.number().min(0).max(1),
  /** Agent invocation latency in milliseconds (`agent_invoke` events). */
  latencyMs: z.object({ p50: z.number().min(0), p95: z.number().min(0), count: z.number().int().min(0) }),
  /** Mean CSAT (1–5) of rated conversations this agent answered; null when none is rated. */
  csat: z.number().min(1).max(5).nullable(),
  costUsd: z.number().min(0),
});
export const MetricsSummaryResponseSchema = z
  .object({
    window: z.object({ from: z.string(), to: z.string(), minutes: z.number().int() }),
    conversations: z.number().int().min(0),
    turns: z.number().int().min(0),
    /** Conversations resolved without a human / conversations with an outcome (target > 0.70). */
    resolutionRate: z.number().min(0).max(1),
    /** Conversations escalated to a human / conversations (target < 0.15). */
    escalationRate: z.number().min(0).max(1),
    /** Handoffs per conversation (target < 2.0). */
    handoffsPerConversation: z.number().min(0),
    csat: z.object({ average: z.number().min(1).max(5).nullable(), count: z.number().int().min(0) }),
    tokens: z.object({ input: z.number().int().min(0), output: z.number().int().min(0) }),
    costUsd: z.number().min(0),
    /** Cost divided by tickets created in the window; null with no ticket. */
    costPerTicketUsd: z.number().min(0).nullable(),
    /** Turn latency (first triage event to last event of the turn) in milliseconds. */
    turnLatencyMs: z.object({ p50: z.number().min(0), p95: z.number().min(0), p99: z.number().min(0) }),
    agents: z.array(AgentMetricsSchema),
    /**
     * Routing confusion matrix: rows are the agent triage routed to, columns the agent that
     * finally answered the turn (after handoffs); `matrix[i][j]` counts turns.
     */
    routing: z.object({ labels: z.array(z.string()), matrix: z.array(z.array(z.number().int().min(0))), accuracy: z.number().min(0).max(1).nullable() }),
    /** Per-hour buckets for charts, oldest first. */
    series: z.array(z.object({ start: z.string(), turns: z.number().int().min(0), escalations: z.number().int().min(0), resolutions: z.number().int().min(0) })),
    /** Open tickets per queue, for the inbox badge. */
    openTickets: z.record(z.string(), z.number().int().min(0)),
  })
  .meta({ id: 'MetricsSummary' });

/** `GET /v1/alerts`: rules evaluated now over the audit log, tickets and feedback. */
export const AlertRuleSchema = z.enum(['escalation_spike', 'routing_loop', 'resolution_time_creep', 'csat_drop', 'sla_breach', 'circuit_open']);
export const AlertSchema = z
  .object({
    /** Stable for the same rule and subject, so a client can de-duplicate. */
    id: z.string(),
    rule: AlertRuleSchema,
    severity: z.enum(['warning', 'critical']),
    /** One sentence an operator can act on; no customer data. */
    message: z.string(),
    value: z.number(),
    threshold: z.number(),
    since: z.string(),
    agentId: z.string().optional(),
    conversationId: z.string().optional(),
    ticketId: z.string().optional(),
  })
  .meta({ id: 'Alert' });
export const AlertsResponseSchema = z.object({ alerts: z.array(AlertSchema), evaluatedAt: z.string() });

/** `GET /v1/conversations?status=&limit=`: live conversations for operators, most recently updated first. */
export const ConversationListQuerySchema = z.object({
  status: ConversationStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const ConversationSummarySchema = ConversationViewSchema
  .extend({
    /** First 140 characters of the last message (masked like the audit log). */
    lastMessage: z.string().optional(),
    messageCount: z.number().int().min(0),
  })
  .meta({ id: 'ConversationSummary' });
export const ConversationListResponseSchema = z.object({ conversations: z.array(ConversationSummarySchema) });

/**
 * `GET /v1/conversations/:id/events` (operators): the conversation's audit events, oldest first;
 * the same records ride `event: audit` frames of the operator streams.
 */
export const ConversationEventsResponseSchema = z.object({ events: z.array(AgentEventSchema) });

/**
 * Data of an `event: turn` SSE frame: a turn of the conversation finished (`replies` are the
 * messages it sent, `ticketId` the ticket it opened, if any).
 */
export const TurnFrameSchema = z.object({
  type: z.literal('turn'),
  conversationId: z.string(),
  turnId: z.string(),
  status: z.enum(['done', 'failed']),
  outcome: z.string().optional(),
  errorCode: z.string().optional(),
  replies: z.array(MessageSchema),
  ticketId: z.string().optional(),
});
