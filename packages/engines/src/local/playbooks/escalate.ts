import type { AgentRunOutput } from '@switchboard/core';
import type { PlaybookRun } from '../context.js';
import { replies } from '../replies.js';

/** What each request without a tool asks for, in words, for the reply and the ticket. */
const PERSON_ACTIONS: Readonly<Record<string, string>> = {
  delete_account: 'delete accounts',
  edit_account: 'edit account details',
  place_order: 'place orders',
  switch_account: 'switch accounts',
  complaint: 'resolve complaints',
};

/** The customer asked for a person: hand over at once, never argue. */
export function humanHandoffPlaybook(run: PlaybookRun): AgentRunOutput {
  return run.escalate({ trigger: 'human_requested', reason: 'The customer asked for a human agent', reply: replies.humanRequested() });
}

/**
 * Requests the desk has no tool for (deleting or editing an account, placing an order, switching
 * accounts, complaints) go to the human queue with a reply that says so; the ticket summary
 * carries what the customer already told us.
 */
export function writeRequestPlaybook(run: PlaybookRun): AgentRunOutput {
  const action = PERSON_ACTIONS[run.intent] ?? 'do that';
  return run.escalate({ trigger: 'write_action', reason: `The customer wants to ${action.replace(/s\b/, '')}; this needs a person`, reply: replies.writeRequest(action) });
}
