/**
 * Conformance: durability across close and reopen, and the test-only reset.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../database.js';
import { at, conversation, event, message, order, product, snapshot, ticket, user } from '../fixtures.js';
import type { SuiteContext } from '../context.js';

/** Registers the restart test: what one handle wrote, a fresh handle on the same store reads. */
export function describePersistence(context: SuiteContext, openDurable: () => Promise<Database>): void {
  describe('persistence', () => {
    it('keeps every kind of record across close and reopen, and migrating again on reopen changes nothing', async () => {
      const conversationId = context.id('conv');
      const ada = user({ id: context.id('ada'), firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
      const store = snapshot({ users: [ada], orders: [order({ id: context.id('#W'), userId: ada.user_id })], products: [product(context.id('prod'), 'Lamp')] });
      const item = message({ id: context.id('msg'), conversationId, text: 'Where is my order?', turnId: 'turn_1' });
      const entry = event({ id: context.id('evt'), conversationId, time: at(10) });
      const queued = ticket({ id: context.id('ticket'), conversationId });

      const first = await openDurable();
      let saved;
      try {
        await first.conversations.create(conversation(conversationId));
        saved = await first.conversations.save({ ...conversation(conversationId), status: 'escalated', ticketId: queued.id });
        await first.conversations.appendMessage(item);
        await first.events.append([entry]);
        await first.tickets.create(queued);
        await first.commerce.dangerouslyReplaceAll(store);
      } finally {
        await first.close();
      }

      const second = await openDurable();
      try {
        expect(await second.conversations.get(conversationId)).toEqual(saved);
        expect(await second.conversations.listMessages(conversationId)).toEqual([item]);
        expect(await second.events.list(conversationId)).toEqual([entry]);
        expect(await second.tickets.get(queued.id)).toEqual(queued);
        expect(await second.commerce.counts()).toEqual({ users: 1, orders: 1, products: 1 });
        expect(await second.commerce.findUserIdByEmail('ADA@example.com')).toBe(ada.user_id);
      } finally {
        await second.close();
      }
    });
  });
}

/** Registers the reset test. Run it last: it empties the database. */
export function describeReset(context: SuiteContext): void {
  describe('dangerouslyResetForTests', () => {
    it('empties every table and leaves the schema usable', async () => {
      const database = context.database();
      expect(typeof database.dangerouslyResetForTests, 'SQL adapters offer dangerouslyResetForTests').toBe('function');
      const conversationId = context.id('conv');
      await database.conversations.create(conversation(conversationId));
      await database.conversations.appendMessage(message({ id: context.id('msg'), conversationId, text: 'hi' }));
      await database.tickets.create(ticket({ id: context.id('ticket'), conversationId }));
      await database.dangerouslyResetForTests?.();
      expect(await database.conversations.get(conversationId)).toBeUndefined();
      expect(await database.conversations.listMessages(conversationId)).toEqual([]);
      expect(await database.tickets.list()).toEqual([]);
      expect(await database.commerce.counts()).toEqual({ users: 0, orders: 0, products: 0 });
      await database.conversations.create(conversation(conversationId));
      expect((await database.conversations.get(conversationId))?.id).toBe(conversationId);
    });
  });
}
