/**
 * Which write action a message asks for in so many words ("cancel order #W…", "return the …",
 * "switch the payment of order #W… to PayPal"), independent of triage: used when triage routed
 * an explicit write request to an information playbook, and to notice that a customer changed
 * their mind in the middle of another write request ("no, I want to return it, not exchange it").
 */
import type { WriteKind } from './plan.js';

const CANCEL = /\bcancel\b[^.?!]{0,25}\border\b(?![^.?!]{0,10}\bfees?\b)|\bcancel\s+(?:it|#?w\d{7})\b/i;
const RETURN = /\b(?:return|send back)\b(?![^.?!]{0,12}\bpolic)/i;
const EXCHANGE = /\b(?:exchange|swap)\b/i;
const PAYMENT = /\b(?:change|switch|update|modify)\b[^.?!]{0,40}\bpayment\b|\bpay(?:ing)? for (?:my )?order\b[^.?!]{0,40}\bwith\b|\bpayment (?:method )?(?:for|on|of) (?:my )?order\b[^.?!]{0,40}\bto\b/i;
const ADDRESS = /\b(?:shipping|delivery) address\b|\b(?:shipped|delivered|sent|ship|deliver) (?:it )?to\b/i;
const CHANGE_ITEMS = /\b(?:change|modify|replace|switch)\b/i;

/**
 * The write action `text` asks for, if it names one: cancel, return, exchange, the payment method
 * or shipping address of an order, or (with a product named) a change of items.
 * @param input.namesProduct - whether the message names a catalog product (item changes need one).
 */
export function detectWriteKind(text: string, input: { namesProduct: boolean }): WriteKind | undefined {
  if (CANCEL.test(text)) return 'cancel';
  if (RETURN.test(text)) return 'return';
  if (EXCHANGE.test(text)) return 'exchange';
  if (PAYMENT.test(text)) return 'modify_payment';
  if (ADDRESS.test(text)) return 'order_address';
  if (input.namesProduct && CHANGE_ITEMS.test(text)) return 'modify_items';
  return undefined;
}

/** Kinds that are one request: item changes of a pending order become an exchange once delivered. */
export function sameRequest(left: WriteKind, right: WriteKind): boolean {
  const family = (kind: WriteKind): string => (kind === 'exchange' || kind === 'modify_items' ? 'items' : kind);
  return family(left) === family(right);
}
