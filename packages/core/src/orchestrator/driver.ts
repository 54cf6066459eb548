/**
 * The turn driver: performs the I/O each {@link decide} step asks for, through ports, and writes
 * one audit event per step under one trace id. Entry point for every channel (CLI, HTTP, replay).
 */
import { AgentResultSchema } from '../domain/agent.js';
import type { CustomerIdentity } from '../domain/conversation.js';
import type { DeskConfig } from '../domain/desk.js';
import { mergeEntities } from '../domain/entities.js';
import { HandoffPayloadV1Schema, type HandoffPayloadV1 } from '../domain/handoff.js';
import type { Message } from '../domain/message.js';
import type { Ticket } from '../domain/ticket.js';
import { EngineError, LimitExceededError, NotFoundError, toSwitchboardError } from '../errors.js';
import type { AgentRunInput } from '../ports.js';
import { consultAgent } from './consult.js';
import { decide } from './decide.js';
import { escalate, notifyHuman } from './escalations.js';
import { buildHandoffPayload } from './handoff.js';
import { handoffAnnouncement } from './messages.js';
import { gateOutgoing, holdReply } from './outgoing.js';
import { maxUrgency } from './policy.js';
import type { NextStep, TurnEvent } from './steps.js';
import { validateCustomerText } from './text.js';
import { TurnScope } from './turn-scope.js';
import type { TurnOutcome, TurnPorts } from './turn-types.js';

export type { TurnOutcome, TurnPorts } from './turn-types.js';

/**
 * Handles one customer message end to end: validate, persist, guard, triage, route, run agents,
 * hand off, escalate, quality-check, reply, save.
 *
 * Nothing is stored when validation fails. The driver never loops forever: after
 * `desk.limits.maxTurnSteps` steps it throws.
 *
 * @throws InvalidInputError `MESSAGE_EMPTY` / `MESSAGE_TOO_LARGE` for bad text (nothing stored).
 * @throws NotFoundError `CONVERSATION_NOT_FOUND` for an unknown conversation id.
 * @throws LimitExceededError `LIMIT_EXCEEDED` when the turn exceeds `maxTurnSteps`.
 * @example
 * ```ts
 * const outcome = await runTurn({ ports, desk, input: { conversationId, text: 'where is my order?' } });
 * console.log(outcome.replies.map((reply) => reply.text));
 * ```
 */
export async function runTurn(options: { ports: TurnPorts; desk: DeskConfig; input: { conversationId: string; text: string } }): Promise<TurnOutcome> {
  const { ports, desk, input } = options;
  const text = validateCustomerText(input.text, desk.limits.maxMessageChars);
  const stored = await ports.conversations.get(input.conversationId);
  if (!stored) throw new NotFoundError('CONVERSATION_NOT_FOUND', 'No such conversation', { details: { conversationId: input.conversationId } });

  const turnId = ports.ids.next('turn');
  const traceId = ports.ids.next('trace');
  const message: Message = { id: ports.ids.next('msg'), conversationId: stored.id, role: 'customer', author: 'customer', text, createdAt: ports.clock.now().toISOString(), turnId };
  await ports.conversations.appendMessage(message);

  // The turn's working copy: `ConversationStore.get` returns the caller's own copy (see its contract).
  const conversation = stored;
  const openCircuits = desk.agents.map((agent) => agent.id).filter((id) => ports.breakers?.state(`agent:${id}`) === 'open');
  const state = { conversation, message, runs: [], hops: 0, openCircuits, notified: false, retried: false, plan: conversation.dialog.queued ?? [], completed: [], inputFlags: [] };
  return new TurnRun(new TurnScope({ ports, desk, turnId, traceId, state })).run();
}

class TurnRun {
  private readonly scope: TurnScope;
  private pendingHandoff: HandoffPayloadV1 | undefined;
  private ticket: Ticket | undefined;
  private firstAgentId: string | undefined;

  constructor(scope: TurnScope) {
    this.scope = scope;
  }

