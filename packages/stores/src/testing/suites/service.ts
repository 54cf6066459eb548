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
