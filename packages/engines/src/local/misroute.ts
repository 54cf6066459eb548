import { buildHandoffPayload, NONE_INTENT, type AgentRunOutput } from '@switchboard/core';
import type { PlaybookRun } from './context.js';
import { givesIdentityDetails } from './identity.js';

/** Triage confidence (0–1) above which a message that does not answer the pending question is taken as another agent's request. */
export const MISROUTE_MIN_CONFIDENCE = 0.5;

/** Whether the customer's message answers the slot the agent asked for. */
function answersAwaitedSlot(run: PlaybookRun): boolean {
  const entities = run.input.triage.entities;
  switch (run.answering) {
    case 'identity':
      return givesIdentityDetails(entities);
    case 'order_id':
      return entities.orderIds.length > 0;
    case 'product':
      return entities.products.length > 0;
    case undefined:
    default:
      return false;
  }
}

/**
 * Misroute self-correction: while an agent waits for an answer, a message that does not answer
 * it and that triage assigns (with at least {@link MISROUTE_MIN_CONFIDENCE}) to an intent owned
 * by another agent this agent may hand off to, is handed off with a HandoffPayload v1 carrying
 * what was captured (identity, entities, slots), so the receiving agent never asks again.
 * @returns the handoff output, or `undefined` to carry on.
 */
export function misrouteHandoff(run: PlaybookRun, intentAgents: Readonly<Record<string, string>>): AgentRunOutput | undefined {
  const { triage, agent, conversation, message } = run.input;
  if (run.input.reason !== 'continue' || triage.intent === NONE_INTENT || triage.intent === run.intent) return undefined;
  const target = intentAgents[triage.intent];
  if (target === undefined || target === agent.id || !agent.handoffs.includes(target)) return undefined;
  if (triage.confidence < MISROUTE_MIN_CONFIDENCE || answersAwaitedSlot(run)) return undefined;
  const reason = `The customer moved on to ${triage.intent.replace(/_/g, ' ')}, which the ${target} agent handles`;
  const handoff = buildHandoffPayload({
    handoffId: `handoff_${message.id}_${agent.id}`,
    now: new Date(message.createdAt),
    fromAgent: agent.id,
    toAgent: target,
    conversation: { ...conversation, dialog: run.dialog },
    triage,
    actions: run.actions,
    reason,
    lastMessageId: message.id,
  });
  const output = run.handoff(target);
  return { ...output, handoff };
}
