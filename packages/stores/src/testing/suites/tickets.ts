/**
 * Conformance: {@link TicketQueue} — round-trip, order urgent first then SLA, filters, updates.
 */
import type { Ticket } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { at, ticket } from '../fixtures.js';
import { expectCode } from '../context.js';
import type { SuiteContext } from '../context.js';

const HOUR_MS = 60 * 60 * 1000;

export function describeTickets(context: SuiteContext): void {
  describe('TicketQueue', () => {
    it('creates and reads back a ticket; an existing id is a CONFLICT', async () => {
      const { tickets } = context.database();
      const record = ticket({
        id: context.id('ticket'),
        conversationId: context.id('conv'),
        overrides: { customerId: 'ada_lovelace_1234', intent: 'refund_request', assignee: 'operator_1', status: 'assigned' },
      });
      await tickets.create(record);
      expect(await tickets.get(record.id)).toEqual(record);
      expect(await tickets.get(context.id('missing'))).toBeUndefined();
      await expectCode(tickets.create({ ...record, queue: 'legal' }), 'CONFLICT');
      expect((await tickets.get(record.id))?.queue).toBe('orders');
    });

    it('claims an open ticket once: two operators racing, exactly one wins', async () => {
      const { tickets } = context.database();
      const record = ticket({ id: context.id('ticket'), conversationId: context.id('conv') });
      await tickets.create(record);
      const results = await Promise.all([
        tickets.claim({ ticketId: record.id, assignee: 'operator_a', at: at(1000) }),
        tickets.claim({ ticketId: record.id, assignee: 'operator_b', at: at(1000) }),
      ]);
      const winners = results.filter((result) => result !== undefined);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ status: 'assigned', updatedAt: at(1000) });
      expect(await tickets.get(record.id)).toEqual(winners[0]);
      expect(await tickets.claim({ ticketId: record.id, assignee: 'operator_c', at: at(2000) })).toBeUndefined();
      expect(await tickets.claim({ ticketId: context.id('missing'), assignee: 'operator_c', at: at(2000) })).toBeUndefined();
    });

    it('lists urgent → high → normal → low, then by earliest SLA due time', async () => {
      const { tickets } = context.database();
      const queue = context.id('queue');
      // Ids and creation times run against the expected order, so only priority and SLA can produce it.
      const make = (position: number, priority: Ticket['priority'], slaHours: number): Ticket =>
        ticket({
          id: `${queue}_${9 - position}`,
          conversationId: context.id('conv'),
          overrides: { queue, priority, slaDueAt: at(slaHours * HOUR_MS), createdAt: at((9 - position) * 1000) },
        });
      const expected = [make(0, 'urgent', 1), make(1, 'urgent', 30), make(2, 'high', 4), make(3, 'normal', 2), make(4, 'normal', 24), make(5, 'low', 0.5)];
      for (const index of [4, 5, 1, 3, 0, 2]) await tickets.create(expected[index]!);
      expect((await tickets.list({ queue })).map((item) => item.id)).toEqual(expected.map((item) => item.id));
    });

    it('filters by status, queue and conversationId, alone and combined', async () => {
      const { tickets } = context.database();
      const queue = context.id('queue');
      const otherQueue = context.id('queue');
      const conversationId = context.id('conv');
      const openHere = ticket({ id: context.id('ticket'), conversationId, overrides: { queue } });
      const resolvedHere = ticket({ id: context.id('ticket'), conversationId, overrides: { queue, status: 'resolved' } });
      const openElsewhere = ticket({ id: context.id('ticket'), conversationId: context.id('conv'), overrides: { queue: otherQueue } });
      for (const item of [openHere, resolvedHere, openElsewhere]) await tickets.create(item);
      const ids = async (filter: Parameters<typeof tickets.list>[0]) => (await tickets.list(filter)).map((item) => item.id).sort();
      expect(await ids({ conversationId })).toEqual([openHere.id, resolvedHere.id].sort());
      expect(await ids({ queue, status: 'open' })).toEqual([openHere.id]);
      expect(await ids({ queue: otherQueue })).toEqual([openElsewhere.id]);
      expect(await ids({ conversationId, status: 'resolved' })).toEqual([resolvedHere.id]);
      expect(await ids({ conversationId, queue: otherQueue })).toEqual([]);
      const everyOpen = await ids({ status: 'open' });
      expect(everyOpen).toEqual(expect.arrayContaining([openHere.id, openElsewhere.id]));
      expect(everyOpen).not.toContain(resolvedHere.id);
      expect(await ids(undefined)).toEqual(expect.arrayContaining([openHere.id, resolvedHere.id, openElsewhere.id]));
    });

    it('updates a ticket, which then moves between filters and in the order', async () => {
      const { tickets } = context.database();
      const queue = context.id('queue');
      const first = ticket({ id: context.id('ticket'), conversationId: context.id('conv'), overrides: { queue, priority: 'high' } });
      const second = ticket({ id: context.id('ticket'), conversationId: context.id('conv'), overrides: { queue, priority: 'normal' } });
      await tickets.create(first);
      await tickets.create(second);
      const promoted: Ticket = { ...second, priority: 'urgent', status: 'assigned', assignee: 'operator_7', updatedAt: at(HOUR_MS) };
      await tickets.update(promoted);
      expect(await tickets.get(second.id)).toEqual(promoted);
      expect((await tickets.list({ queue })).map((item) => item.id)).toEqual([second.id, first.id]);
      expect((await tickets.list({ queue, status: 'open' })).map((item) => item.id)).toEqual([first.id]);
    });

    it('throws NOT_FOUND when updating an unknown ticket', async () => {
      await expectCode(
        context.database().tickets.update(ticket({ id: context.id('missing'), conversationId: context.id('conv') })),
        'NOT_FOUND',
      );
    });
  });
}
