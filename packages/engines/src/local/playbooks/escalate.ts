import type { AgentRunOutput } from '@switchboard/core';
import type { PlaybookRun } from '../context.js';
import { replies } from '../replies.js';

/** What each write intent asks for, in words, for the reply and the ticket. */
const WRITE_ACTIONS: Readonly<Record<string, string>> = {
  cancel_order: 'cancel orders',
  change_order: 'change orders',
  change_shipping_address: 'change delivery addresses',
  set_up_shipping_address: 'update saved addresses',
  get_refund: 'start returns and refunds',
  exchange_item: 'arrange exchanges',
  delete_account: 'delete accounts',
  edit_account: 'edit account details',
  newsletter_subscription: 'change newsletter subscriptions',
  place_order: 'place orders',
  switch_account: 'switch accounts',
  complaint: 'resolve complaints',
};

/** The customer asked for a person: hand over at once, never argue. */
export function humanHandoffPlaybook(run: PlaybookRun): AgentRunOutput {
  return run.escalate({ trigger: 'human_requested', reason: 'The customer asked for a human agent', reply: replies.humanRequested() });
}

/**
 * Requests the desk cannot complete by itself yet (write actions) go to the human queue with a
 * reply that says so; the ticket summary carries what the customer already told us.
 */
export function writeRequestPlaybook(run: PlaybookRun): AgentRunOutput {
  const action = WRITE_ACTIONS[run.intent] ?? 'do that';
  return run.escalate({ trigger: 'write_action', reason: `The customer wants to ${action.replace(/s\b/, '')}; write actions need a person`, reply: replies.writeRequest(action) });
}
