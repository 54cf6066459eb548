/**
 * Conformance: {@link ConversationStore} — CRUD, optimistic concurrency, message order and limit.
 */
import { describe, expect, it } from 'vitest';
import { at, conversation, message } from '../fixtures.js';
import { expectCode } from '../context.js';
import type { SuiteContext } from '../context.js';

export function describeConversations(context: SuiteContext): void {
  describe('ConversationStore', () => {
    it('creates and reads back the full conversation', async () => {
      const { conversations } = context.database();
      const record = conversation(context.id('conv'), {
        claimedEmail: 'Ada@Example.com',
        identity: { customerId: 'ada_lovelace_1234', verifiedBy: 'email' },
        currentAgentId: 'returns',
        handoffChain: ['triage', 'returns'],
        entities: { ...conversation('x').entities, orderIds: ['#W1234567'], amounts: [{ amountCents: 1999, currency: 'USD' }] },
        dialog: { activeIntent: 'return_item', awaiting: 'orderId', slots: { email: 'ada@example.com', nested: { count: 2 } }, failedAttempts: 1 },
        priority: 'high',
        autonomy: 'assisted',
        ticketId: 'ticket_9',
      });
      await conversations.create(record);
      expect(await conversations.get(record.id)).toEqual(record);
    });

    it('gives every reader its own copy: changing what get returned changes nothing stored', async () => {
      const { conversations } = context.database();
      const record = conversation(context.id('conv'), { handoffChain: ['triage'], dialog: { slots: { email: 'ada@example.com' }, failedAttempts: 0 } });
      await conversations.create(record);
      const first = (await conversations.get(record.id))!;
      first.handoffChain.push('orders');
      first.dialog.slots.email = 'eve@example.com';
      first.status = 'resolved';
      const second = await conversations.get(record.id);
      expect(second).toEqual(record);
      expect(second).not.toBe(first);
    });

    it('returns undefined for an unknown id', async () => {
      expect(await context.database().conversations.get(context.id('missing'))).toBeUndefined();
    });

    it('refuses to create an existing id with CONFLICT and keeps the stored one', async () => {
      const { conversations } = context.database();
      const record = conversation(context.id('conv'));
      await conversations.create(record);
      await expectCode(conversations.create({ ...record, status: 'resolved' }), 'CONFLICT');
      expect((await conversations.get(record.id))?.status).toBe('open');
    });

    it('saves when the version matches and returns the record with version + 1', async () => {
      const { conversations } = context.database();
      const record = conversation(context.id('conv'));
      await conversations.create(record);
      const saved = await conversations.save({ ...record, status: 'escalated', updatedAt: at(1000) });
      expect(saved.version).toBe(1);
      expect(saved.status).toBe('escalated');
      expect(await conversations.get(record.id)).toEqual(saved);
      const savedAgain = await conversations.save({ ...saved, status: 'resolved' });
      expect(savedAgain.version).toBe(2);
      expect((await conversations.get(record.id))?.status).toBe('resolved');
    });

    it('throws CONFLICT for a stale version and keeps the winner', async () => {
      const { conversations } = context.database();
      const record = conversation(context.id('conv'));
      await conversations.create(record);
      await conversations.save({ ...record, currentAgentId: 'billing' });
      const error = await expectCode(conversations.save({ ...record, currentAgentId: 'shipping' }), 'CONFLICT');
      expect(error.details.conversationId).toBe(record.id);
      const stored = await conversations.get(record.id);
      expect(stored?.currentAgentId).toBe('billing');
      expect(stored?.version).toBe(1);
    });

    it('lets exactly one of two concurrent saves of one version win', async () => {
      const { conversations } = context.database();
      const record = conversation(context.id('conv'));
      await conversations.create(record);
      const outcomes = await Promise.allSettled([
        conversations.save({ ...record, currentAgentId: 'billing' }),
        conversations.save({ ...record, currentAgentId: 'shipping' }),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
      expect((rejected?.reason as { code?: string } | undefined)?.code).toBe('CONFLICT');
      expect((await conversations.get(record.id))?.version).toBe(1);
    });

    it('throws CONVERSATION_NOT_FOUND when saving an unknown conversation', async () => {
      await expectCode(context.database().conversations.save(conversation(context.id('missing'))), 'CONVERSATION_NOT_FOUND');
    });

    it('rejects an invalid conversation with INVALID_INPUT before writing', async () => {
      const { conversations } = context.database();
      const record = conversation(context.id('conv'));
      await expectCode(conversations.create({ ...record, status: 'bogus' } as never), 'INVALID_INPUT');
      await expectCode(conversations.create({ ...record, createdAt: 'not a time' }), 'INVALID_INPUT');
      expect(await conversations.get(record.id)).toBeUndefined();
    });

    it('lists messages oldest first in append order, per conversation', async () => {
      const { conversations } = context.database();
      const conversationId = context.id('conv');
      const otherId = context.id('conv');
      const sameTime = at(5000);
      const appended = ['first', 'second', 'third'].map((text) => message({ id: context.id('msg'), conversationId, text, createdAt: sameTime }));
      appended[1] = { ...appended[1]!, role: 'agent', author: 'returns', turnId: 'turn_1' };
      for (const [index, item] of appended.entries()) {
        await conversations.appendMessage(item);
        if (index === 0) await conversations.appendMessage(message({ id: context.id('msg'), conversationId: otherId, text: 'elsewhere' }));
      }
      expect(await conversations.listMessages(conversationId)).toEqual(appended);
      expect((await conversations.listMessages(otherId)).map((item) => item.text)).toEqual(['elsewhere']);
      expect(await conversations.listMessages(context.id('missing'))).toEqual([]);
    });

    it('keeps the most recent messages with limit, still oldest first', async () => {
      const { conversations } = context.database();
      const conversationId = context.id('conv');
      for (let index = 1; index <= 5; index += 1) {
        await conversations.appendMessage(message({ id: context.id('msg'), conversationId, text: `m${index}`, createdAt: at(index * 1000) }));
      }
      const texts = async (limit: number) => (await conversations.listMessages(conversationId, { limit })).map((item) => item.text);
      expect(await texts(2)).toEqual(['m4', 'm5']);
      expect(await texts(10)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
      expect(await texts(0)).toEqual([]);
      await expectCode(conversations.listMessages(conversationId, { limit: -1 }), 'INVALID_INPUT');
    });

    it('refuses a duplicate message id with CONFLICT', async () => {
      const { conversations } = context.database();
      const item = message({ id: context.id('msg'), conversationId: context.id('conv'), text: 'hello' });
      await conversations.appendMessage(item);
      await expectCode(conversations.appendMessage({ ...item, text: 'changed' }), 'CONFLICT');
      expect(await conversations.listMessages(item.conversationId)).toEqual([item]);
    });

    it('lists conversations most recently updated first, with message counts and the last message, by status', async () => {
      const { conversations } = context.database();
      // Times after every other test's, so these are the most recent in a shared database.
      const base = Date.parse('2035-01-01T00:00:00.000Z') + Math.floor(Math.random() * 1e9);
      const time = (offsetMs: number) => new Date(base + offsetMs).toISOString();
      const older = conversation(context.id('conv'), { updatedAt: time(0) });
      const newer = conversation(context.id('conv'), { updatedAt: time(1000), status: 'escalated' });
      const newest = conversation(context.id('conv'), { updatedAt: time(2000) });
      for (const record of [older, newer, newest]) await conversations.create(record);
      await conversations.appendMessage(message({ id: context.id('msg'), conversationId: newer.id, text: 'first' }));
      const last = message({ id: context.id('msg'), conversationId: newer.id, text: 'second', createdAt: at(5) });
      await conversations.appendMessage(last);
      const listed = await conversations.listRecent({ limit: 3 });
      expect(listed.map((item) => item.conversation.id)).toEqual([newest.id, newer.id, older.id]);
      expect(listed[1]).toEqual({ conversation: newer, messageCount: 2, lastMessage: last });
      expect(listed[0]).toEqual({ conversation: newest, messageCount: 0 });
      const escalated = await conversations.listRecent({ status: 'escalated', limit: 500 });
      expect(escalated.every((item) => item.conversation.status === 'escalated')).toBe(true);
      expect(escalated[0]?.conversation.id).toBe(newer.id);
      await expectCode(conversations.listRecent({ limit: 0 }), 'INVALID_INPUT');
    });

    it('counts conversations still going by their current agent', async () => {
      const { conversations } = context.database();
      const [busy, quiet] = [`agent_${context.id('a').replaceAll('-', '_')}`, `agent_${context.id('b').replaceAll('-', '_')}`];
      await conversations.create(conversation(context.id('conv'), { currentAgentId: busy }));
      await conversations.create(conversation(context.id('conv'), { currentAgentId: busy, status: 'human' }));
      await conversations.create(conversation(context.id('conv'), { currentAgentId: busy, status: 'resolved' }));
      await conversations.create(conversation(context.id('conv'), { currentAgentId: quiet, status: 'abandoned' }));
      const counts = await conversations.countActiveByAgent();
      expect(counts[busy]).toBe(2);
      expect(counts[quiet]).toBeUndefined();
    });
  });
}
