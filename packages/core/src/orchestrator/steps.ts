import { z } from 'zod';
import { AgentResultSchema } from '../domain/agent.js';
import { ConversationSchema } from '../domain/conversation.js';
import { MessageSchema } from '../domain/message.js';
import { TicketSchema } from '../domain/ticket.js';
import { TriageDecisionSchema, UrgencySchema } from '../domain/triage.js';

/** Why a conversation is escalated to a human. Each trigger is configurable and audited. */
export const EscalationTriggerSchema = z.enum([
  'human_requested',
  'legal_threat',
  'abuse',
  'repeated_failure',
  'agent_requested',
  'agent_failure',
  'max_hops',
  'handoff_loop',
  'unsupported_language',
  'severe_frustration',
  'account_flag',
  'low_confidence',
  'circuit_open',
  'urgent',
  'qa_block',
  'guardrail',
]);
export type EscalationTrigger = z.infer<typeof EscalationTriggerSchema>;

/** One agent run inside the current turn. */
export const AgentRunRecordSchema = z.object({
  agentId: z.string(),
  result: AgentResultSchema,
});

/** State `decide` reads: the conversation, the inbound message and what happened so far in this turn. */
export const TurnStateSchema = z.object({
  conversation: ConversationSchema,
  message: MessageSchema,
  triage: TriageDecisionSchema.optional(),
  runs: z.array(AgentRunRecordSchema),
  /** Agent-to-agent transfers made in this turn. */
  hops: z.number().int().min(0),
  /** Agents whose circuit breaker is open: bypassed and escalated. */
  openCircuits: z.array(z.string()).default([]),
  /** A human was already notified in parallel during this turn (urgent messages). */
  notified: z.boolean().default(false),
  /** The one retry with another specialist was used in this turn. */
  retried: z.boolean().default(false),
  /** Sub-requests still to run in this turn after the current one (multi-domain messages), in order. */
  plan: z.array(z.object({ intent: z.string(), text: z.string() })).default([]),
  /** Replies of sub-requests already answered in this turn, composed into one reply at the end. */
  completed: z.array(z.object({ agentId: z.string(), intent: z.string(), reply: z.string() })).default([]),
  /** Input-guardrail findings that allowed the message but shape the reply (`ABUSE` → a respect reminder). */
  inputFlags: z.array(z.string()).default([]),
});
export type TurnState = z.infer<typeof TurnStateSchema>;

/** What just happened; `decide` answers with the next step. */
export const TurnEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('received') }),
  z.object({ type: z.literal('triaged'), decision: TriageDecisionSchema }),
  z.object({ type: z.literal('agent_completed'), agentId: z.string(), result: AgentResultSchema, intent: z.string().optional() }),
  z.object({ type: z.literal('agent_failed'), agentId: z.string(), code: z.string() }),
  z.object({ type: z.literal('escalated'), ticket: TicketSchema, agentReply: z.string().optional() }),
  z.object({ type: z.literal('human_notified'), ticket: TicketSchema }),
  z.object({ type: z.literal('qa_blocked'), codes: z.array(z.string()) }),
]);
export type TurnEvent = z.infer<typeof TurnEventSchema>;

/**
 * The orchestrator's decision. `reply` and `stay_silent` end the turn; the others ask the
 * driver to do I/O and report back with a {@link TurnEvent}.
 */
export const NextStepSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('triage'), inputFlags: z.array(z.string()).optional() }),
  z.object({
    type: z.literal('run_agent'),
    agentId: z.string(),
    reason: z.enum(['route', 'continue', 'handoff', 'retry']),
    /** The intent the agent should work on (the active one when continuing). */
    intent: z.string(),
    fromAgentId: z.string().optional(),
    /** The sub-request's own words when the message carried several. */
    focusText: z.string().optional(),
    /** The domain manager that picked this sub-agent (hierarchical pattern). */
    viaManager: z.string().optional(),
    /** Replaces the turn's remaining plan (set when a multi-domain message is planned). */
    plan: z.array(z.object({ intent: z.string(), text: z.string() })).optional(),
    /** The sub-request just answered, to compose into the final reply. */
    complete: z.object({ agentId: z.string(), intent: z.string(), reply: z.string() }).optional(),
  }),
  z.object({
    type: z.literal('escalate'),
    trigger: EscalationTriggerSchema,
    reason: z.string(),
    priority: UrgencySchema,
    queue: z.string(),
    /** Text the specialist already wrote this turn, sent before the bridge message. */
    agentReply: z.string().optional(),
  }),
  z.object({
    type: z.literal('reply'),
    author: z.string(),
    text: z.string(),
    /** Conversation status after this reply. */
    status: ConversationSchema.shape.status,
    outcome: z.enum(['resolved', 'needs_info', 'clarify', 'escalated', 'refused']),
    /** Sub-requests left for later turns (the reply asked for something first). */
    queued: z.array(z.object({ intent: z.string(), text: z.string() })).optional(),
    /** Intents this reply answers (for the completeness check). */
    answeredIntents: z.array(z.string()).optional(),
    /** The input guardrail verdict behind a refusal. */
    guardrail: z.object({ action: z.enum(['allow', 'sanitize', 'refuse', 'escalate']), reasons: z.array(z.string()) }).optional(),
  }),
  z.object({ type: z.literal('stay_silent'), reason: z.enum(['human_owned', 'closed']) }),
  z.object({
    type: z.literal('notify_human'),
    trigger: EscalationTriggerSchema,
    reason: z.string(),
    priority: UrgencySchema,
    queue: z.string(),
  }),
]);
export type NextStep = z.infer<typeof NextStepSchema>;