  async run(): Promise<TurnOutcome> {
    const { desk, state } = this.scope;
    let event: TurnEvent = { type: 'received' };
    for (let steps = 0; steps < desk.limits.maxTurnSteps; steps += 1) {
      const step = decide(state, event, desk);
      switch (step.type) {
        case 'triage':
          if (step.inputFlags && step.inputFlags.length > 0) {
            state.inputFlags = step.inputFlags;
            await this.scope.record('guardrail', { stage: 'input', action: 'allow', reasons: step.inputFlags });
          }
          event = await this.triage();
          break;
        case 'run_agent':
          event = await this.runAgent(step);
          break;
        case 'escalate':
        case 'notify_human': {
          const done = step.type === 'escalate' ? await escalate(this.scope, step) : await notifyHuman(this.scope, step);
          this.ticket = done.ticket;
          event = done.event;
          break;
        }
        case 'reply': {
          if (step.guardrail) await this.scope.record('guardrail', { stage: 'input', action: step.guardrail.action, reasons: step.guardrail.reasons });
          const gated = await gateOutgoing(this.scope, step);
          if ('blocked' in gated) {
            event = { type: 'qa_blocked', codes: gated.blocked };
            break;
          }
          return this.reply(gated.step);
        }
        case 'stay_silent':
          await this.scope.record('route', { silent: true, reason: step.reason });
          return this.outcome('silent', []);
      }
    }
    await this.scope.record('error', { code: 'LIMIT_EXCEEDED', maxTurnSteps: desk.limits.maxTurnSteps });
    throw new LimitExceededError(`Turn exceeded ${desk.limits.maxTurnSteps} steps`, { details: { turnId: this.scope.turnId } });
  }

  private async triage(): Promise<TurnEvent> {
    const { ports, state } = this.scope;
    const conversation = this.scope.conversation;
    const started = performance.now();
    try {
      const decision = await ports.triager.triage({ text: state.message.text, conversation });
      state.triage = decision;
      conversation.entities = mergeEntities(conversation.entities, decision.entities);
      conversation.priority = maxUrgency(conversation.priority, decision.urgency);
      await this.scope.record('triage', {
        intent: decision.intent,
        category: decision.category,
        confidence: decision.confidence,
        urgency: decision.urgency,
        sentiment: decision.sentiment.label,
        frustration: decision.sentiment.frustration,
        signals: decision.signals,
        subtasks: decision.subtasks.map((subtask) => subtask.intent),
        decidedBy: decision.decidedBy,
        needsSecondOpinion: decision.needsSecondOpinion,
      }, { latencyMs: performance.now() - started });
      return { type: 'triaged', decision };
    } catch (error) {
      const failure = toSwitchboardError(error);
      await this.scope.record('error', { stage: 'triage', code: failure.code }, { latencyMs: performance.now() - started });
      return { type: 'agent_failed', agentId: ports.triager.id, code: failure.code };
    }
  }

  private async runAgent(step: Extract<NextStep, { type: 'run_agent' }>): Promise<TurnEvent> {
    const { ports, desk, state } = this.scope;
    const conversation = this.scope.conversation;
    const agent = desk.agents.find((candidate) => candidate.id === step.agentId);
    if (!agent) return { type: 'agent_failed', agentId: step.agentId, code: 'CONFIG_INVALID' };
    this.firstAgentId ??= agent.id;
    if (step.reason === 'retry') state.retried = true;
    if (step.plan) state.plan = step.plan;
    if (step.complete) state.completed.push(step.complete);
    const route: Record<string, unknown> = { agentId: agent.id, reason: step.reason, intent: step.intent };
    if (step.fromAgentId) route.fromAgentId = step.fromAgentId;
    if (step.viaManager) route.viaManager = step.viaManager;
    await this.scope.record('route', route, { agentId: agent.id });
    let handoff: HandoffPayloadV1 | undefined;
    if (step.reason === 'handoff') {
      handoff = this.takeHandoff({ from: step.fromAgentId ?? 'unknown', to: agent.id });
      state.hops += 1;
      conversation.handoffChain = [...conversation.handoffChain, agent.id];
      await this.scope.record('handoff', { payload: handoff }, { agentId: agent.id });
    }
    const history = await this.scope.history();
    const toolbox = this.scope.toolbox(agent, { delegation: (request) => consultAgent(this.scope, { ...request, fromAgentId: agent.id, intent: step.intent, history }) });
    const started = performance.now();
    try {
      // Field by field, optional fields only when set (object spreads here cost more than the rest of the call).
      const runInput: AgentRunInput = { agent, reason: step.reason, intent: step.intent, conversation, message: state.message, history, triage: this.scope.requireTriage(), tools: toolbox };
      if (step.focusText !== undefined) runInput.focusText = step.focusText;
      if (handoff) runInput.handoff = handoff;
      const output = await ports.engine.runAgent(runInput);
      const parsed = AgentResultSchema.safeParse(output.result);
      if (!parsed.success) throw new EngineError('ENGINE_FAILED', `Engine "${ports.engine.id}" returned an invalid agent result`, { details: { agentId: agent.id } });
      const result = parsed.data;
      conversation.dialog = output.dialog;
      if (toolbox.verifiedIdentity) await this.bindIdentity(toolbox.verifiedIdentity);
      ports.breakers?.recordSuccess(`agent:${agent.id}`);
      conversation.currentAgentId = agent.id;
      if (result.status === 'handoff') this.pendingHandoff = output.handoff;
      state.runs.push({ agentId: agent.id, result });
      const invoked: Record<string, unknown> = { engine: ports.engine.id, status: result.status, confidence: result.confidence, actions: result.actions.length, sources: result.sources };
      if (result.handoffTo) invoked.handoffTo = result.handoffTo;
      await this.scope.record('agent_invoke', invoked, { agentId: agent.id, latencyMs: performance.now() - started });
      return { type: 'agent_completed', agentId: agent.id, result, intent: step.intent };
    } catch (error) {
      const failure = toSwitchboardError(error);
      ports.breakers?.recordFailure(`agent:${agent.id}`);
      await this.scope.record('error', { stage: 'agent', code: failure.code }, { agentId: agent.id, latencyMs: performance.now() - started });
      return { type: 'agent_failed', agentId: agent.id, code: failure.code };
    }
  }

