import type { AgentAction, AgentConfig } from '../domain/agent.js';
import type { Conversation } from '../domain/conversation.js';
import type { DeskConfig } from '../domain/desk.js';
import type { AgentEvent, AgentEventType } from '../domain/events.js';
import type { Message } from '../domain/message.js';
import { EngineError } from '../errors.js';
import type { ToolCallResult } from '../tools/tool.js';
import { effectiveAutonomy } from './policy.js';
import type { TurnState } from './steps.js';
import { createAgentToolbox, type BoundAgentToolbox } from './toolbox.js';
import type { TurnPorts } from './turn-types.js';

/**
 * What every part of one turn shares: ports, desk, ids of the turn, the mutable turn state, the
 * actions and tool outputs gathered so far (the QA gate's evidence), and the audit writer.
 */
export class TurnScope {
  readonly ports: TurnPorts;
  readonly desk: DeskConfig;
  readonly turnId: string;
  readonly traceId: string;
  readonly state: TurnState;
  readonly actions: AgentAction[] = [];
  readonly toolOutputs: unknown[] = [];
  private historyRead: Promise<readonly Message[]> | undefined;

  constructor(init: { ports: TurnPorts; desk: DeskConfig; turnId: string; traceId: string; state: TurnState }) {
    this.ports = init.ports;
    this.desk = init.desk;
    this.turnId = init.turnId;
    this.traceId = init.traceId;
    this.state = init.state;
  }

  get conversation(): Conversation {
    return this.state.conversation;
  }

  /**
   * The conversation's latest messages (at most `desk.limits.historyMessages`, oldest first, the
   * customer's message of this turn included), read from the store once per turn: every agent run
   * and the QA gate of the turn see the same history, and a store such as PostgreSQL is asked once
   * instead of once per agent. Nothing is appended to a conversation between the customer's message
   * and the turn's reply, so the read is the same; a message an operator adds meanwhile is read by
   * the next turn. The array is frozen (shared by every reader).
   * @throws whatever `ConversationStore.listMessages` throws (then the next call reads again).
   */
  history(): Promise<readonly Message[]> {
    this.historyRead ??= this.ports.conversations.listMessages(this.state.conversation.id, { limit: this.desk.limits.historyMessages }).then(
      (messages) => Object.freeze(messages),
      (error: unknown) => {
        this.historyRead = undefined;
        throw error;
      },
    );
    return this.historyRead;
  }

  /** The autonomy mode in force for this turn's category. */
  autonomy(): 'shadow' | 'assisted' | 'auto' {
    return effectiveAutonomy(this.desk, { conversation: this.conversation, category: this.state.triage?.category });
  }

  /**
   * A toolbox for `agent` in this turn (scopes, identity, breakers, autonomy). `delegation` offers
   * the consultation tool; a `consulted` agent's toolbox cannot establish identity.
   */
  toolbox(agent: AgentConfig, options: { delegation?: (request: { agentId: string; question: string }) => Promise<ToolCallResult>; consulted?: boolean } = {}): BoundAgentToolbox {
    const { delegation } = options;
    const events = this.ports.events;
    return createAgentToolbox({
      gateway: this.ports.tools,
      clock: this.ports.clock,
      ids: this.ports.ids,
      turn: { conversationId: this.conversation.id, turnId: this.turnId, traceId: this.traceId },
      agentId: agent.id,
      customerId: this.conversation.identity?.customerId,
      record(event) {
        return events.append([event]);
      },
      actions: this.actions,
      outputs: this.toolOutputs,
      identityTools: options.consulted === true ? {} : this.desk.identityTools,
      autonomy: this.autonomy(),
      ...(this.ports.breakers ? { breakers: this.ports.breakers } : {}),
      ...(delegation ? { delegation: { agents: agent.delegates ?? [], run: delegation } } : {}),
    });
  }

  /** Writes one audit event of this turn. */
  record(type: AgentEventType, data: Record<string, unknown>, extra?: { agentId?: string; latencyMs?: number }): Promise<void> {
    // Field by field (optional fields only when set): this runs for every step of every turn.
    const event: AgentEvent = {
      id: this.ports.ids.next('evt'),
      conversationId: this.state.conversation.id,
      traceId: this.traceId,
      turnId: this.turnId,
      time: this.ports.clock.now().toISOString(),
      type,
      data,
    };
    if (extra?.agentId !== undefined) event.agentId = extra.agentId;
    if (extra?.latencyMs !== undefined) event.latencyMs = extra.latencyMs;
    // The log's promise itself, not an async wrapper around it: one promise and two microtasks fewer per event.
    return this.ports.events.append([event]);
  }

  /** The triage decision; agents never run before it. @throws EngineError `ENGINE_FAILED` otherwise (a driver bug). */
  requireTriage(): NonNullable<TurnState['triage']> {
    if (!this.state.triage) throw new EngineError('ENGINE_FAILED', 'An agent ran before triage');
    return this.state.triage;
  }
}
