/**
 * Account write tools: `modify_user_address` (τ-bench), `send_password_reset` and
 * `set_newsletter_subscription` (ours). Each acts only on the verified customer.
 */
import { UserSchema, defineTool, type AnyToolDefinition, type Clock, type CommerceStore, type EmailOutbox, type NewsletterSubscriptions, type User } from '@switchboard/core';
import { z } from 'zod';
import { requireCustomer } from './guards.js';
import { AddressInputSchema } from './pending-orders.js';
import { WRITE_SCOPES, WRITE_TIMEOUT_MS, WRITE_TOOL_NAMES } from './scopes.js';
import { notFound } from './tau-rules.js';

/** Output of `send_password_reset`: the email is queued for the mail sender (`queued`). */
export const PasswordResetResultSchema = z.object({ status: z.literal('queued'), template: z.literal('password_reset'), to: z.string() });

/** Output of `set_newsletter_subscription`: the new choice, the previous one, and whether it changed. */
export const NewsletterResultSchema = z.object({ subscribed: z.boolean(), previously_subscribed: z.boolean(), changed: z.boolean() });

/** Ports the account tools write to. */
export interface AccountToolPorts {
  commerce: CommerceStore;
  outbox: EmailOutbox;
  newsletter: NewsletterSubscriptions;
  /** Timestamps of queued emails and newsletter changes. */
  clock: Clock;
}

/**
 * The verified customer's record, when `userId` (default: the verified customer) is theirs.
 * @throws ToolError `INVALID_INPUT` before identity is verified; `NOT_FOUND` ("user not found") otherwise.
 */
async function loadOwnUserForWrite(options: { commerce: CommerceStore; customerId: string; userId?: string }): Promise<User> {
  const user = options.userId === undefined || options.userId === options.customerId ? await options.commerce.getUser(options.customerId) : undefined;
  if (!user) throw notFound('user_not_found', 'user not found');
  return user;
}

/** The three account tools. */
export function createAccountTools(ports: AccountToolPorts): AnyToolDefinition[] {
  const { commerce } = ports;

  const modifyUserAddress = defineTool({
    name: WRITE_TOOL_NAMES.modifyUserAddress,
    description: "Change the verified customer's default address (user_id must be theirs), after they confirmed it. Existing orders keep their address. Returns the customer's profile.",
    kind: 'write',
    scopes: [WRITE_SCOPES.customersWrite],
    input: AddressInputSchema.extend({ user_id: z.string().trim().min(1).max(128) }),
    output: UserSchema,
    timeoutMs: WRITE_TIMEOUT_MS,
    idempotent: true,
    async execute({ user_id: userId, ...address }, context) {
      const user = await loadOwnUserForWrite({ commerce, customerId: requireCustomer(context), userId });
      const after: User = { ...structuredClone(user), address: { address1: address.address1, address2: address.address2, city: address.city, state: address.state, country: address.country, zip: address.zip } };
      await commerce.applyChanges({ users: [{ before: user, after }] });
      return after;
    },
  });

  const sendPasswordReset = defineTool({
    name: WRITE_TOOL_NAMES.sendPasswordReset,
    description: "Email a password-reset link to the verified customer's address on file (email must match it, any case). The link is created and sent by the mail sender. Returns { status: 'queued', to }.",
    kind: 'write',
    scopes: [WRITE_SCOPES.customersWrite],
    input: z.object({ email: z.string().trim().min(3).max(254).regex(/^[^@\s]+@[^@\s]+$/, 'must be an email address such as something@example.com') }),
    output: PasswordResetResultSchema,
    timeoutMs: WRITE_TIMEOUT_MS,
    idempotent: true,
    async execute({ email }, context) {
      const user = await loadOwnUserForWrite({ commerce, customerId: requireCustomer(context) });
      if (user.email.trim().toLowerCase() !== email.toLowerCase()) throw notFound('email_not_on_account', 'this email is not the verified customer\u2019s email');
      // The idempotency key names the email, so even a retry that slips past the gateway's log queues it once.
      await ports.outbox.enqueue({ id: `password_reset:${context.idempotencyKey}`, template: 'password_reset', userId: user.user_id, to: user.email, createdAt: ports.clock.now().toISOString() });
      return { status: 'queued' as const, template: 'password_reset' as const, to: user.email };
    },
  });

  const setNewsletterSubscription = defineTool({
    name: WRITE_TOOL_NAMES.setNewsletterSubscription,
    description: 'Subscribe (subscribed: true) or unsubscribe (false) the verified customer from the newsletter. Returns the new and previous choice.',
    kind: 'write',
    scopes: [WRITE_SCOPES.customersWrite],
    input: z.object({ subscribed: z.boolean() }),
    output: NewsletterResultSchema,
    timeoutMs: WRITE_TIMEOUT_MS,
    idempotent: true,
    async execute({ subscribed }, context) {
      const user = await loadOwnUserForWrite({ commerce, customerId: requireCustomer(context) });
      const previous = (await ports.newsletter.get(user.user_id))?.subscribed ?? false;
      await ports.newsletter.set({ userId: user.user_id, subscribed, updatedAt: ports.clock.now().toISOString() });
      return { subscribed, previously_subscribed: previous, changed: previous !== subscribed };
    },
  });

  return [modifyUserAddress, sendPasswordReset, setNewsletterSubscription];
}
