/**
 * Write playbooks: each starts (or continues) a write request of one kind and runs it through the
 * write flow (write/flow.ts). `change_order` and `order_address` pick the kind from the words used.
 */
import type { AgentRunOutput } from '@switchboard/core';
import type { PlaybookRun } from '../context.js';
import { givesIdentityDetails } from '../identity.js';
import { DEFAULT_ADDRESS, parseAddress } from '../write/address.js';
import { runWritePlan } from '../write/flow.js';
import { isWaitingOn, newPlan, readPlan, type WriteKind, type WritePlan } from '../write/plan.js';
import { findPhrase, isAffirmative, isNegative, tokenize } from '../write/text.js';

/** Continues the live plan of this kind (or any live plan when continuing or receiving it), else starts a new one. */
function writePlaybook(run: PlaybookRun, kind: WriteKind): Promise<AgentRunOutput> {
  const plan = readPlan(run);
  const live = plan !== undefined && (isWaitingOn(run, plan) || (run.input.reason === 'handoff' && plan.handedTo === run.input.agent.id));
  return runWritePlan(run, live ? plan : newPlan(run, kind));
}

const text = (run: PlaybookRun): string => run.input.focusText ?? run.input.message.text;
const PAYMENT_WORDS = /\b(?:payment|pay(?:ing)? (?:with|by|for)|paid|charge|paypal|gift ?card|credit ?card|visa|mastercard|billing method)\b/i;
const ADDRESS_WORDS = /\b(?:address|ship(?:ping)? to|deliver(?:y)? to)\b/i;

/** Cancel a pending order. */
export const cancelOrderPlaybook = (run: PlaybookRun): Promise<AgentRunOutput> => writePlaybook(run, 'cancel');

/** Change a pending order: its payment method, its shipping address, or its items (delivered orders: exchange). */
export function changeOrderPlaybook(run: PlaybookRun): Promise<AgentRunOutput> {
  const said = text(run);
  const products = run.input.triage.entities.products.length > 0;
  if (!products && PAYMENT_WORDS.test(said)) return writePlaybook(run, 'modify_payment');
  if (!products && ADDRESS_WORDS.test(said)) return writePlaybook(run, 'order_address');
  return writePlaybook(run, 'modify_items');
}

/** Change an order's shipping address, or the default address when the customer says so. */
export function orderAddressPlaybook(run: PlaybookRun): Promise<AgentRunOutput> {
  const said = text(run);
  const profile = DEFAULT_ADDRESS.test(said) && run.input.triage.entities.orderIds.length === 0 && parseAddress(said, 'USA') !== undefined;
  return writePlaybook(run, profile ? 'user_address' : 'order_address');
}

/** Update the default (profile) address. */
export const userAddressPlaybook = (run: PlaybookRun): Promise<AgentRunOutput> => writePlaybook(run, 'user_address');

/** Return items of a delivered order. */
export const returnItemsPlaybook = (run: PlaybookRun): Promise<AgentRunOutput> => writePlaybook(run, 'return');

/** Exchange items of a delivered order (pending orders: change the items). */
export const exchangeItemsPlaybook = (run: PlaybookRun): Promise<AgentRunOutput> => writePlaybook(run, 'exchange');

/**
 * Whether the current message answers the live plan's question — so a message that triage reads
 * as another request ("use my PayPal" looks like an account question) still goes to the plan.
 */
export function answersPlan(run: PlaybookRun, plan: WritePlan): boolean {
  if (!isWaitingOn(run, plan)) return false;
  const said = text(run);
  const entities = run.input.triage.entities;
  switch (plan.awaiting) {
    case 'identity':
      return givesIdentityDetails(entities);
    case 'write:order':
      return entities.orderIds.length > 0;
    case 'write:confirm':
      return isAffirmative(said) || isNegative(said);
    case 'write:payment':
      return PAYMENT_WORDS.test(said) || /\boriginal\b/i.test(said) || isNegative(said);
    case 'write:reason':
      return /\b(?:need|mistake|accident|changed my mind)\b/i.test(said);
    case 'write:address':
      return parseAddress(said, 'USA') !== undefined || DEFAULT_ADDRESS.test(said);
    case 'write:items':
    case 'write:which_item':
    case 'write:new_item':
      return entities.products.length > 0 || findPhrase(tokenize(said), 'same') >= 0;
    case undefined:
    default:
      return false;
  }
}
