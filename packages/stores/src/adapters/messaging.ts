/**
 * {@link EmailOutbox} and {@link NewsletterSubscriptions} on SQL (tables `email_outbox`,
 * `newsletter_subscriptions`).
 */
import type { EmailOutbox, NewsletterSubscriptions, OutboxEmail } from '@switchboard/core';
import { asc, eq } from 'drizzle-orm';
import { guard, toDate } from '../errors.js';
import { emailOutbox, newsletterSubscriptions } from '../schema.js';
import type { SqlDatabase } from '../sql.js';

/** Templates the outbox knows; a row with another template is skipped on read. */
const TEMPLATES: readonly OutboxEmail['template'][] = ['password_reset'];

/**
 * Creates the SQL {@link EmailOutbox}: `enqueue` is an `INSERT … ON CONFLICT DO NOTHING` (true when
 * the row is new); `listForUser` returns a customer's emails in insertion order.
 * @throws StoreError `STORE_FAILED` on driver failures; InvalidInputError `INVALID_INPUT` for a bad `createdAt`.
 */
export function createEmailOutbox(db: SqlDatabase): EmailOutbox {
  return {
    async enqueue(email) {
      const createdAt = toDate(email.createdAt, 'email.createdAt');
      const rows = await guard('outbox.enqueue', () =>
        db
          .insert(emailOutbox)
          .values({ id: email.id, userId: email.userId, toAddress: email.to, template: email.template, createdAt })
          .onConflictDoNothing({ target: emailOutbox.id })
          .returning({ id: emailOutbox.id }),
      );
      return rows.length > 0;
    },

    async listForUser(userId) {
      const rows = await guard('outbox.listForUser', () => db.select().from(emailOutbox).where(eq(emailOutbox.userId, userId)).orderBy(asc(emailOutbox.seq)));
      return rows.flatMap((row) => {
        const template = TEMPLATES.find((known) => known === row.template);
        return template === undefined ? [] : [{ id: row.id, template, userId: row.userId, to: row.toAddress, createdAt: row.createdAt.toISOString() }];
      });
    },
  };
}

/**
 * Creates the SQL {@link NewsletterSubscriptions}: one row per customer, `set` is an upsert.
 * @throws StoreError `STORE_FAILED` on driver failures; InvalidInputError `INVALID_INPUT` for a bad `updatedAt`.
 */
export function createNewsletterSubscriptions(db: SqlDatabase): NewsletterSubscriptions {
  return {
    async get(userId) {
      const [row] = await guard('newsletter.get', () => db.select().from(newsletterSubscriptions).where(eq(newsletterSubscriptions.userId, userId)));
      return row === undefined ? undefined : { userId: row.userId, subscribed: row.subscribed, updatedAt: row.updatedAt.toISOString() };
    },

    async set(subscription) {
      const updatedAt = toDate(subscription.updatedAt, 'subscription.updatedAt');
      await guard('newsletter.set', () =>
        db
          .insert(newsletterSubscriptions)
          .values({ userId: subscription.userId, subscribed: subscription.subscribed, updatedAt })
          .onConflictDoUpdate({ target: newsletterSubscriptions.userId, set: { subscribed: subscription.subscribed, updatedAt } }),
      );
    },
  };
}
