/**
 * Conformance: {@link EmailOutbox} and {@link NewsletterSubscriptions}.
 */
import { describe, expect, it } from 'vitest';
import { at } from '../fixtures.js';
import type { SuiteContext } from '../context.js';

export function describeMessaging(context: SuiteContext): void {
  describe('EmailOutbox', () => {
    it('queues an email once per id and lists a customer\u2019s emails oldest first', async () => {
      const { outbox } = context.database();
      const userId = context.id('ada');
      const first = { id: context.id('email'), template: 'password_reset' as const, userId, to: 'ada@example.com', createdAt: at(0) };
      const second = { ...first, id: context.id('email'), createdAt: at(1000) };
      expect(await outbox.enqueue(first)).toBe(true);
      expect(await outbox.enqueue({ ...first, to: 'someone@else.example.com' })).toBe(false);
      expect(await outbox.enqueue(second)).toBe(true);
      expect(await outbox.listForUser(userId)).toEqual([first, second]);
      expect(await outbox.listForUser(context.id('nobody'))).toEqual([]);
    });
  });

  describe('NewsletterSubscriptions', () => {
    it('stores the latest choice per customer', async () => {
      const { newsletter } = context.database();
      const userId = context.id('ada');
      expect(await newsletter.get(userId)).toBeUndefined();
      await newsletter.set({ userId, subscribed: true, updatedAt: at(0) });
      await newsletter.set({ userId, subscribed: false, updatedAt: at(5000) });
      expect(await newsletter.get(userId)).toEqual({ userId, subscribed: false, updatedAt: at(5000) });
    });
  });
}
