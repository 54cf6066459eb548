/**
 * Shared pieces of the τ-bench retail write tools: Python-compatible rounding, refusals with τ's
 * messages, and loading the verified customer's order together with its owner.
 *
 * Every refusal is a `ToolError` whose `message` is τ-bench's error text without its `Error: `
 * prefix (so `Error: ${message}` is exactly what the reference tool returns) and whose
 * `details.rule` names the rule in snake_case.
 * @see ../../../../../shared/data/tau-bench-retail/wiki.md (policy), expected/*.json (observations)
 */
import { ToolError, type CommerceStore, type Order, type PaymentMethod, type ToolContext, type User } from '@switchboard/core';
import { normalizeOrderId, requireCustomer } from './guards.js';

/**
 * `round(value, 2)` exactly as Python 3 computes it for a float: the decimal nearest to the
 * double's exact binary value, ties (only possible at multiples of 1/8) to the even cent. τ-bench
 * rounds gift-card balances and exchange price differences this way; `Math.round(x * 100) / 100`
 * differs on values such as 1.005 or 0.125.
 * @example
 * ```ts
 * pythonRound2(3653.5400000000004); // 3653.54
 * pythonRound2(0.125); // 0.12 (tie → even)
 * ```
 */
export function pythonRound2(value: number): number {
  if (!Number.isFinite(value)) return value;
  const isTie = Number.isInteger(value * 8) && !Number.isInteger(value * 4);
  if (isTie) {
    const lower = Math.floor(value * 100);
    return (lower % 2 === 0 ? lower : lower + 1) / 100;
  }
  return Number(value.toFixed(2));
}

/** A business rule refused the call: `POLICY_REFUSED`, `details.rule` = `rule`, τ's message. */
export function refused(rule: string, message: string): ToolError {
  return new ToolError('POLICY_REFUSED', message, { details: { rule } });
}

/** Something named in the call does not exist for this customer: `NOT_FOUND`, τ's message. */
export function notFound(rule: string, message: string): ToolError {
  return new ToolError('NOT_FOUND', message, { details: { rule } });
}

/** The arguments contradict each other: `INVALID_INPUT`, τ's message. */
export function invalid(rule: string, message: string): ToolError {
  return new ToolError('INVALID_INPUT', message, { details: { rule } });
}

/** An order of the verified customer with its owner's record, both exactly as read (for `applyChanges`). */
export interface OwnOrder {
  order: Order;
  user: User;
}

/** Options of {@link loadOrderForWrite}. */
export interface LoadOrderForWriteOptions {
  commerce: CommerceStore;
  orderId: string;
  context: ToolContext;
}

/**
 * Loads `orderId` and its owner for a write, if the order belongs to the verified customer.
 * @throws ToolError `INVALID_INPUT` when no customer is verified; `NOT_FOUND` ("order not found")
 *   when the order does not exist or belongs to someone else — the same answer, so existence is
 *   never revealed.
 */
export async function loadOrderForWrite(options: LoadOrderForWriteOptions): Promise<OwnOrder> {
  const customerId = requireCustomer(options.context);
  const order = await options.commerce.getOrder(normalizeOrderId(options.orderId));
  const user = order?.user_id === customerId ? await options.commerce.getUser(customerId) : undefined;
  if (!order || !user) throw notFound('order_not_found', 'order not found');
  return { order, user };
}

/**
 * The customer's payment method `paymentMethodId`.
 * @throws ToolError `NOT_FOUND` ("payment method not found").
 */
export function paymentMethodOf(user: User, paymentMethodId: string): PaymentMethod {
  const method = Object.hasOwn(user.payment_methods, paymentMethodId) ? user.payment_methods[paymentMethodId] : undefined;
  if (!method) throw notFound('payment_method_not_found', 'payment method not found');
  return method;
}

/** A gift card's balance in dollars (0 when the record has none). */
export const balanceOf = (method: PaymentMethod): number => method.balance ?? 0;

/**
 * Adds `dollars` (negative to charge) to gift card `paymentMethodId` of `user`, in place, and rounds
 * the balance like τ (`balance += dollars; balance = round(balance, 2)`).
 */
export function adjustGiftCard(options: { user: User; paymentMethodId: string; dollars: number }): void {
  const method = options.user.payment_methods[options.paymentMethodId];
  if (method === undefined) return;
  method.balance = pythonRound2(balanceOf(method) + options.dollars);
}

/**
 * Checks that every id of `itemIds` is in the order at least as often as it is listed (duplicates
 * allowed), as τ does.
 * @throws ToolError `NOT_FOUND` with `message(itemId)` for the first id listed too often.
 */
export function assertItemsInOrder(options: { order: Order; itemIds: readonly string[]; message: (itemId: string) => string }): void {
  const count = (ids: readonly string[], id: string): number => ids.filter((candidate) => candidate === id).length;
  const inOrder = options.order.items.map((item) => item.item_id);
  for (const itemId of options.itemIds) {
    if (count(options.itemIds, itemId) > count(inOrder, itemId)) throw notFound('item_not_in_order', options.message(itemId));
  }
}

/** Sorted copy, by UTF-16 code units (Python's `sorted` on these ASCII ids gives the same order). */
export const sortedIds = (ids: readonly string[]): string[] => [...ids].sort();
