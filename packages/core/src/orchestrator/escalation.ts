/**
 * Builds what a human needs when a conversation is escalated: the one-paragraph summary and the
 * ticket. Pure functions; the driver persists the ticket.
 */
import type { AgentAction } from '../domain/agent.js';
import type { Conversation } from '../domain/conversation.js';
import type { DeskConfig } from '../domain/desk.js';
import type { Ticket } from '../domain/ticket.js';
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

/** The ticket for an escalation step; `slaDueAt` = now + the desk's SLA for the priority. */
export function buildTicket(input: {
  id: string;
  now: Date;
  desk: DeskConfig;
  conversation: Conversation;
  triage: TriageDecision | undefined;
  step: EscalateStep;
  summary: string;
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
    summary: input.summary,
    ...(conversation.identity ? { customerId: conversation.identity.customerId } : {}),
    ...(triage ? { intent: triage.intent } : {}),
    createdAt: time,
    updatedAt: time,
    slaDueAt: new Date(now.getTime() + desk.slaMs[step.priority]).toISOString(),
  };
}
