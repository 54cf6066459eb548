/**
 * In-memory implementations of core's storage ports, for unit tests and offline demos.
 * Same observable behaviour as the SQL adapters (optimistic versions, ordering), no persistence.
 */
import type { Conversation } from '../domain/conversation.js';
import type { AgentEvent } from '../domain/events.js';
import type { Message } from '../domain/message.js';
import { URGENCIES, type Urgency } from '../domain/triage.js';
import type { Ticket } from '../domain/ticket.js';
import { InvalidInputError, NotFoundError, SwitchboardError } from '../errors.js';
import type { ApprovalQueue, Clock, ConversationDirectory, ConversationStore, EventLog, EventLogWindow, IdGenerator, TicketFilter, TicketQueue } from '../ports.js';
import type { Approval } from '../domain/approval.js';
import { cloneData } from './clone.js';

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidInputError('INVALID_INPUT', 'limit must be an integer ≥ 1', { details: { field: 'limit' } });
}

function checkTime(value: string, field: string): number {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new InvalidInputError('INVALID_INPUT', `${field} must be an ISO 8601 time`, { details: { field } });
  return time;
}

/** A {@link ConversationStore} (and {@link ConversationDirectory}) held in maps. */
export function createMemoryConversationStore(): ConversationStore & ConversationDirectory {
  const conversations = new Map<string, Conversation>();
  const messages = new Map<string, Message[]>();
  const messageIds = new Set<string>();
  return {
    async create(conversation) {
      if (conversations.has(conversation.id)) throw new SwitchboardError('CONFLICT', 'Conversation already exists', { details: { conversationId: conversation.id } });
      conversations.set(conversation.id, cloneData(conversation));
      return Promise.resolve();
    },
    async get(id) {
      const found = conversations.get(id);
      return Promise.resolve(found ? cloneData(found) : undefined);
    },
    async save(conversation) {
      const current = conversations.get(conversation.id);
      if (!current) throw new NotFoundError('CONVERSATION_NOT_FOUND', 'No such conversation', { details: { conversationId: conversation.id } });
      if (current.version !== conversation.version) throw new SwitchboardError('CONFLICT', 'Conversation was saved by another writer', { details: { conversationId: conversation.id } });
      const saved = cloneData(conversation);
      saved.version = conversation.version + 1;
      conversations.set(conversation.id, saved);
      return Promise.resolve(cloneData(saved));
    },
    async appendMessage(message) {
      if (messageIds.has(message.id)) throw new SwitchboardError('CONFLICT', 'Message already exists', { details: { messageId: message.id } });
      messageIds.add(message.id);
      const list = messages.get(message.conversationId) ?? [];
      list.push(cloneData(message));
      messages.set(message.conversationId, list);
      return Promise.resolve();
    },
    async listMessages(conversationId, options = {}) {
      const list = messages.get(conversationId) ?? [];
      const limited = options.limit === undefined ? list : list.slice(-options.limit);
      return Promise.resolve(cloneData(limited));
    },
    async listRecent(query) {
      checkLimit(query.limit);
      const listed = [...conversations.values()]
        .filter((conversation) => query.status === undefined || conversation.status === query.status)
        .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.id.localeCompare(a.id))
        .slice(0, query.limit)
        .map((conversation) => {
          const list = messages.get(conversation.id) ?? [];
          const last = list.at(-1);
          return { conversation: cloneData(conversation), messageCount: list.length, ...(last ? { lastMessage: cloneData(last) } : {}) };
        });
      return Promise.resolve(listed);
    },
    async countActiveByAgent() {
      const counts: Record<string, number> = {};
      for (const conversation of conversations.values()) {
        if (conversation.status === 'resolved' || conversation.status === 'abandoned' || conversation.currentAgentId === undefined) continue;
        counts[conversation.currentAgentId] = (counts[conversation.currentAgentId] ?? 0) + 1;
      }
      return Promise.resolve(counts);
    },
  };
}

/** An {@link EventLog} (and {@link EventLogWindow}) held in an array. `all` exposes every event for assertions. */
export function createMemoryEventLog(): EventLog & EventLogWindow & { readonly all: readonly AgentEvent[] } {
  const all: AgentEvent[] = [];
  return {
    all,
    // Not `async`: a promise returned from an async function costs two more microtasks, and every
    // audit event of every turn comes through here. A copy that fails still rejects (never throws).
    append(events) {
      try {
        for (const event of events) all.push(cloneData(event));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error('Event could not be copied', { cause: error }));
      }
      return Promise.resolve();
    },
    async list(conversationId) {
      // Oldest first by time; events with equal times keep their append order (stable sort).
      return Promise.resolve(all.filter((event) => event.conversationId === conversationId).sort((a, b) => a.time.localeCompare(b.time)));
    },
    async listSince(query) {
      checkLimit(query.limit);
      const since = checkTime(query.since, 'since');
      const until = query.until === undefined ? Infinity : checkTime(query.until, 'until');
      const matching = all
        .map((event) => ({ event, time: Date.parse(event.time) }))
        .filter(({ time }) => time >= since && time < until)
        .sort((a, b) => a.time - b.time)
        .map(({ event }) => event);
      return Promise.resolve(cloneData(matching.slice(-query.limit)));
    },
  };
}

