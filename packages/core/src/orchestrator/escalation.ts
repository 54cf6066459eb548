/**
 * Builds what a human needs when a conversation is escalated: the one-paragraph summary and the
 * ticket. Pure functions; the driver persists the ticket.
 */
import type { AgentAction } from '../domain/agent.js';
import type { Conversation } from '../domain/conversation.js';
import type { DeskConfig } from '../domain/desk.js';
import { EscalationPacketSchema, type EscalationPacket, type Ticket } from '../domain/ticket.js';
import type { TriageDecision } from '../domain/triage.js';
import type { NextStep } from './steps.js';

type EscalateStep = Extract<NextStep, { type: 'escalate' }>;

const QUOTE_CHARS = 240;

/**
 * One paragraph an operator can act on without reading the transcript: who the customer is
 * (verified or not), what they want, how they feel, why it was escalated, what was already done,
 * and their last words (truncated to 240 characters).
 */
export function buildEscalationSummary(input: {
  conversation: Conversation;
  triage: TriageDecision | undefined;
  step: EscalateStep;
  actions: readonly AgentAction[];
  lastMessage: string;
}): string {
  const { conversation, triage, step, actions } = input;
  const who = conversation.identity ? `Verified customer ${conversation.identity.customerId}` : 'Unverified customer';
  const want = triage && triage.intent !== 'none' ? `asked about ${triage.intent.replace(/_/g, ' ')} (${triage.category}, confidence ${triage.confidence.toFixed(2)})` : 'wrote a message the desk could not classify';
  const mood = triage ? `Sentiment ${triage.sentiment.label}, frustration ${triage.sentiment.frustration.toFixed(1)}, urgency ${triage.urgency}.` : '';
  const orders = conversation.entities.orderIds.length > 0 ? ` Orders mentioned: ${conversation.entities.orderIds.join(', ')}.` : '';
  const done = actions.length > 0 ? ` Actions taken: ${actions.map((action) => action.summary).join('; ')}.` : ' No actions taken yet.';
  const quote = input.lastMessage.length > QUOTE_CHARS ? `${input.lastMessage.slice(0, QUOTE_CHARS)}…` : input.lastMessage;
  return `${who} ${want}. ${mood} Escalated (${step.trigger}): ${step.reason}.${orders}${done} Last message: "${quote}"`.replace(/\s+/g, ' ').trim();
}

/** Recommended next step for the human, by trigger. `{intent}` is replaced by the request in words. */
const RECOMMENDED_RESOLUTION: Readonly<Record<string, string>> = {
  human_requested: 'Take over the conversation and handle the {intent} request directly; the customer asked for a person.',
  legal_threat: 'Route to the legal team; acknowledge receipt, do not admit liability or promise compensation in writing.',
  abuse: 'Review the conversation; respond once, calmly, per the abuse policy, and close if the abuse continues.',
  repeated_failure: 'The desk could not understand the request after several tries; read the transcript and ask one precise question.',
  agent_requested: 'Complete the {intent} request the agent could not do itself, after checking identity and policy.',
  agent_failure: 'A system failure interrupted the {intent} request; handle it manually and confirm with the customer.',
  circuit_open: 'An agent or tool is failing repeatedly; handle the {intent} request manually and report the outage.',
  max_hops: 'Agents passed the request around without resolving it; decide the owner and resolve the {intent} request.',
  handoff_loop: 'Agents bounced the request back and forth; decide the owner and resolve the {intent} request.',
  unsupported_language: 'Reply in the customer\'s language if possible, or use a translation service.',
  severe_frustration: 'Apologize, resolve the {intent} request directly and consider a goodwill gesture within policy.',
  account_flag: 'Priority customer: resolve the {intent} request personally and check for anything else outstanding.',
  low_confidence: 'The desk was unsure of its answer to the {intent} request; verify and answer it.',
  urgent: 'Urgent: review now while the desk keeps helping; take over if money, safety or an outage is involved.',
};

/**
 * The escalation packet a human receives: trigger, reason, summary, actions taken, sentiment,
 * a recommended resolution for the trigger and the account flags. Validated with
 * {@link EscalationPacketSchema}.
 * @throws ZodError if the packet is incomplete (a bug).
 */
export function buildEscalationPacket(input: {
  conversation: Conversation;
  triage: TriageDecision | undefined;
  step: EscalateStep;
  actions: readonly AgentAction[];
  lastMessage: string;
}): EscalationPacket {
  const { conversation, triage, step } = input;
  const intent = triage && triage.intent !== 'none' ? triage.intent.replace(/_/g, ' ') : 'customer';
  const template = RECOMMENDED_RESOLUTION[step.trigger] ?? 'Review the conversation and resolve the {intent} request.';
  return EscalationPacketSchema.parse({
    trigger: step.trigger,
    reason: step.reason,
    summary: buildEscalationSummary(input),
    actionsTaken: input.actions.map((action) => action.summary),
    customerSentiment: { label: triage?.sentiment.label ?? 'neutral', frustration: triage?.sentiment.frustration ?? 0 },
    recommendedResolution: template.replace('{intent}', intent),
    accountFlags: conversation.accountFlags,
    handoffChain: conversation.handoffChain,
  });
}

/** The ticket for an escalation step; `slaDueAt` = now + the desk's SLA for the priority. */
export function buildTicket(input: {
  id: string;
  now: Date;
  desk: DeskConfig;
  conversation: Conversation;
  triage: TriageDecision | undefined;
  step: EscalateStep;
  packet: EscalationPacket;
}): Ticket {
  const { now, desk, conversation, triage, step } = input;
  const time = now.toISOString();
  return {
    id: input.id,
    conversationId: conversation.id,
    status: 'open',
    priority: step.priority,
    queue: step.queue,
    trigger: step.trigger,
    reason: step.reason,
    summary: input.packet.summary,
    ...(conversation.identity ? { customerId: conversation.identity.customerId } : {}),
    ...(triage ? { intent: triage.intent } : {}),
    createdAt: time,
    updatedAt: time,
    slaDueAt: new Date(now.getTime() + desk.slaMs[step.priority]).toISOString(),
    packet: input.packet,
    notes: [],
  };
}
