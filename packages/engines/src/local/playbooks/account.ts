/**
 * Account playbooks with a write tool: newsletter subscription (`set_newsletter_subscription`)
 * and password reset emails (`send_password_reset`). Both act only on the verified customer and
 * are reversible, so they run on the customer's explicit request without a second confirmation.
 */
import type { AgentRunOutput } from '@switchboard/core';
import { z } from 'zod';
import type { PlaybookRun } from '../context.js';
import { ensureIdentity } from '../identity.js';
import { loadUser } from '../orders.js';
import { replies } from '../replies.js';
import { knowledgeAnswerPlaybook } from './knowledge.js';

const UNSUBSCRIBE = /\b(?:unsubscribe|opt(?:-|\s)?out|stop (?:sending|receiving|the)|remove me|no more|don'?t want|do not want|cancel (?:my |the )?(?:newsletter|subscription|emails))\b/i;
const SUBSCRIBE = /\b(?:subscribe|sign (?:me )?up|join|opt(?:-|\s)?in|start (?:sending|receiving)|receive (?:the |your )?newsletter)\b/i;
const NewsletterResultSchema = z.object({ subscribed: z.boolean(), changed: z.boolean() });

/** Subscribes or unsubscribes the verified customer, as they asked; asks which when unclear. */
export async function newsletterPlaybook(run: PlaybookRun): Promise<AgentRunOutput> {
  const said = run.input.focusText ?? run.input.message.text;
  const saved = run.dialog.slots.newsletter;
  const wanted = UNSUBSCRIBE.test(said) ? false : SUBSCRIBE.test(said) ? true : typeof saved === 'boolean' ? saved : undefined;
  if (wanted === undefined) return run.ask('newsletter', 'Would you like to subscribe to our newsletter, or unsubscribe from it?');
  run.dialog.slots.newsletter = wanted;
  const identity = await ensureIdentity(run, wanted ? 'subscribing you to our newsletter' : 'unsubscribing you from our newsletter');
  if (!identity.ok) return identity.output;
  delete run.dialog.slots.newsletter;
  const result = await run.tool<unknown>('set_newsletter_subscription', { subscribed: wanted });
  const parsed = result.ok ? NewsletterResultSchema.safeParse(result.output) : undefined;
  if (!parsed?.success) return run.escalate({ trigger: 'tool_failure', reason: 'set_newsletter_subscription failed', reply: "I couldn't change your newsletter settings just now because of a problem on our side.", priority: 'normal' });
  const state = parsed.data.subscribed ? 'subscribed to' : 'unsubscribed from';
  return run.resolve(parsed.data.changed ? `Done: you're now ${state} our newsletter.` : `You're already ${state} our newsletter, so nothing needed to change.`);
}

const SEND_LINK = /\b(?:send|email|e-mail|mail)\b.*\b(?:link|reset|email)\b|\breset (?:link|email)\b/i;
const PasswordResetSchema = z.object({ status: z.literal('queued') });

/**
 * Password resets: with a verified customer (or an email to verify with) the reset link is sent
 * to the email on file; a "how do I…" question without one is answered from the help article,
 * with an offer to send the link.
 */
export async function passwordResetPlaybook(run: PlaybookRun): Promise<AgentRunOutput> {
  const said = run.input.focusText ?? run.input.message.text;
  const canVerify = run.identity !== undefined || run.input.triage.entities.emails.length > 0 || run.answering === 'identity' || SEND_LINK.test(said);
  if (!canVerify) {
    const answer = await knowledgeAnswerPlaybook(run);
    if (answer.result.status !== 'resolved') return answer;
    return { ...answer, result: { ...answer.result, reply: `${answer.result.reply}\n\nIf you'd like, I can email you a reset link: just tell me the email address on your account.` } };
  }
  const identity = await ensureIdentity(run, 'resetting your password');
  if (!identity.ok) return identity.output;
  const user = await loadUser(run, identity.customerId);
  if (!user) return run.escalate({ trigger: 'tool_failure', reason: 'Customer record unavailable', reply: replies.toolUnavailable(), priority: 'normal' });
  const result = await run.tool<unknown>('send_password_reset', { email: user.email });
  const parsed = result.ok ? PasswordResetSchema.safeParse(result.output) : undefined;
  if (!parsed?.success) return run.escalate({ trigger: 'tool_failure', reason: 'send_password_reset failed', reply: "I couldn't send the reset email just now because of a problem on our side.", priority: 'normal' });
  return run.resolve("I've sent a password reset link to the email address on your account. If it doesn't arrive shortly, please check your spam folder.");
}
