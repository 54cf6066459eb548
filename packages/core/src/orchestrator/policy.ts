/**
 * Escalation policy and queue selection: pure functions of the desk configuration, the triage
 * decision and the conversation. The orchestrator (not specialists) applies them; each trigger
 * can be switched off in `desk.escalation`.
 */
import type { Conversation } from '../domain/conversation.js';
import type { DeskConfig } from '../domain/desk.js';
import type { TriageDecision, Urgency } from '../domain/triage.js';
import { NONE_INTENT, URGENCIES } from '../domain/triage.js';
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
 * Checks the triage decision against the desk's escalation triggers, most severe first:
 * legal or threat language (urgent, legal queue), abuse, an explicit human request (honoured at
 * once), a flagged account (VIP / at-risk) that is unhappy, severe frustration, and repeated
 * failure (`maxFailedAttempts` turns without progress).
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
  const flagged = conversation.accountFlags.filter((flag) => escalation.accountFlags.flags.includes(flag));
  const unhappy = decision.sentiment.label === 'negative' || decision.urgency === 'high' || decision.urgency === 'urgent';
  if (flagged.length > 0 && (escalation.accountFlags.when === 'always' || unhappy)) {
    return { trigger: 'account_flag', reason: `Account flagged ${flagged.join(', ')}${unhappy ? ' and the customer is unhappy' : ''}`, priority: maxUrgency('high', decision.urgency) };
  }
  if (decision.sentiment.frustration >= escalation.severeFrustration) {
    return { trigger: 'severe_frustration', reason: `Severe frustration (${decision.sentiment.frustration.toFixed(2)})`, priority: maxUrgency('high', decision.urgency) };
  }
  if (conversation.dialog.failedAttempts + 1 >= escalation.maxFailedAttempts && decision.intent === NONE_INTENT) {
    return { trigger: 'repeated_failure', reason: `No progress after ${escalation.maxFailedAttempts} attempts`, priority: maxUrgency('normal', decision.urgency) };
  }
  return undefined;
}

/**
 * The human queue: legal triggers go to the legal queue; customers with a senior flag (VIP) to
 * the senior queue; the rest by category, else the default queue.
 */
export function queueFor(desk: DeskConfig, input: { category: string | undefined; trigger: EscalationTrigger; accountFlags?: readonly string[] }): string {
  if (input.trigger === 'legal_threat') return desk.queues.legalQueue;
  if ((input.accountFlags ?? []).some((flag) => desk.queues.seniorFlags.includes(flag))) return desk.queues.seniorQueue;
  if (input.category !== undefined) {
    const queue = desk.queues.byCategory[input.category];
    if (queue !== undefined) return queue;
  }
  return desk.queues.defaultQueue;
}

/** The autonomy mode in force: the conversation's own non-`auto` mode, else the desk's for the category, else the desk default. */
export function effectiveAutonomy(desk: DeskConfig, input: { conversation: Conversation; category: string | undefined }): 'shadow' | 'assisted' | 'auto' {
  if (input.conversation.autonomy !== 'auto') return input.conversation.autonomy;
  return (input.category === undefined ? undefined : desk.autonomy.byCategory[input.category]) ?? desk.autonomy.default;
}

/** The agent for an intent, or the desk's fallback agent. */
export function agentForIntent(desk: DeskConfig, intent: string): string {
  return desk.routing.intentToAgent[intent] ?? desk.routing.fallbackAgentId;
}

/** Largest confidence gap (0–1) at which two intents owned by different agents count as an equal fit. */
export const EQUAL_FIT_MARGIN = 0.1;

/**
 * Two intents that fit about equally well and belong to different agents (gap below
 * {@link EQUAL_FIT_MARGIN}, both at least 0.3): the desk should ask which one is meant. With an
 * intent above the threshold, the pair is it and the runner-up; with `none` (nothing cleared the
 * threshold because two intents split the probability), the two best alternatives.
 */
export function equalFitPair(desk: DeskConfig, decision: TriageDecision): readonly [string, string] | undefined {
  const first = decision.intent === NONE_INTENT ? decision.alternatives[0] : { intent: decision.intent, confidence: decision.confidence };
  const second = decision.intent === NONE_INTENT ? decision.alternatives[1] : decision.alternatives[0];
  if (!first || !second || first.intent === NONE_INTENT || second.intent === NONE_INTENT) return undefined;
  if (first.confidence < 0.3 || second.confidence < 0.3 || first.confidence - second.confidence >= EQUAL_FIT_MARGIN) return undefined;
  return agentForIntent(desk, first.intent) === agentForIntent(desk, second.intent) ? undefined : [first.intent, second.intent];
}

/** The next-best intent owned by an agent not tried yet in this turn (for the one retry), if any. */
export function retryIntent(desk: DeskConfig, decision: TriageDecision | undefined, triedAgents: readonly string[]): string | undefined {
  if (!decision) return undefined;
  const candidate = decision.alternatives.find((alternative) => alternative.confidence >= 0.2 && !triedAgents.includes(agentForIntent(desk, alternative.intent)));
  return candidate?.intent;
}
