/**
 * The turn driver: performs the I/O each {@link decide} step asks for, through ports, and writes
 * one audit event per step under one trace id. Entry point for every channel (CLI, HTTP, replay).
 */
import { AgentResultSchema, type AgentAction } from '../domain/agent.js';
import type { Approval } from '../domain/approval.js';
import type { Conversation, CustomerIdentity } from '../domain/conversation.js';
import type { DeskConfig } from '../domain/desk.js';
import { mergeEntities } from '../domain/entities.js';
import type { AgentEvent, AgentEventType } from '../domain/events.js';
import { HandoffPayloadV1Schema, type HandoffPayloadV1 } from '../domain/handoff.js';
import type { Message } from '../domain/message.js';
import type { Ticket } from '../domain/ticket.js';
import type { ToolCallResult } from '../tools/tool.js';
import type { TriageDecision } from '../domain/triage.js';
import { EngineError, LimitExceededError, NotFoundError, toSwitchboardError } from '../errors.js';
import type { AccountDirectory, ApprovalQueue, Clock, ConversationStore, Engine, EventLog, IdGenerator, TicketQueue, ToolGateway, Triager } from '../ports.js';
import type { CircuitBreakers } from './breakers.js';
import { decide } from './decide.js';
import { buildEscalationPacket, buildTicket } from './escalation.js';
import { buildHandoffPayload } from './handoff.js';
import { handoffAnnouncement } from './messages.js';
import { effectiveAutonomy, maxUrgency } from './policy.js';
import type { NextStep, TurnEvent, TurnState } from './steps.js';
import { validateCustomerText } from './text.js';
import { createAgentToolbox } from './toolbox.js';

/** The ports a turn needs. */
export interface TurnPorts {
  conversations: ConversationStore;
  events: EventLog;
  tickets: TicketQueue;
  clock: Clock;
  ids: IdGenerator;
  triager: Triager;
  engine: Engine;
  tools: ToolGateway;
  /** Circuit breakers on agents and tools; omitted → none. */
  breakers?: CircuitBreakers;
  /** Account flags (VIP, at-risk) of verified customers; omitted → no flags. */
  accounts?: AccountDirectory;
  /** Where shadow-mode replies wait for an operator; omitted → replies are sent even in shadow mode. */
  approvals?: ApprovalQueue;
}

/** What a turn produced. `replies` are the messages sent to the customer (empty when silent). */
export interface TurnOutcome {
  turnId: string;
  traceId: string;
  conversation: Conversation;
  message: Message;
  replies: Message[];
  /** `held`: shadow mode — the drafted reply waits for an operator (`approval`). */
  outcome: 'resolved' | 'needs_info' | 'clarify' | 'escalated' | 'refused' | 'silent' | 'held';
  /** The pending approval of a held reply. */
  approval?: Approval;
  triage?: TriageDecision;
  ticket?: Ticket;
}