  /** The outgoing agent's HandoffPayload when valid and addressed to `route.to`; otherwise one built from what the turn knows. */
  private takeHandoff(route: { from: string; to: string }): HandoffPayloadV1 {
    const { ports, state } = this.scope;
    const offered = this.pendingHandoff;
    this.pendingHandoff = undefined;
    const parsed = offered ? HandoffPayloadV1Schema.safeParse(offered) : undefined;
    if (parsed?.success && parsed.data.toAgent === route.to) return parsed.data;
    return buildHandoffPayload({
      handoffId: ports.ids.next('handoff'),
      now: ports.clock.now(),
      fromAgent: route.from,
      toAgent: route.to,
      conversation: this.scope.conversation,
      triage: state.triage,
      actions: this.scope.actions,
      reason: 'transfer requested',
      lastMessageId: state.message.id,
    });
  }

  /** Binds the identity an identity tool verified, and loads the account's flags. */
  private async bindIdentity(identity: CustomerIdentity): Promise<void> {
    const conversation = this.scope.conversation;
    conversation.identity = identity;
    if (this.scope.ports.accounts) conversation.accountFlags = await this.scope.ports.accounts.flagsFor(identity.customerId);
  }

  private async reply(step: Extract<NextStep, { type: 'reply' }>): Promise<TurnOutcome> {
    const { ports, desk, state } = this.scope;
    const conversation = this.scope.conversation;
    if (ports.approvals && step.outcome !== 'escalated' && this.scope.autonomy() === 'shadow') {
      return holdReply(this.scope, { step, approvals: ports.approvals, outcome: (outcome) => this.outcome(outcome, []) });
    }
    const dialog = conversation.dialog;
    if (step.outcome === 'clarify') dialog.failedAttempts += 1;
    if (step.outcome === 'resolved' || step.outcome === 'escalated') conversation.handoffChain = [];
    if (step.queued !== undefined) dialog.queued = step.queued;
    conversation.status = step.status;
    const agentName = desk.agents.find((agent) => agent.id === step.author)?.name ?? step.author;
    const handedOff = state.hops > 0 && step.author !== this.firstAgentId && step.outcome !== 'escalated';
    const text = handedOff ? `${handoffAnnouncement({ toAgentName: agentName })}\n\n${step.text}` : step.text;
    const reply: Message = { id: ports.ids.next('msg'), conversationId: conversation.id, role: 'agent', author: step.author, text, createdAt: ports.clock.now().toISOString(), turnId: this.scope.turnId };
    await ports.conversations.appendMessage(reply);
    conversation.updatedAt = reply.createdAt;
    state.conversation = await ports.conversations.save(conversation);
    await this.scope.record('resolution', { outcome: step.outcome, status: step.status, agentId: step.author }, { agentId: step.author });
    return this.outcome(step.outcome, [reply]);
  }

  private outcome(outcome: TurnOutcome['outcome'], replies: Message[]): TurnOutcome {
    const { state, turnId, traceId } = this.scope;
    return {
      turnId,
      traceId,
      conversation: state.conversation,
      message: state.message,
      replies,
      outcome,
      ...(state.triage ? { triage: state.triage } : {}),
      ...(this.ticket ? { ticket: this.ticket } : {}),
    };
  }
}
