/**
 * In-memory doubles of the email outbox and newsletter ports, same behaviour as the SQL adapters.
 */
import type { EmailOutbox, NewsletterSubscription, NewsletterSubscriptions, OutboxEmail } from '../ports.js';

/** An {@link EmailOutbox} held in an array; `all` exposes every queued email, oldest first. */
export function createMemoryEmailOutbox(): EmailOutbox & { readonly all: readonly OutboxEmail[] } {
  const all: OutboxEmail[] = [];
  return {
    all,
    enqueue(email) {
      if (all.some((queued) => queued.id === email.id)) return Promise.resolve(false);
      all.push(structuredClone(email));
      return Promise.resolve(true);
    },
    listForUser(userId) {
      return Promise.resolve(structuredClone(all.filter((email) => email.userId === userId)));
    },
  };
}

/** {@link NewsletterSubscriptions} held in a map. */
export function createMemoryNewsletterSubscriptions(): NewsletterSubscriptions {
  const subscriptions = new Map<string, NewsletterSubscription>();
  return {
    get(userId) {
      const found = subscriptions.get(userId);
      return Promise.resolve(found === undefined ? undefined : { ...found });
    },
    set(subscription) {
      subscriptions.set(subscription.userId, { ...subscription });
      return Promise.resolve();
    },
  };
}
