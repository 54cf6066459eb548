/**
 * Conformance: operator keys (hashed, revocable), CSAT feedback, shared settings, ping.
 */
import { describe, expect, it } from 'vitest';
import { expectCode } from '../context.js';
import type { SuiteContext } from '../context.js';
import { at } from '../fixtures.js';

export function describeService(context: SuiteContext): void {
  describe('OperatorKeyStore', () => {
    it('finds a key by its hash, lists it, and revokes it once', async () => {
      const { operatorKeys } = context.database();
      const record = { id: context.id('opk'), name: 'ana', keyHash: context.id('hash'), createdAt: at(0) };
      await operatorKeys.create(record);
      await expectCode(operatorKeys.create(record), 'CONFLICT');
      expect(await operatorKeys.findByHash(record.keyHash)).toEqual(record);
      expect(await operatorKeys.findByHash(context.id('other'))).toBeUndefined();
      expect((await operatorKeys.list()).map((item) => item.id)).toContain(record.id);
      expect(await operatorKeys.revoke({ id: record.id, at: at(1000) })).toBe(true);
      expect(await operatorKeys.revoke({ id: record.id, at: at(2000) })).toBe(false);
      expect(await operatorKeys.findByHash(record.keyHash)).toEqual({ ...record, revokedAt: at(1000) });
    });
  });

  describe('FeedbackStore', () => {
    it('keeps the latest rating of a conversation and summarizes ratings', async () => {
      const { feedback } = context.database();
      const conversationId = context.id('conv');
      expect(await feedback.get(conversationId)).toBeUndefined();
      await feedback.upsert({ conversationId, rating: 2, comment: 'slow', at: at(0) });
      const updated = await feedback.upsert({ conversationId, rating: 5, at: at(1000) });
      expect(updated).toEqual({ conversationId, rating: 5, createdAt: at(0), updatedAt: at(1000) });
      expect(await feedback.get(conversationId)).toEqual(updated);
      const summary = await feedback.summary();
      expect(summary.count).toBeGreaterThanOrEqual(1);
      expect(summary.average).toBeGreaterThan(0);
    });

    it('lists ratings changed since a time, oldest first', async () => {
      const { feedback } = context.database();
      const base = Date.parse('2032-03-01T00:00:00.000Z') + Math.floor(Math.random() * 1e9);
      const time = (offsetMs: number) => new Date(base + offsetMs).toISOString();
      const [old, late, changed] = [context.id('conv'), context.id('conv'), context.id('conv')];
      await feedback.upsert({ conversationId: old, rating: 4, at: time(-1000) });
      await feedback.upsert({ conversationId: changed, rating: 1, at: time(-500) });
      await feedback.upsert({ conversationId: late, rating: 2, at: time(100) });
      await feedback.upsert({ conversationId: changed, rating: 5, at: time(200) });
      const listed = await feedback.listSince({ since: time(0), limit: 10 });
      expect(listed.map((item) => [item.conversationId, item.rating])).toEqual([[late, 2], [changed, 5]]);
      expect((await feedback.listSince({ since: time(0), limit: 1 })).map((item) => item.conversationId)).toEqual([changed]);
      await expectCode(feedback.listSince({ since: time(0), limit: 0 }), 'INVALID_INPUT');
    });
  });

  describe('SettingsStore and ping', () => {
    it('keeps the first value of a setting for every caller', async () => {
      const { settings } = context.database();
      const key = context.id('setting');
      const values = await Promise.all([settings.getOrInit(key, 'a'), settings.getOrInit(key, 'b')]);
      expect(values[0]).toBe(values[1]);
      expect(await settings.getOrInit(key, 'c')).toBe(values[0]);
      await context.database().ping();
    });
  });
}