/**
 * Handles one customer message end to end: validate, persist, triage, route, run agents,
 * hand off, escalate, reply, save.
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

  const turn = new TurnRun({ ports, desk, turnId, traceId, conversation: structuredClone(stored), message });
  return turn.run();
}

class TurnRun {
  private readonly ports: TurnPorts;
  private readonly desk: DeskConfig;
  private readonly turnId: string;
  private readonly traceId: string;
  private readonly state: TurnState;
  private readonly actions: AgentAction[] = [];
  private pendingHandoff: HandoffPayloadV1 | undefined;
  private ticket: Ticket | undefined;
  private firstAgentId: string | undefined;

  constructor(init: { ports: TurnPorts; desk: DeskConfig; turnId: string; traceId: string; conversation: Conversation; message: Message }) {
    this.ports = init.ports;
    this.desk = init.desk;
    this.turnId = init.turnId;
    this.traceId = init.traceId;
    const openCircuits = init.desk.agents.map((agent) => agent.id).filter((id) => init.ports.breakers?.state(`agent:${id}`) === 'open');
    const plan = init.conversation.dialog.queued ?? [];
    this.state = { conversation: init.conversation, message: init.message, runs: [], hops: 0, openCircuits, notified: false, retried: false, plan, completed: [] };
  }

  async run(): Promise<TurnOutcome> {
    let event: TurnEvent = { type: 'received' };
    for (let steps = 0; steps < this.desk.limits.maxTurnSteps; steps += 1) {
      const step = decide(this.state, event, this.desk);
      switch (step.type) {
        case 'triage':
          event = await this.triage();
          break;
        case 'run_agent':
          event = await this.runAgent(step);
          break;
        case 'escalate':
          event = await this.escalate(step);
          break;
        case 'notify_human':
          event = await this.notifyHuman(step);
          break;
        case 'reply':
          return this.reply(step);
        case 'stay_silent':
          await this.record('route', { silent: true, reason: step.reason });
          return this.outcome('silent', []);
      }
    }
    await this.record('error', { code: 'LIMIT_EXCEEDED', maxTurnSteps: this.desk.limits.maxTurnSteps });
    throw new LimitExceededError(`Turn exceeded ${this.desk.limits.maxTurnSteps} steps`, { details: { turnId: this.turnId } });
  }

  private get conversation(): Conversation {
    return this.state.conversation;
  }

  private async triage(): Promise<TurnEvent> {
    const started = performance.now();
    try {
      const decision = await this.ports.triager.triage({ text: this.state.message.text, conversation: this.conversation });
      this.state.triage = decision;
      this.conversation.entities = mergeEntities(this.conversation.entities, decision.entities);
      this.conversation.priority = maxUrgency(this.conversation.priority, decision.urgency);
      await this.record('triage', {
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
      await this.record('error', { stage: 'triage', code: failure.code }, { latencyMs: performance.now() - started });
      return { type: 'agent_failed', agentId: this.ports.triager.id, code: failure.code };
    }
  }

  private async runAgent(step: Extract<NextStep, { type: 'run_agent' }>): Promise<TurnEvent> {
    const agent = this.desk.agents.find((candidate) => candidate.id === step.agentId);
    if (!agent) return { type: 'agent_failed', agentId: step.agentId, code: 'CONFIG_INVALID' };
    this.firstAgentId ??= agent.id;
    if (step.reason === 'retry') this.state.retried = true;
    if (step.plan) this.state.plan = step.plan;
    if (step.complete) this.state.completed.push(step.complete);
    await this.record('route', { agentId: agent.id, reason: step.reason, intent: step.intent, ...(step.fromAgentId ? { fromAgentId: step.fromAgentId } : {}) }, { agentId: agent.id });
    let handoff: HandoffPayloadV1 | undefined;
    if (step.reason === 'handoff') {
      handoff = this.takeHandoff({ from: step.fromAgentId ?? 'unknown', to: agent.id });
      this.state.hops += 1;
      this.conversation.handoffChain = [...this.conversation.handoffChain, agent.id];
      await this.record('handoff', { payload: handoff }, { agentId: agent.id });
    }
    const history = await this.ports.conversations.listMessages(this.conversation.id, { limit: this.desk.limits.historyMessages });
    const toolbox = createAgentToolbox({
      gateway: this.ports.tools,
      clock: this.ports.clock,
      ids: this.ports.ids,
      turn: { conversationId: this.conversation.id, turnId: this.turnId, traceId: this.traceId },
      agentId: agent.id,
      customerId: this.conversation.identity?.customerId,
      record: (event) => this.ports.events.append([event]),
      actions: this.actions,
      identityTools: this.desk.identityTools,
      autonomy: this.autonomy(),
      ...(this.ports.breakers ? { breakers: this.ports.breakers } : {}),
      delegation: { agents: agent.delegates ?? [], run: (request) => this.consult({ ...request, fromAgentId: agent.id, intent: step.intent, history }) },
    });
    const started = performance.now();
    try {
      const output = await this.ports.engine.runAgent({
        agent,
        reason: step.reason,
        intent: step.intent,
        ...(step.focusText === undefined ? {} : { focusText: step.focusText }),
        conversation: this.conversation,
        message: this.state.message,
        history,
        triage: this.state.triage ?? missingTriage(),
        ...(handoff ? { handoff } : {}),
        tools: toolbox,
      });
      const parsed = AgentResultSchema.safeParse(output.result);
      if (!parsed.success) throw new EngineError('ENGINE_FAILED', `Engine "${this.ports.engine.id}" returned an invalid agent result`, { details: { agentId: agent.id } });
      const result = parsed.data;
      this.conversation.dialog = output.dialog;
      if (toolbox.verifiedIdentity) await this.bindIdentity(toolbox.verifiedIdentity);
      this.ports.breakers?.recordSuccess(`agent:${agent.id}`);
      this.conversation.currentAgentId = agent.id;
      if (result.status === 'handoff') this.pendingHandoff = output.handoff;
      this.state.runs.push({ agentId: agent.id, result });
      await this.record('agent_invoke', {
        engine: this.ports.engine.id,
        status: result.status,
        confidence: result.confidence,
        actions: result.actions.length,
        sources: result.sources,
        ...(result.handoffTo ? { handoffTo: result.handoffTo } : {}),
      }, { agentId: agent.id, latencyMs: performance.now() - started });
      return { type: 'agent_completed', agentId: agent.id, result, intent: step.intent };
    } catch (error) {
      const failure = toSwitchboardError(error);
      this.ports.breakers?.recordFailure(`agent:${agent.id}`);
      await this.record('error', { stage: 'agent', code: failure.code }, { agentId: agent.id, latencyMs: performance.now() - started });
      return { type: 'agent_failed', agentId: agent.id, code: failure.code };
    }
  }

  /**
   * Collaborative pattern: runs another agent on a question for the calling agent and returns its
   * answer as a tool result. The consulted agent's dialogue state is discarded; it cannot consult further.
   */
  private async consult(request: { agentId: string; question: string; fromAgentId: string; intent: string; history: readonly Message[] }): Promise<ToolCallResult> {
    const other = this.desk.agents.find((candidate) => candidate.id === request.agentId);
    if (!other) return { ok: false, error: { code: 'NOT_FOUND', message: `No agent "${request.agentId}"` } };
    await this.record('route', { agentId: other.id, reason: 'delegate', intent: request.intent, fromAgentId: request.fromAgentId }, { agentId: other.id });
    const toolbox = createAgentToolbox({
      gateway: this.ports.tools,
      clock: this.ports.clock,
      ids: this.ports.ids,
      turn: { conversationId: this.conversation.id, turnId: this.turnId, traceId: this.traceId },
      agentId: other.id,
      customerId: this.conversation.identity?.customerId,
      record: (event) => this.ports.events.append([event]),
      actions: this.actions,
      identityTools: {},
    });
    const started = performance.now();
    try {
      const output = await this.ports.engine.runAgent({ agent: other, reason: 'delegate', intent: request.intent, focusText: request.question, conversation: this.conversation, message: this.state.message, history: request.history, triage: this.state.triage ?? missingTriage(), tools: toolbox });
      const result = AgentResultSchema.parse(output.result);
      await this.record('agent_invoke', { engine: this.ports.engine.id, status: result.status, confidence: result.confidence, delegatedBy: request.fromAgentId, sources: result.sources }, { agentId: other.id, latencyMs: performance.now() - started });
      return { ok: true, output: { agentId: other.id, status: result.status, reply: result.reply, sources: result.sources } };
    } catch (error) {
      await this.record('error', { stage: 'delegate', code: toSwitchboardError(error).code }, { agentId: other.id, latencyMs: performance.now() - started });
      return { ok: false, error: { code: 'TOOL_FAILED', message: `Consulting "${other.id}" failed` } };
    }
  }

  private takeHandoff(route: { from: string; to: string }): HandoffPayloadV1 {
    const offered = this.pendingHandoff;
    this.pendingHandoff = undefined;
    const parsed = offered ? HandoffPayloadV1Schema.safeParse(offered) : undefined;
    if (parsed?.success && parsed.data.toAgent === route.to) return parsed.data;
    const lastRun = this.state.runs.at(-1);
    return buildHandoffPayload({
      handoffId: this.ports.ids.next('handoff'),
      now: this.ports.clock.now(),
      fromAgent: route.from,
      toAgent: route.to,
      conversation: this.conversation,
      triage: this.state.triage,
      actions: this.actions,
      reason: lastRun?.result.reply ? 'request outside the agent\'s domain' : 'transfer requested',
      lastMessageId: this.state.message.id,
    });
  }

  private async escalate(step: Extract<NextStep, { type: 'escalate' }>): Promise<TurnEvent> {
    const ticket = await this.openTicket(step);
    this.conversation.ticketId = ticket.id;
    this.conversation.dialog = { slots: this.conversation.dialog.slots, failedAttempts: 0 };
    await this.record('escalation', { trigger: step.trigger, reason: step.reason, queue: ticket.queue, priority: ticket.priority, ticketId: ticket.id, slaDueAt: ticket.slaDueAt }, { agentId: this.desk.routing.escalationAgentId });
    return { type: 'escalated', ticket, ...(step.agentReply === undefined ? {} : { agentReply: step.agentReply }) };
  }

  /** Urgent: a ticket for a human in parallel; the conversation stays with the desk. */
  private async notifyHuman(step: Extract<NextStep, { type: 'notify_human' }>): Promise<TurnEvent> {
    const ticket = await this.openTicket({ ...step, type: 'escalate' });
    this.state.notified = true;
    this.conversation.ticketId = ticket.id;
    await this.record('escalation', { trigger: step.trigger, reason: step.reason, queue: ticket.queue, priority: ticket.priority, ticketId: ticket.id, slaDueAt: ticket.slaDueAt, parallel: true }, { agentId: this.desk.routing.escalationAgentId });
    return { type: 'human_notified', ticket };
  }

  /** Reuses the conversation's open ticket (raising its priority) or creates one with a validated escalation packet. */
  private async openTicket(step: Extract<NextStep, { type: 'escalate' }>): Promise<Ticket> {
    const existing = this.conversation.ticketId ? await this.ports.tickets.get(this.conversation.ticketId) : undefined;
    let ticket: Ticket;
    if (existing && existing.status !== 'resolved') {
      ticket = { ...existing, priority: maxUrgency(existing.priority, step.priority), updatedAt: this.ports.clock.now().toISOString() };
      await this.ports.tickets.update(ticket);
    } else {
      const packet = buildEscalationPacket({ conversation: this.conversation, triage: this.state.triage, step, actions: this.actions, lastMessage: this.state.message.text });
      ticket = buildTicket({ id: this.ports.ids.next('T'), now: this.ports.clock.now(), desk: this.desk, conversation: this.conversation, triage: this.state.triage, step, packet });
      await this.ports.tickets.create(ticket);
    }
    this.ticket = ticket;
    this.conversation.priority = maxUrgency(this.conversation.priority, ticket.priority);
    return ticket;
  }

  /** Binds the identity an identity tool verified, and loads the account's flags. */
  private async bindIdentity(identity: CustomerIdentity): Promise<void> {
    this.conversation.identity = identity;
    if (this.ports.accounts) this.conversation.accountFlags = await this.ports.accounts.flagsFor(identity.customerId);
  }

  private autonomy(): 'shadow' | 'assisted' | 'auto' {
    return effectiveAutonomy(this.desk, { conversation: this.conversation, category: this.state.triage?.category });
  }

  /** Shadow mode: the drafted reply becomes a pending approval instead of a message. */
  private async holdReply(step: Extract<NextStep, { type: 'reply' }>, approvals: ApprovalQueue): Promise<TurnOutcome> {
    const approval: Approval = {
      id: this.ports.ids.next('apr'),
      conversationId: this.conversation.id,
      kind: 'reply',
      status: 'pending',
      reason: 'SHADOW_MODE: an operator approves every reply',
      agentId: step.author,
      ...(this.conversation.identity ? { customerId: this.conversation.identity.customerId } : {}),
      draftReply: step.text,
      createdAt: this.ports.clock.now().toISOString(),
    };
    await approvals.create(approval);
    this.conversation.status = step.status;
    this.conversation.updatedAt = approval.createdAt;
    this.state.conversation = await this.ports.conversations.save(this.conversation);
    await this.record('approval', { kind: 'reply', approvalId: approval.id, status: 'pending', outcome: step.outcome }, { agentId: step.author });
    return { ...this.outcome('held', []), approval };
  }

  private async reply(step: Extract<NextStep, { type: 'reply' }>): Promise<TurnOutcome> {
    if (this.ports.approvals && step.outcome !== 'escalated' && this.autonomy() === 'shadow') return this.holdReply(step, this.ports.approvals);
    const dialog = this.conversation.dialog;
    if (step.outcome === 'clarify') dialog.failedAttempts += 1;
    if (step.outcome === 'resolved' || step.outcome === 'escalated') this.conversation.handoffChain = [];
    if (step.queued !== undefined) dialog.queued = step.queued;
    this.conversation.status = step.status;
    const agentName = this.desk.agents.find((agent) => agent.id === step.author)?.name ?? step.author;
    const handedOff = this.state.hops > 0 && step.author !== this.firstAgentId && step.outcome !== 'escalated';
    const text = handedOff ? `${handoffAnnouncement({ toAgentName: agentName })}\n\n${step.text}` : step.text;
    const reply: Message = { id: this.ports.ids.next('msg'), conversationId: this.conversation.id, role: 'agent', author: step.author, text, createdAt: this.ports.clock.now().toISOString(), turnId: this.turnId };
    await this.ports.conversations.appendMessage(reply);
    this.conversation.updatedAt = reply.createdAt;
    this.state.conversation = await this.ports.conversations.save(this.conversation);
    await this.record('resolution', { outcome: step.outcome, status: step.status, agentId: step.author }, { agentId: step.author });
    return this.outcome(step.outcome, [reply]);
  }

  private outcome(outcome: TurnOutcome['outcome'], replies: Message[]): TurnOutcome {
    return {
      turnId: this.turnId,
      traceId: this.traceId,
      conversation: this.state.conversation,
      message: this.state.message,
      replies,
      outcome,
      ...(this.state.triage ? { triage: this.state.triage } : {}),
      ...(this.ticket ? { ticket: this.ticket } : {}),
    };
  }

  private async record(type: AgentEventType, data: Record<string, unknown>, extra: { agentId?: string; latencyMs?: number } = {}): Promise<void> {
    const event: AgentEvent = {
      id: this.ports.ids.next('evt'),
      conversationId: this.conversation.id,
      traceId: this.traceId,
      turnId: this.turnId,
      time: this.ports.clock.now().toISOString(),
      type,
      data,
      ...(extra.agentId === undefined ? {} : { agentId: extra.agentId }),
      ...(extra.latencyMs === undefined ? {} : { latencyMs: extra.latencyMs }),
    };
    await this.ports.events.append([event]);
  }
}

function missingTriage(): never {
  throw new EngineError('ENGINE_FAILED', 'An agent ran before triage');
}
