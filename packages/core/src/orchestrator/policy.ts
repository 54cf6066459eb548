/**
 * Escalation policy and queue selection: pure functions of the desk configuration, the triage
 * decision and the conversation. The orchestrator (not specialists) applies them.
 */
import type { Conversation } from '../domain/conversation.js';
import type { DeskConfig } from '../domain/desk.js';
import type { TriageDecision, Urgency } from '../domain/triage.js';
import { URGENCIES } from '../domain/triage.js';
import type { EscalationTrigger } from './steps.js';

/** A policy verdict asking for escalation. */
export interface EscalationVerdict {
  trigger: EscalationTrigger;
  reason: string;
  priority: Urgency;
}

/** The higher of two urgencies. */
export function maxUrgency(a: Urgency, b: Urgency): Urgency {
  return URGENCIES.indexOf(a) >= URGENCIES.indexOf(b) ? a : b;
}

/**
 * Checks the triage decision against the desk's escalation triggers, in order of severity:
 * legal or threat language, abuse, an explicit human request, repeated failure.
 * @returns the first trigger that fires, or `undefined`.
 */
export function checkEscalationTriggers(desk: DeskConfig, decision: TriageDecision, conversation: Conversation): EscalationVerdict | undefined {
  const { escalation } = desk;
  if (escalation.legalThreat && decision.signals.legalThreat) {
    return { trigger: 'legal_threat', reason: 'Legal or threat language in the customer message', priority: 'urgent' };
  }
  if (escalation.abuse && decision.signals.abusive) {
    return { trigger: 'abuse', reason: 'Abusive language in the customer message', priority: maxUrgency('high', decision.urgency) };
  }
  if (escalation.humanRequest && decision.signals.humanRequested) {
    return { trigger: 'human_requested', reason: 'The customer asked to talk to a person', priority: maxUrgency('normal', decision.urgency) };
  }
  if (conversation.dialog.failedAttempts + 1 >= escalation.maxFailedAttempts && decision.intent === 'none') {
    return { trigger: 'repeated_failure', reason: `No progress after ${escalation.maxFailedAttempts} attempts`, priority: maxUrgency('normal', decision.urgency) };
  }
  return undefined;
}

/** The human queue for a category and trigger: legal triggers go to the legal queue, the rest by category. */
export function queueFor(desk: DeskConfig, input: { category: string | undefined; trigger: EscalationTrigger }): string {
  if (input.trigger === 'legal_threat') return desk.queues.legalQueue;
  if (input.category !== undefined) {
    const queue = desk.queues.byCategory[input.category];
    if (queue !== undefined) return queue;
  }
  return desk.queues.defaultQueue;
}

/** The agent for an intent, or the desk's fallback agent. */
export function agentForIntent(desk: DeskConfig, intent: string): string {
  return desk.routing.intentToAgent[intent] ?? desk.routing.fallbackAgentId;
}
