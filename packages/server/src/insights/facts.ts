/**
 * Facts derived from audit events, shared by the metrics summary, the alert rules and the agent
 * graph: what each turn did (routed agent, answering agent, outcome, handoffs, latency, cost) and
 * what each conversation came to in a window. Events are the desk's audit log (`AgentEvent`),
 * whose `data` shapes are written by core's turn driver (`route`: `agentId`, `reason`,
 * `fromAgentId`; `resolution`: `outcome`, `agentId`; `escalation`: `trigger`, `ticketId`).
 */
import type { AgentEvent } from '@switchboard/core';

/** One turn as the audit log tells it. Times are epoch milliseconds. */
export interface TurnFacts {
  turnId: string;
  conversationId: string;
  startMs: number;
  endMs: number;
  /** The agent triage routed the message to (first `route` event with reason `route`). */
  routedAgentId?: string;
  /** The agent whose reply ended the turn (`resolution` event), else the last one invoked. */
  finalAgentId?: string;
  /** `resolution` outcome: `resolved`, `needs_info`, `clarify`, `escalated`, `refused`. */
  outcome?: string;
  /** A ticket was opened for a human (an `escalation` event). */
  escalated: boolean;
  /** Escalation triggers of the turn (`handoff_loop`, `max_hops`, `human_requested`…). */
  escalationTriggers: string[];
  /** Agent-to-agent transfers, in order. */
  handoffs: { from: string; to: string; atMs: number }[];
  /** Agents that produced a result (`agent_invoke`). */
  answeredBy: string[];
  /** Whether the turn was processed by the desk (triaged or routed), not only an operator action. */
  desk: boolean;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Events with their epoch-ms times, oldest first (stable for equal times). */
export function byTime(events: readonly AgentEvent[]): { event: AgentEvent; atMs: number }[] {
  return events.map((event) => ({ event, atMs: Date.parse(event.time) })).sort((a, b) => a.atMs - b.atMs);
}

/** Groups events (any order) into turns, oldest turn first. */
export function turnsOf(events: readonly AgentEvent[]): TurnFacts[] {
  const turns = new Map<string, TurnFacts>();
  const ordered = byTime(events);
  for (const { event, atMs } of ordered) {
    let turn = turns.get(event.turnId);
    if (!turn) {
      turn = { turnId: event.turnId, conversationId: event.conversationId, startMs: atMs, endMs: atMs, escalated: false, escalationTriggers: [], handoffs: [], answeredBy: [], desk: false };
      turns.set(event.turnId, turn);
    }
    turn.endMs = Math.max(turn.endMs, atMs);
    const agentId = text(event.data.agentId) ?? event.agentId;
    switch (event.type) {
      case 'triage':
        turn.desk = true;
        break;
      case 'route': {
        turn.desk = true;
        const reason = text(event.data.reason);
        if (reason === 'route' && agentId && turn.routedAgentId === undefined) turn.routedAgentId = agentId;
        const from = text(event.data.fromAgentId);
        if (reason === 'handoff' && from && agentId) turn.handoffs.push({ from, to: agentId, atMs });
        break;
      }
      case 'agent_invoke':
        if (event.agentId) {
          turn.answeredBy.push(event.agentId);
          if (turn.outcome === undefined) turn.finalAgentId = event.agentId;
        }
        break;
      case 'resolution':
        turn.outcome = text(event.data.outcome);
        if (agentId) turn.finalAgentId = agentId;
        break;
      case 'escalation': {
        turn.escalated = true;
        const trigger = text(event.data.trigger);
        if (trigger) turn.escalationTriggers.push(trigger);
        break;
      }
      case 'tool_call':
      case 'handoff':
      case 'qa_review':
      case 'guardrail':
      case 'approval':
      case 'operator':
      case 'error':
        break;
    }
  }
  return [...turns.values()].sort((a, b) => a.startMs - b.startMs);
}

/** One conversation as the turns of a window tell it. */
export interface ConversationFacts {
  conversationId: string;
  firstMs: number;
  /** Agents that answered at least once (`agent_invoke`). */
  answeredBy: Set<string>;
  /** A human was brought in (a ticket was opened). */
  escalated: boolean;
  /** A turn ended `resolved` and no ticket was opened: resolved without a human. */
  resolvedByDesk: boolean;
  /** Time of the first turn that ended `resolved`, epoch ms. */
  resolvedAtMs?: number;
  handoffs: number;
}

/** Rolls turns up per conversation (only turns the desk processed). */
export function conversationsOf(turns: readonly TurnFacts[]): Map<string, ConversationFacts> {
  const conversations = new Map<string, ConversationFacts>();
  for (const turn of turns) {
    if (!turn.desk) continue;
    let facts = conversations.get(turn.conversationId);
    if (!facts) {
      facts = { conversationId: turn.conversationId, firstMs: turn.startMs, answeredBy: new Set(), escalated: false, resolvedByDesk: false, handoffs: 0 };
      conversations.set(turn.conversationId, facts);
    }
    for (const agentId of turn.answeredBy) facts.answeredBy.add(agentId);
    facts.handoffs += turn.handoffs.length;
    if (turn.escalated) facts.escalated = true;
    if (turn.outcome === 'resolved' && facts.resolvedAtMs === undefined) facts.resolvedAtMs = turn.endMs;
  }
  for (const facts of conversations.values()) facts.resolvedByDesk = facts.resolvedAtMs !== undefined && !facts.escalated;
  return conversations;
}