const rank = (priority: Urgency): number => URGENCIES.length - URGENCIES.indexOf(priority);

/** A {@link TicketQueue} held in a map; `list` orders urgent first, then by SLA due time. */
export function createMemoryTicketQueue(): TicketQueue {
  const tickets = new Map<string, Ticket>();
  const matches = (ticket: Ticket, filter: TicketFilter): boolean =>
    (filter.status === undefined || ticket.status === filter.status) &&
    (filter.queue === undefined || ticket.queue === filter.queue) &&
    (filter.conversationId === undefined || ticket.conversationId === filter.conversationId);
  return {
    async create(ticket) {
      if (tickets.has(ticket.id)) throw new SwitchboardError('CONFLICT', 'Ticket already exists', { details: { ticketId: ticket.id } });
      tickets.set(ticket.id, cloneData(ticket));
      return Promise.resolve();
    },
    async get(id) {
      const found = tickets.get(id);
      return Promise.resolve(found ? cloneData(found) : undefined);
    },
    async list(filter = {}) {
      const list = [...tickets.values()].filter((ticket) => matches(ticket, filter));
      list.sort((a, b) => rank(b.priority) - rank(a.priority) || a.slaDueAt.localeCompare(b.slaDueAt));
      return Promise.resolve(cloneData(list));
    },
    async claim(input) {
      const current = tickets.get(input.ticketId);
      if (!current || current.status !== 'open') return Promise.resolve(undefined);
      const claimed: Ticket = { ...current, status: 'assigned', assignee: input.assignee, updatedAt: input.at };
      tickets.set(claimed.id, claimed);
      return Promise.resolve(cloneData(claimed));
    },
    async update(ticket) {
      if (!tickets.has(ticket.id)) throw new NotFoundError('NOT_FOUND', 'No such ticket', { details: { ticketId: ticket.id } });
      tickets.set(ticket.id, cloneData(ticket));
      return Promise.resolve();
    },
  };
}

/** A clock that starts at `start` and advances `stepMs` milliseconds on every read. */
export function createManualClock(options: { start?: Date; stepMs?: number } = {}): Clock & { advance(ms: number): void } {
  let current = (options.start ?? new Date('2026-01-05T09:00:00.000Z')).getTime();
  const stepMs = options.stepMs ?? 0;
  return {
    now() {
      const value = new Date(current);
      current += stepMs;
      return value;
    },
    advance(ms: number) {
      current += ms;
    },
  };
}

/** Ids `prefix_1`, `prefix_2`, … (one counter per prefix). Deterministic, for tests and replays. */
export function createSequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const value = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, value);
      return `${prefix}_${value}`;
    },
  };
}

/** An {@link ApprovalQueue} held in a map; `decide` only changes pending approvals. */
export function createMemoryApprovalQueue(): ApprovalQueue {
  const approvals = new Map<string, Approval>();
  return {
    async create(approval) {
      if (approvals.has(approval.id)) throw new SwitchboardError('CONFLICT', 'Approval already exists', { details: { approvalId: approval.id } });
      approvals.set(approval.id, cloneData(approval));
      return Promise.resolve();
    },
    async get(id) {
      const found = approvals.get(id);
      return Promise.resolve(found ? cloneData(found) : undefined);
    },
    async list(filter = {}) {
      const list = [...approvals.values()].filter(
        (approval) => (filter.status === undefined || approval.status === filter.status) && (filter.conversationId === undefined || approval.conversationId === filter.conversationId),
      );
      list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return Promise.resolve(cloneData(list));
    },
    async decide(input) {
      const current = approvals.get(input.id);
      if (!current || current.status !== 'pending') return Promise.resolve(undefined);
      const decided: Approval = { ...current, status: input.status, decidedBy: input.decidedBy, decidedAt: input.at, ...(input.note === undefined ? {} : { note: input.note }) };
      approvals.set(decided.id, decided);
      return Promise.resolve(cloneData(decided));
    },
  };
}
