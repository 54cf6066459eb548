/**
 * Checks one step's expectations against what the desk did: the turn outcome, its replies, this
 * turn's audit events (route, tool_call, handoff, escalation, qa_review, guardrail, approval) and
 * the stored conversation and ticket. Each unmet expectation becomes one mismatch with the
 * expected and the actual value in words.
 */
import type { AgentEvent, Ticket, TurnOutcome } from '@switchboard/core';
import type { OperatorExpect, TurnExpect } from './schema.js';

/** One unmet expectation. */
export interface Mismatch {
  expected: string;
  actual: string;
}

/** What a customer turn produced. */
export interface TurnObservation {
  outcome: TurnOutcome['outcome'];
  replies: readonly { author: string; text: string }[];
  /** The audit events of this turn only, oldest first. */
  events: readonly AgentEvent[];
  /** The ticket this turn opened or updated. */
  ticket?: Ticket | undefined;
}

/** The stored state after a step. */
export interface StateObservation {
  conversationStatus: string | undefined;
  /** The conversation's latest ticket, as stored. */
  ticket: Ticket | undefined;
}

/** Fills placeholders in expected texts. */
export type Fill = (text: string) => string;

const REPLY_SHOWN_CHARS = 400;

const show = (value: unknown): string => JSON.stringify(value);
const shownReply = (text: string): string => `reply ${show(text.length > REPLY_SHOWN_CHARS ? `${text.slice(0, REPLY_SHOWN_CHARS)}…` : text)}`;
const ofType = (events: readonly AgentEvent[], type: AgentEvent['type']): AgentEvent[] => events.filter((event) => event.type === type);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Whether every field of `wanted` equals the same field of `data`. */
function hasFields(data: Record<string, unknown>, wanted: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(wanted).every(([key, value]) => data[key] === value);
}

/** Route events of the turn (consultations through `delegate_to_agent` excluded), as agent ids. */
function routedAgents(events: readonly AgentEvent[]): string[] {
  return ofType(events, 'route')
    .filter((event) => event.data.reason !== 'delegate')
    .map((event) => text(event.data.agentId))
    .filter((agentId): agentId is string => agentId !== undefined);
}

function handoffs(events: readonly AgentEvent[]): { from: string; to: string }[] {
  return ofType(events, 'handoff').map((event) => {
    const payload = (event.data.payload ?? {}) as Record<string, unknown>;
    return { from: text(payload.fromAgent) ?? '?', to: text(payload.toAgent) ?? '?' };
  });
}

function escalations(events: readonly AgentEvent[]): Record<string, unknown>[] {
  return ofType(events, 'escalation').map((event) => ({ trigger: event.data.trigger, queue: event.data.queue, priority: event.data.priority, parallel: event.data.parallel === true }));
}

function checkReply(expect: TurnExpect, observation: TurnObservation, fill: Fill): Mismatch[] {
  const reply = observation.replies.map((message) => message.text).join('\n\n');
  const out: Mismatch[] = [];
  for (const wanted of (expect.replyIncludes ?? []).map(fill)) if (!reply.includes(wanted)) out.push({ expected: `reply includes ${show(wanted)}`, actual: shownReply(reply) });
  for (const unwanted of (expect.replyExcludes ?? []).map(fill)) if (reply.includes(unwanted)) out.push({ expected: `reply excludes ${show(unwanted)}`, actual: shownReply(reply) });
  const patterns = expect.replyMatches === undefined ? [] : typeof expect.replyMatches === 'string' ? [expect.replyMatches] : expect.replyMatches;
  for (const pattern of patterns) {
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, 'i');
    } catch {
      out.push({ expected: `replyMatches ${show(pattern)} is a valid regular expression`, actual: 'invalid regular expression' });
      continue;
    }
    if (!regex.test(reply)) out.push({ expected: `reply matches /${pattern}/i`, actual: shownReply(reply) });
  }
  if (expect.silent === true && (observation.outcome !== 'silent' || observation.replies.length > 0)) out.push({ expected: 'silent (no reply)', actual: `outcome ${observation.outcome}, ${shownReply(reply)}` });
  if (expect.silent === false && observation.replies.length === 0) out.push({ expected: 'a reply', actual: `no reply (outcome ${observation.outcome})` });
  if (expect.author !== undefined && observation.replies[0]?.author !== expect.author) out.push({ expected: `author ${expect.author}`, actual: `author ${observation.replies[0]?.author ?? '(no reply)'}` });
  return out;
}

