/**
 * `return_delivered_order_items`, with τ-bench retail semantics: a delivered order's items are
 * requested back, the refund goes to the original payment method or an existing gift card.
 * @see ../../../../../shared/data/tau-bench-retail/wiki.md ("Return delivered order")
 */
import { OrderSchema, defineTool, type AnyToolDefinition, type CommerceStore, type Order } from '@switchboard/core';
import { z } from 'zod';
import { OrderIdInputSchema } from './pending-orders.js';
import { WRITE_SCOPES, WRITE_TIMEOUT_MS, WRITE_TOOL_NAMES } from './scopes.js';
import { returnRefundApproval } from './refund-limit.js';
import { assertItemsInOrder, loadOrderForWrite, paymentMethodOf, refused, sortedIds } from './tau-rules.js';

/**
 * The return tool, bound to `commerce`. A refund above `refundLimitCents` waits for approval
 * (see refund-limit.ts); `null` disables the rule.
 */
export function createReturnTools(commerce: CommerceStore, options: { refundLimitCents: number | null }): AnyToolDefinition[] {
  const returnDeliveredOrderItems = defineTool({
    name: WRITE_TOOL_NAMES.returnDeliveredOrderItems,
    description:
      "Request a return of items of one of the verified customer's delivered orders (duplicates allowed). The refund goes to payment_method_id, which must be the order's original payment method or one of the customer's gift cards. Can be done once per order: the status becomes 'return requested' and the customer gets an email on how to send the items back. Returns the order.",
    kind: 'write',
    scopes: [WRITE_SCOPES.returnsWrite],
    input: z.object({
      order_id: OrderIdInputSchema,
      item_ids: z.array(z.string().trim().min(1).max(64)).min(1).max(50),
      payment_method_id: z.string().trim().min(1).max(64),
    }),
    output: OrderSchema,
    timeoutMs: WRITE_TIMEOUT_MS,
    idempotent: true,
    approval: returnRefundApproval<{ order_id: string; item_ids: string[]; payment_method_id: string }>({ commerce, limitCents: options.refundLimitCents }),
    async execute({ order_id: orderId, item_ids: itemIds, payment_method_id: paymentMethodId }, context) {
      const { order, user } = await loadOrderForWrite({ commerce, orderId, context });
      if (order.status !== 'delivered') throw refused('order_not_delivered', 'non-delivered order cannot be returned');
      paymentMethodOf(user, paymentMethodId);
      const original = order.payment_history[0]?.payment_method_id;
      if (!paymentMethodId.includes('gift_card') && paymentMethodId !== original) {
        throw refused('refund_method_not_allowed', 'payment method should be either the original payment method or a gift card');
      }
      assertItemsInOrder({ order, itemIds, message: () => 'some item not found' });
      const after: Order = { ...structuredClone(order), status: 'return requested', return_items: sortedIds(itemIds), return_payment_method_id: paymentMethodId };
      await commerce.applyChanges({ orders: [{ before: order, after }] });
      return after;
    },
  });
  return [returnDeliveredOrderItems];
}
