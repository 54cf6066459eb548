import type { AgentResult } from '../domain/agent.js';
import type { DeskConfig } from '../domain/desk.js';
import { NONE_INTENT, type TriageDecision } from '../domain/triage.js';
import { InternalError } from '../errors.js';
import { checkInput } from '../guardrails/input.js';
import { GUARDRAIL_REFUSALS, type GuardrailRefusalReason } from '../guardrails/refusals.js';
import { bridgeMessage, clarifyMessage, equalFitQuestion, fallbackMessage, queuedMessage, unsupportedLanguageMessage } from './messages.js';
import { agentForIntent, checkEscalationTriggers, equalFitPair, maxUrgency, queueFor, retryIntent } from './policy.js';
import { EscalationTriggerSchema, type EscalationTrigger, type NextStep, type TurnEvent, type TurnState } from './steps.js';

/** Triggers whose bridge message starts with an apology: the desk itself failed (fallback resolver). */
const SYSTEM_FAILURE_TRIGGERS: ReadonlySet<string> = new Set(['agent_failure', 'circuit_open']);

/**
 * The orchestrator core: given the turn so far and what just happened, the next step.
 * Pure and synchronous — no I/O, no clock — so tests, replays and evals drive it directly.
 * The driver (`runTurn`) performs each step and feeds the outcome back as an event.
 *
 * @param state - the conversation, inbound message and this turn's agent runs.
 * @param event - what just happened.
 * @param desk - the validated desk configuration (routing, triggers, queues, limits).
 * @returns the next step; `reply` and `stay_silent` end the turn.
 * @throws InternalError `INTERNAL` when an event is inconsistent (a driver or engine bug).
 */
export function decide(state: TurnState, event: TurnEvent, desk: DeskConfig): NextStep {
  switch (event.type) {
    case 'received':
      return guardInput(state, desk);
    case 'qa_blocked':
      return escalateStep(state, desk, { trigger: 'qa_block', reason: `The quality check blocked the drafted reply (${event.codes.join(', ')})`, priority: 'high' });
    case 'triaged':
      return afterTriage(state, event.decision, desk);
    case 'human_notified':
      return route(state, requireTriage(state), desk);
    case 'agent_completed':
      return afterAgent(state, event, desk);
    case 'agent_failed': {
      const retry = retryStep(state, desk);
      if (retry) return retry;
      const trigger: EscalationTrigger = event.code === 'CIRCUIT_OPEN' ? 'circuit_open' : 'agent_failure';
      return escalateStep(state, desk, { trigger, reason: `Agent "${event.agentId}" failed (${event.code})`, priority: 'high' });
    }
    case 'escalated': {
      const bridge = bridgeMessage({ ticket: event.ticket, waitMs: desk.slaMs[event.ticket.priority], humanRequested: state.triage?.signals.humanRequested ?? false });
      const opener = event.agentReply ?? (SYSTEM_FAILURE_TRIGGERS.has(event.ticket.trigger) ? fallbackMessage() : undefined);
      const text = opener === undefined || opener === '' ? bridge : `${opener}\n\n${bridge}`;
      return { type: 'reply', author: desk.routing.escalationAgentId, text, status: 'escalated', outcome: 'escalated' };
    }
  }
}

/**
 * Step 1, guard input: a human-held conversation stays silent; injection, jailbreak, off-topic and
 * oversized messages are refused with a named reply; severe abuse goes to a person; milder
 * findings pass as flags (an `ABUSE` flag prefixes the reply with a respect reminder).
 */
function guardInput(state: TurnState, desk: DeskConfig): NextStep {
  if (state.conversation.status === 'human') return { type: 'stay_silent', reason: 'human_owned' };
  const verdict = checkInput(state.message.text, { maxChars: desk.limits.maxMessageChars });
  const reason = verdict.reasons[0] as GuardrailRefusalReason | undefined;
  if (verdict.action === 'refuse' && reason !== undefined) {
    const refusal = GUARDRAIL_REFUSALS[reason] ?? GUARDRAIL_REFUSALS.OFF_TOPIC;
    return { type: 'reply', author: desk.routing.fallbackAgentId, text: refusal.text, status: 'open', outcome: 'refused', guardrail: { action: verdict.action, reasons: verdict.reasons } };
  }
  if (verdict.action === 'escalate') {
    return escalateStep(state, desk, { trigger: 'abuse', reason: `Input guardrail: ${verdict.reasons.join(', ')}`, priority: 'high', agentReply: GUARDRAIL_REFUSALS.ABUSE.text });
  }
  return { type: 'triage', ...(verdict.reasons.length > 0 ? { inputFlags: verdict.reasons } : {}) };
}

