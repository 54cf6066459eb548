import type { DeskConfig } from '../domain/desk.js';
import { NONE_INTENT, type TriageDecision } from '../domain/triage.js';
import { InternalError } from '../errors.js';
import { bridgeMessage, clarifyMessage, unsupportedLanguageMessage } from './messages.js';
import { agentForIntent, checkEscalationTriggers, maxUrgency, queueFor } from './policy.js';
import type { NextStep, TurnEvent, TurnState } from './steps.js';

/**
 * The orchestrator core: given the turn so far and what just happened, the next step.
 * Pure and synchronous — no I/O, no clock — so tests, replays and evals drive it directly.
 * The driver ({@link runTurn}) performs each step and feeds the outcome back as an event.
 *
 * @param state - the conversation, inbound message and this turn's agent runs.
 * @param event - what just happened.
 * @param desk - the validated desk configuration (routing, triggers, queues, limits).
 * @returns the next step; `reply` and `stay_silent` end the turn.
 * @throws InternalError `INTERNAL` when an event arrives out of order (a driver bug).
 */
export function decide(state: TurnState, event: TurnEvent, desk: DeskConfig): NextStep {
  switch (event.type) {
    case 'received':
      if (state.conversation.status === 'human') return { type: 'stay_silent', reason: 'human_owned' };
      if (state.conversation.status === 'resolved' || state.conversation.status === 'abandoned') {
        // A customer writing again reopens the conversation: triage as usual.
        return { type: 'triage' };
      }
      return { type: 'triage' };
    case 'triaged':
      return afterTriage(state, event.decision, desk);
    case 'agent_completed':
      return afterAgent(state, event, desk);
    case 'agent_failed':
      return escalateStep(state, desk, { trigger: 'agent_failure', reason: `Agent "${event.agentId}" failed (${event.code})`, priority: 'high' });
    case 'escalated': {
      const bridge = bridgeMessage({
        ticket: event.ticket,
        waitMs: desk.slaMs[event.ticket.priority],
        humanRequested: state.triage?.signals.humanRequested ?? false,
      });
      const text = event.agentReply === undefined ? bridge : `${event.agentReply}\n\n${bridge}`;
      return { type: 'reply', author: desk.routing.escalationAgentId, text, status: 'escalated', outcome: 'escalated' };
    }
  }
}

function afterTriage(state: TurnState, decision: TriageDecision, desk: DeskConfig): NextStep {
  const { conversation } = state;
  const verdict = checkEscalationTriggers(desk, decision, conversation);
  if (verdict) return escalateStep(state, desk, { ...verdict, category: decision.category });

  const { dialog } = conversation;
  const activeAgent = dialog.activeAgentId;
  if (activeAgent !== undefined && dialog.awaiting !== undefined && dialog.activeIntent !== undefined) {
    const switching = decision.intent !== NONE_INTENT && decision.intent !== dialog.activeIntent && decision.confidence >= desk.routing.switchIntentConfidence;
    if (!switching) return { type: 'run_agent', agentId: activeAgent, reason: 'continue', intent: dialog.activeIntent };
  }

  if (!desk.languages.includes(decision.signals.language) && decision.signals.language !== 'und' && decision.intent === NONE_INTENT) {
    return escalateStep(state, desk, {
      trigger: 'unsupported_language',
      reason: `Message language "${decision.signals.language}" is not supported`,
      priority: 'normal',
      category: decision.category,
      agentReply: unsupportedLanguageMessage(),
    });
  }

  if (decision.intent === NONE_INTENT) {
    return { type: 'reply', author: desk.routing.fallbackAgentId, text: clarifyMessage(), status: 'waiting_customer', outcome: 'clarify' };
  }
  return { type: 'run_agent', agentId: agentForIntent(desk, decision.intent), reason: 'route', intent: decision.intent };
}

function afterAgent(state: TurnState, event: Extract<TurnEvent, { type: 'agent_completed' }>, desk: DeskConfig): NextStep {
  const { result, agentId } = event;
  const category = state.triage?.category;
  switch (result.status) {
    case 'resolved':
      return { type: 'reply', author: agentId, text: result.reply, status: 'open', outcome: 'resolved' };
    case 'needs_info':
      return { type: 'reply', author: agentId, text: result.reply, status: 'waiting_customer', outcome: 'needs_info' };
    case 'escalate': {
      const priority = maxUrgency(result.escalation?.priority ?? 'normal', state.triage?.urgency ?? 'normal');
      return escalateStep(state, desk, {
        trigger: 'agent_requested',
        reason: result.escalation?.reason ?? 'The agent asked for a human',
        priority,
        category,
        agentReply: result.reply === '' ? undefined : result.reply,
      });
    }
    case 'handoff': {
      const target = result.handoffTo;
      if (target === undefined) throw new InternalError('Agent result has status "handoff" without "handoffTo"', { details: { agentId } });
      const chain = [...state.conversation.handoffChain, ...state.runs.map((run) => run.agentId)];
      if (state.hops + 1 > desk.limits.maxHops) {
        return escalateStep(state, desk, { trigger: 'max_hops', reason: `Handoff chain longer than ${desk.limits.maxHops}: ${chain.join(' → ')} → ${target}`, priority: 'high', category });
      }
      if (chain.includes(target)) {
        return escalateStep(state, desk, { trigger: 'handoff_loop', reason: `Handoff ping-pong: ${chain.join(' → ')} → ${target}`, priority: 'high', category });
      }
      return { type: 'run_agent', agentId: target, reason: 'handoff', intent: state.triage?.intent ?? NONE_INTENT, fromAgentId: agentId };
    }
  }
}

interface EscalationInput {
  trigger: Extract<NextStep, { type: 'escalate' }>['trigger'];
  reason: string;
  priority: Extract<NextStep, { type: 'escalate' }>['priority'];
  category?: string | undefined;
  agentReply?: string | undefined;
}

function escalateStep(state: TurnState, desk: DeskConfig, input: EscalationInput): NextStep {
  const category = input.category ?? state.triage?.category;
  return {
    type: 'escalate',
    trigger: input.trigger,
    reason: input.reason,
    priority: input.priority,
    queue: queueFor(desk, { category, trigger: input.trigger }),
    ...(input.agentReply === undefined ? {} : { agentReply: input.agentReply }),
  };
}