function checkRouting(expect: TurnExpect, observation: TurnObservation): Mismatch[] {
  const out: Mismatch[] = [];
  const { events } = observation;
  if (expect.agents !== undefined && show(routedAgents(events)) !== show(expect.agents)) out.push({ expected: `agents ${show(expect.agents)}`, actual: `agents ${show(routedAgents(events))}` });
  if (expect.handoff !== undefined) {
    const wanted = expect.handoff === false ? [] : Array.isArray(expect.handoff) ? expect.handoff : [expect.handoff];
    const actual = handoffs(events);
    if (show(actual.map(({ from, to }) => `${from}→${to}`)) !== show(wanted.map(({ from, to }) => `${from}→${to}`))) {
      out.push({ expected: wanted.length === 0 ? 'no handoff' : `handoffs ${wanted.map(({ from, to }) => `${from}→${to}`).join(', ')}`, actual: actual.length === 0 ? 'no handoff' : `handoffs ${actual.map(({ from, to }) => `${from}→${to}`).join(', ')}` });
    }
  }
  const calls = ofType(events, 'tool_call');
  const called = calls.map((event) => text(event.data.tool) ?? '?');
  for (const tool of expect.tools ?? []) if (!called.includes(tool)) out.push({ expected: `tool ${tool} called`, actual: `tools called ${show(called)}` });
  for (const tool of expect.toolsExclude ?? []) if (called.includes(tool)) out.push({ expected: `tool ${tool} not called`, actual: `tools called ${show(called)}` });
  const codes = calls.map((event) => text(event.data.code)).filter((code): code is string => code !== undefined);
  for (const code of expect.toolCodes ?? []) if (!codes.includes(code)) out.push({ expected: `a tool call failing with ${code}`, actual: `tool failure codes ${show(codes)}` });
  return out;
}

function checkEscalation(expect: TurnExpect, observation: TurnObservation, fill: Fill): Mismatch[] {
  const out: Mismatch[] = [];
  const found = escalations(observation.events);
  if (expect.escalation === false && found.length > 0) out.push({ expected: 'no escalation', actual: `escalations ${show(found)}` });
  if (expect.escalation !== undefined && expect.escalation !== false) {
    const wanted = expect.escalation;
    if (!found.some((event) => hasFields(event, wanted))) out.push({ expected: `escalation ${show(wanted)}`, actual: found.length === 0 ? 'no escalation' : `escalations ${show(found)}` });
  }
  const { ticket } = observation;
  if (expect.ticket === true && !ticket) out.push({ expected: 'a ticket', actual: 'no ticket' });
  if (expect.ticket === false && ticket) out.push({ expected: 'no ticket', actual: `ticket ${ticket.id} (${ticket.queue}, ${ticket.priority})` });
  if (typeof expect.ticket === 'object') {
    const { summaryIncludes, ...fields } = expect.ticket;
    if (!ticket) out.push({ expected: `a ticket ${show(expect.ticket)}`, actual: 'no ticket' });
    else {
      const actual = { queue: ticket.queue, priority: ticket.priority, trigger: ticket.trigger, status: ticket.status };
      if (!hasFields(actual, fields)) out.push({ expected: `ticket ${show(fields)}`, actual: `ticket ${show(actual)}` });
      for (const wanted of (summaryIncludes ?? []).map(fill)) if (!ticket.summary.includes(wanted)) out.push({ expected: `ticket summary includes ${show(wanted)}`, actual: `summary ${show(ticket.summary)}` });
    }
  }
  return out;
}

/** Expectations on features recorded as audit events: the QA verdict, guardrails and approvals. */
function checkAudited(expect: TurnExpect, observation: TurnObservation): Mismatch[] {
  const out: Mismatch[] = [];
  const wantedEvents: { type: AgentEvent['type']; fields: Readonly<Record<string, unknown>> | undefined; what: string }[] = [
    { type: 'qa_review', fields: expect.qaVerdict === undefined ? undefined : { verdict: expect.qaVerdict }, what: 'the QA gate' },
    { type: 'guardrail', fields: expect.guardrail, what: 'a guardrail' },
    { type: 'approval', fields: expect.approval, what: 'an approval' },
  ];
  for (const { type, fields, what } of wantedEvents) {
    if (fields === undefined) continue;
    const found = ofType(observation.events, type);
    if (found.length === 0) out.push({ expected: `${type} event ${show(fields)}`, actual: `no ${type} event in this turn: nothing recorded ${what} (not wired into the turn driver yet, or it did not run)` });
    else if (!found.some((event) => hasFields(event.data, fields))) out.push({ expected: `${type} event ${show(fields)}`, actual: `${type} events ${show(found.map((event) => event.data))}` });
  }
  return out;
}

/** Mismatches between a customer turn and its expectations (empty when all hold). */
export function checkTurn(expect: TurnExpect, observation: TurnObservation, fill: Fill): Mismatch[] {
  const out: Mismatch[] = [];
  if (expect.outcome !== undefined && observation.outcome !== expect.outcome) {
    out.push({ expected: `outcome ${expect.outcome}`, actual: `outcome ${observation.outcome}; ${shownReply(observation.replies.map((message) => message.text).join('\n\n'))}` });
  }
  return [...out, ...checkRouting(expect, observation), ...checkEscalation(expect, observation, fill), ...checkReply(expect, observation, fill), ...checkAudited(expect, observation)];
}

/** Mismatches between the stored conversation and ticket and a step's expectations. */
export function checkState(expect: OperatorExpect, state: StateObservation): Mismatch[] {
  const out: Mismatch[] = [];
  if (expect.conversationStatus !== undefined && state.conversationStatus !== expect.conversationStatus) {
    out.push({ expected: `conversation status ${expect.conversationStatus}`, actual: `conversation status ${state.conversationStatus ?? '(none)'}` });
  }
  if (expect.ticketStatus !== undefined && state.ticket?.status !== expect.ticketStatus) {
    out.push({ expected: `ticket status ${expect.ticketStatus}`, actual: state.ticket ? `ticket ${state.ticket.id} status ${state.ticket.status}` : 'no ticket' });
  }
  return out;
}