function requireTriage(state: TurnState): TriageDecision {
  if (!state.triage) throw new InternalError('Routing requested before triage');
  return state.triage;
}

function afterTriage(state: TurnState, decision: TriageDecision, desk: DeskConfig): NextStep {
  const { conversation } = state;
  const verdict = checkEscalationTriggers(desk, decision, conversation);
  if (verdict) return escalateStep(state, desk, { ...verdict, category: decision.category });
  if (desk.escalation.urgentNotify && decision.urgency === 'urgent' && !state.notified && conversation.ticketId === undefined) {
    return {
      type: 'notify_human',
      trigger: 'urgent',
      reason: 'Urgent message: a human is notified while the desk keeps helping',
      priority: 'urgent',
      queue: queueFor(desk, { category: decision.category, trigger: 'urgent', accountFlags: conversation.accountFlags }),
    };
  }
  return route(state, decision, desk);
}

function route(state: TurnState, decision: TriageDecision, desk: DeskConfig): NextStep {
  const { dialog } = state.conversation;
  if (dialog.activeAgentId !== undefined && dialog.awaiting !== undefined && dialog.activeIntent !== undefined) {
    const switching = decision.intent !== NONE_INTENT && decision.intent !== dialog.activeIntent && decision.confidence >= desk.routing.switchIntentConfidence;
    if (!switching) return runAgent(state, desk, { agentId: dialog.activeAgentId, reason: 'continue', intent: dialog.activeIntent });
  }
  const language = decision.signals.language;
  if (!desk.languages.includes(language) && language !== 'und' && decision.intent === NONE_INTENT) {
    return escalateStep(state, desk, { trigger: 'unsupported_language', reason: `Message language "${language}" is not supported`, priority: 'normal', category: decision.category, agentReply: unsupportedLanguageMessage() });
  }
  const subtasks = distinctSubtasks(decision, desk);
  if (subtasks.length > 1) {
    const [first, ...rest] = subtasks;
    return runAgent(state, desk, { agentId: agentForIntent(desk, first!.intent), reason: 'route', intent: first!.intent, focusText: first!.text, plan: rest });
  }
  const pair = equalFitPair(desk, decision);
  if (pair !== undefined) {
    return { type: 'reply', author: desk.routing.fallbackAgentId, text: equalFitQuestion([intentLabel(desk, pair[0]), intentLabel(desk, pair[1])]), status: 'waiting_customer', outcome: 'clarify' };
  }
  if (decision.intent === NONE_INTENT) {
    return { type: 'reply', author: desk.routing.fallbackAgentId, text: clarifyMessage(), status: 'waiting_customer', outcome: 'clarify' };
  }
  return runAgent(state, desk, { agentId: agentForIntent(desk, decision.intent), reason: 'route', intent: decision.intent });
}

/** A run_agent step, or escalation when the agent's circuit breaker is open. */
/** The customer-facing label of an intent ("order status and tracking"). */
function intentLabel(desk: DeskConfig, intent: string): string {
  return (desk.routing.intentLabels[intent] ?? intent.replace(/_/g, ' ')).toLowerCase();
}

type RunAgentStep = Omit<Extract<NextStep, { type: 'run_agent' }>, 'type'>;

/** Sub-requests of a multi-intent message, one per intent (first occurrence), intents the desk knows only. */
function distinctSubtasks(decision: TriageDecision, desk: DeskConfig): { intent: string; text: string }[] {
  const seen = new Set<string>();
  const out: { intent: string; text: string }[] = [];
  for (const subtask of decision.subtasks) {
    if (subtask.intent === NONE_INTENT || seen.has(subtask.intent) || desk.routing.intentToAgent[subtask.intent] === undefined) continue;
    seen.add(subtask.intent);
    out.push({ intent: subtask.intent, text: subtask.text });
  }
  return out;
}

/**
 * Hierarchical pattern: a request routed to a domain manager goes to the sub-agent with the most
 * keywords in the message (or sub-request) text; otherwise the manager keeps it.
 */
