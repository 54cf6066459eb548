/**
 * {@link TicketQueue} on SQL: the human queue, ordered urgent first, then by SLA due time.
 */
import { NotFoundError, TicketSchema, URGENCIES } from '@switchboard/core';
import type { Ticket, TicketQueue, Urgency } from '@switchboard/core';
import { and, asc, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { conflict, guard, parseInput, parseStored, toDate } from '../errors.js';
import { tickets } from '../schema.js';
import type { SqlDatabase } from '../sql.js';

/** `urgent` → 0, `high` → 1, `normal` → 2, `low` → 3: ascending order is most urgent first. */
export function priorityRank(priority: Urgency): number {
  return URGENCIES.length - 1 - URGENCIES.indexOf(priority);
}

function ticketRow(ticket: Ticket): typeof tickets.$inferInsert {
  return {
    id: ticket.id,
    conversationId: ticket.conversationId,
    status: ticket.status,
    priority: ticket.priority,
    priorityRank: priorityRank(ticket.priority),
    queue: ticket.queue,
    slaDueAt: toDate(ticket.slaDueAt, 'ticket.slaDueAt'),
    assignee: ticket.assignee ?? null,
    createdAt: toDate(ticket.createdAt, 'ticket.createdAt'),
    updatedAt: toDate(ticket.updatedAt, 'ticket.updatedAt'),
    data: ticket,
  };
}

/**
 * Creates the SQL {@link TicketQueue}. Tickets are stored whole in `tickets.data` and validated
 * with `TicketSchema` on write and read.
 *
 * `list` orders by priority (urgent → high → normal → low), then `slaDueAt` (earliest first),
 * then `createdAt` and id, so equal tickets come back in a stable order.
 *
 * @param db - A drizzle database from {@link openDatabase}.
 * @returns The queue. `create` throws `SwitchboardError` (`CONFLICT`) when the id exists;
 *   `update` throws `NotFoundError` (`NOT_FOUND`) when it does not; writes throw
 *   `InvalidInputError` (`INVALID_INPUT`) for invalid tickets; all throw `StoreError`
 *   (`STORE_FAILED`) on driver failures.
 */
export function createTicketQueue(db: SqlDatabase): TicketQueue {
  return {
    async create(ticket) {
      const record = parseInput(TicketSchema, ticket, 'ticket');
      const inserted = await guard('tickets.create', () =>
        db.insert(tickets).values(ticketRow(record)).onConflictDoNothing().returning({ id: tickets.id }),
      );
      if (inserted.length === 0) throw conflict('ticket', record.id);
    },

    async get(id) {
      const rows = await guard('tickets.get', () => db.select({ data: tickets.data }).from(tickets).where(eq(tickets.id, id)));
      const row = rows[0];
      return row === undefined ? undefined : parseStored(TicketSchema, row.data, 'ticket');
    },

    async list(filter = {}) {
      const conditions: SQL[] = [];
      if (filter.status !== undefined) conditions.push(eq(tickets.status, filter.status));
      if (filter.queue !== undefined) conditions.push(eq(tickets.queue, filter.queue));
      if (filter.conversationId !== undefined) conditions.push(eq(tickets.conversationId, filter.conversationId));
      const rows = await guard('tickets.list', () =>
        db
          .select({ data: tickets.data })
          .from(tickets)
          .where(and(...conditions))
          .orderBy(asc(tickets.priorityRank), asc(tickets.slaDueAt), asc(tickets.createdAt), asc(tickets.id)),
      );
      return rows.map((row) => parseStored(TicketSchema, row.data, 'ticket'));
    },

    async claim(input) {
      const found = await guard('tickets.claim', () => db.select({ data: tickets.data }).from(tickets).where(eq(tickets.id, input.ticketId)));
      if (found[0] === undefined) return undefined;
      const current = parseStored(TicketSchema, found[0].data, 'ticket');
      if (current.status !== 'open') return undefined;
      const claimed: Ticket = { ...current, status: 'assigned', assignee: input.assignee, updatedAt: input.at };
      const { id: _id, ...changes } = ticketRow(parseInput(TicketSchema, claimed, 'ticket'));
      // Conditional update: only one claimer sees a row come back.
      const updated = await guard('tickets.claim', () =>
        db.update(tickets).set(changes).where(and(eq(tickets.id, input.ticketId), eq(tickets.status, 'open'))).returning({ id: tickets.id }),
      );
      return updated.length === 0 ? undefined : claimed;
    },

    async update(ticket) {
      const record = parseInput(TicketSchema, ticket, 'ticket');
      const { id: _id, ...changes } = ticketRow(record);
      const updated = await guard('tickets.update', () =>
        db.update(tickets).set(changes).where(eq(tickets.id, record.id)).returning({ id: tickets.id }),
      );
      if (updated.length === 0) throw new NotFoundError('NOT_FOUND', 'Ticket not found', { details: { ticketId: record.id } });
    },
  };
}
