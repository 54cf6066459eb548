/**
 * The refund limit, a desk policy in tool code: a return (or an item change that refunds a price
 * difference) whose refund is above the limit waits for a team member's approval instead of
 * running. The gateway holds such a call in the approval queue (`APPROVAL_REQUIRED`) and the
 * operator's decision runs it later with the same arguments.
 */
import type { ApprovalNeed, CommerceStore, Order, ToolContext } from '@switchboard/core';
import { normalizeOrderId } from './guards.js';

/** The default refund limit: $500.00, in cents. */
export const DEFAULT_REFUND_LIMIT_CENTS = 50_000;

/** Code of the approval rule. */
export const REFUND_ABOVE_LIMIT = 'REFUND_ABOVE_LIMIT';

/** The verified customer's order, or `undefined` (the tool itself then answers "order not found"). */
async function ownOrder(options: { commerce: CommerceStore; orderId: string; context: ToolContext }): Promise<Order | undefined> {
  const order = await options.commerce.getOrder(normalizeOrderId(options.orderId));
  return order !== undefined && order.user_id === options.context.customerId ? order : undefined;
}

const need = (amountCents: number): ApprovalNeed => ({
  code: REFUND_ABOVE_LIMIT,
  reason: 'The refund is above the amount the desk may refund without a team member\u2019s approval',
  amountCents,
});

/**
 * The approval rule of `return_delivered_order_items`: the refund is the sum of the returned
 * items' prices (each listed id once per listing, as τ returns them).
 * @param limitCents - refunds above this many cents need approval; `null` disables the rule.
 */
export function returnRefundApproval<Input extends { order_id: string; item_ids: readonly string[] }>(options: { commerce: CommerceStore; limitCents: number | null }) {
  return async (input: Input, context: ToolContext): Promise<ApprovalNeed | undefined> => {
    if (options.limitCents === null) return undefined;
    const order = await ownOrder({ commerce: options.commerce, orderId: input.order_id, context });
    if (!order) return undefined;
    const remaining = [...order.items];
    let cents = 0;
    for (const itemId of input.item_ids) {
      const index = remaining.findIndex((item) => item.item_id === itemId);
      if (index < 0) return undefined;
      cents += Math.round((remaining[index]?.price ?? 0) * 100);
      remaining.splice(index, 1);
    }
    return cents > options.limitCents ? need(cents) : undefined;
  };
}

/**
 * The approval rule of the item swaps (`modify_pending_order_items`, `exchange_delivered_order_items`):
 * a refunded price difference (new items cheaper than the old ones) above the limit needs approval.
 * @param limitCents - refunds above this many cents need approval; `null` disables the rule.
 */
export function swapRefundApproval<Input extends { order_id: string; item_ids: readonly string[]; new_item_ids: readonly string[] }>(options: { commerce: CommerceStore; limitCents: number | null }) {
  return async (input: Input, context: ToolContext): Promise<ApprovalNeed | undefined> => {
    if (options.limitCents === null) return undefined;
    const order = await ownOrder({ commerce: options.commerce, orderId: input.order_id, context });
    if (!order) return undefined;
    let differenceCents = 0;
    for (const [index, itemId] of input.item_ids.entries()) {
      const item = order.items.find((candidate) => candidate.item_id === itemId);
      const product = item ? await options.commerce.getProduct(item.product_id) : undefined;
      const variant = product?.variants[input.new_item_ids[index] ?? ''];
      if (!item || !variant) return undefined;
      differenceCents += Math.round(variant.price * 100) - Math.round(item.price * 100);
    }
    return -differenceCents > options.limitCents ? need(-differenceCents) : undefined;
  };
}