function delegateToSubAgent(state: TurnState, desk: DeskConfig, step: RunAgentStep): RunAgentStep {
  const manager = desk.agents.find((agent) => agent.id === step.agentId);
  const routes = manager?.manages ?? [];
  if (routes.length === 0 || step.reason !== 'route') return step;
  const text = ` ${(step.focusText ?? state.message.text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const hits = (keywords: readonly string[]) => keywords.filter((keyword) => text.includes(` ${keyword.toLowerCase()} `)).length;
  // The sub-agent with the most keyword hits wins; ties go to the one listed first.
  const match = routes.map((route) => ({ route, score: hits(route.keywords) })).filter((entry) => entry.score > 0).sort((a, b) => b.score - a.score)[0]?.route;
  return match ? { ...step, agentId: match.agentId, viaManager: step.agentId } : step;
}

function runAgent(state: TurnState, desk: DeskConfig, requested: RunAgentStep): NextStep {
  const step = delegateToSubAgent(state, desk, requested);
  if (state.openCircuits.includes(step.agentId)) {
    return escalateStep(state, desk, { trigger: 'circuit_open', reason: `Agent "${step.agentId}" is failing repeatedly (circuit open)`, priority: 'high' });
  }
  return { type: 'run_agent', ...step };
}

function afterAgent(state: TurnState, event: Extract<TurnEvent, { type: 'agent_completed' }>, desk: DeskConfig): NextStep {
  const { result, agentId } = event;
  const category = state.triage?.category;
  switch (result.status) {
    case 'resolved':
    case 'needs_info': {
      if (result.confidence < desk.escalation.minAgentConfidence) return lowConfidence(state, desk, { agentId, result });
      const intent = event.intent ?? state.triage?.intent ?? NONE_INTENT;
      const [next, ...rest] = state.plan;
      if (result.status === 'resolved' && next !== undefined) {
        return runAgent(state, desk, { agentId: agentForIntent(desk, next.intent), reason: 'route', intent: next.intent, focusText: next.text, plan: rest, complete: { agentId, intent, reply: result.reply } });
      }
      const queuedNotice = result.status === 'needs_info' && state.plan.length > 0 ? queuedMessage(state.plan.map((item) => intentLabel(desk, item.intent))) : '';
      const warning = state.inputFlags.includes('ABUSE') ? GUARDRAIL_REFUSALS.ABUSE_WARNING.text : '';
      const parts = [warning, ...state.completed.map((part) => part.reply), result.reply, queuedNotice].filter((part) => part !== '');
      const author = state.completed[0]?.agentId ?? agentId;
      return {
        type: 'reply',
        author,
        text: parts.join('\n\n'),
        status: result.status === 'resolved' ? 'open' : 'waiting_customer',
        outcome: result.status,
        queued: result.status === 'resolved' ? [] : state.plan,
        answeredIntents: [...state.completed.map((part) => part.intent), ...(result.status === 'resolved' ? [intent] : [])],
      };
    }
    case 'escalate': {
      const priority = maxUrgency(result.escalation?.priority ?? 'normal', state.triage?.urgency ?? 'normal');
      const pending = state.plan.length > 0 ? `; also pending: ${state.plan.map((item) => intentLabel(desk, item.intent)).join(', ')}` : '';
      const parts = [...state.completed.map((part) => part.reply), result.reply].filter((part) => part !== '');
      // An agent may name a trigger the orchestrator knows (e.g. `circuit_open` when a tool is bypassed); otherwise it asked for a human.
      const named = EscalationTriggerSchema.safeParse(result.escalation?.trigger);
      const trigger: EscalationTrigger = named.success ? named.data : 'agent_requested';
      return escalateStep(state, desk, { trigger, reason: `${result.escalation?.reason ?? 'The agent asked for a human'}${pending}`, priority, category, agentReply: parts.length > 0 ? parts.join('\n\n') : undefined });
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
      return runAgent(state, desk, { agentId: target, reason: 'handoff', intent: state.triage?.intent ?? NONE_INTENT, fromAgentId: agentId });
    }
  }
}

function lowConfidence(state: TurnState, desk: DeskConfig, input: { agentId: string; result: AgentResult }): NextStep {
  const retry = retryStep(state, desk);
  if (retry) return retry;
  return escalateStep(state, desk, {
    trigger: 'low_confidence',
    reason: `Agent "${input.agentId}" answered with confidence ${input.result.confidence.toFixed(2)} (< ${desk.escalation.minAgentConfidence})`,
    priority: 'normal',
  });
}

/** The escalation agent's one retry with the next-best specialist, when allowed and available. */
function retryStep(state: TurnState, desk: DeskConfig): NextStep | undefined {
  if (!desk.escalation.retryWithAnotherSpecialist || state.retried) return undefined;
  const intent = retryIntent(desk, state.triage, state.runs.map((run) => run.agentId));
  if (intent === undefined) return undefined;
  const agentId = agentForIntent(desk, intent);
  if (state.openCircuits.includes(agentId)) return undefined;
  return { type: 'run_agent', agentId, reason: 'retry', intent };
}

interface EscalationInput {
  trigger: EscalationTrigger;
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
    queue: queueFor(desk, { category, trigger: input.trigger, accountFlags: state.conversation.accountFlags }),
    ...(input.agentReply === undefined ? {} : { agentReply: input.agentReply }),
  };
}
