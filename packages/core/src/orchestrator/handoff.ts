import type { AgentAction } from '../domain/agent.js';
import type { Conversation } from '../domain/conversation.js';
import type { HandoffPayloadV1 } from '../domain/handoff.js';
import type { TriageDecision } from '../domain/triage.js';

/**
 * A HandoffPayload v1 built from what the orchestrator knows, used when the outgoing engine did
 * not build one itself. The receiving agent reads captured facts from `entities` and the
 * conversation's dialogue slots, so nothing is asked twice.
 */
export function buildHandoffPayload(input: {
  handoffId: string;
  now: Date;
  fromAgent: string;
  toAgent: string;
  conversation: Conversation;
  triage: TriageDecision | undefined;
  actions: readonly AgentAction[];
  reason: string;
  lastMessageId: string;
}): HandoffPayloadV1 {
  const { conversation, triage } = input;
  const intent = triage?.intent ?? 'none';
  return {
    version: 1,
    handoffId: input.handoffId,
    fromAgent: input.fromAgent,
    toAgent: input.toAgent,
    createdAt: input.now.toISOString(),
    customer: { ...(conversation.identity ? { customerId: conversation.identity.customerId } : {}), verified: conversation.identity !== undefined },
    classification: { intent, category: triage?.category ?? 'NONE', urgency: triage?.urgency ?? 'normal', confidence: triage?.confidence ?? 0 },
    summary: `Customer request: ${intent.replace(/_/g, ' ')}. Handed off by ${input.fromAgent}: ${input.reason}.`,
    entities: conversation.entities,
    resolutionState: {
      customerIntent: intent,
      identifiedIssues: triage ? triage.subtasks.map((subtask) => subtask.intent) : [],
      actionsCompleted: input.actions.filter((action) => action.ok).map((action) => action.summary),
      pendingActions: [intent],
    },
    attemptedSolutions: input.actions.map((action) => action.summary),
    handoffReason: input.reason,
    history: { conversationId: conversation.id, lastMessageId: input.lastMessageId },
  };
}
