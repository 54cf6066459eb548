/**
 * Write tools on pending orders, with τ-bench retail semantics: `cancel_pending_order`,
 * `modify_pending_order_address`, `modify_pending_order_payment` (`modify_pending_order_items` is
 * in item-changes.ts). Each acts only on the verified customer's orders, returns the whole order
 * after the change (as τ does) and writes with one compare-and-set `applyChanges`.
 * @see ../../../../../shared/data/tau-bench-retail/wiki.md ("Cancel pending order", "Modify pending order")
 */
import { OrderSchema, defineTool, type AnyToolDefinition, type CommerceStore, type Order } from '@switchboard/core';
import { z } from 'zod';
import { WRITE_SCOPES, WRITE_TIMEOUT_MS, WRITE_TOOL_NAMES } from './scopes.js';
import { adjustGiftCard, balanceOf, loadOrderForWrite, paymentMethodOf, refused } from './tau-rules.js';

/** An order id such as `#W0000000` (`W0000000` is accepted too). */
export const OrderIdInputSchema = z.string().trim().min(1).max(64);

/** A postal address as τ-bench takes it; `address2` may be empty. Values are stored as given. */
export const AddressInputSchema = z.object({
  address1: z.string().min(1).max(200),
  address2: z.string().max(200),
  city: z.string().min(1).max(100),
  state: z.string().min(1).max(100),
  country: z.string().min(1).max(100),
  zip: z.string().min(1).max(20),
});

/** The reasons τ-bench accepts for a cancellation. */
export const CANCEL_REASONS = ['no longer needed', 'ordered by mistake'] as const;

/** @throws ToolError `POLICY_REFUSED` (`order_not_pending`) unless the order is exactly `pending`. */
function assertPending(order: Order, action: 'cancelled' | 'modified'): void {
  if (order.status !== 'pending') throw refused('order_not_pending', `non-pending order cannot be ${action}`);
}

/** The three pending-order tools (cancel, address, payment), bound to `commerce`. */
export function createPendingOrderTools(commerce: CommerceStore): AnyToolDefinition[] {
  const cancelPendingOrder = defineTool({
    name: WRITE_TOOL_NAMES.cancelPendingOrder,
    description:
      "Cancel one of the verified customer's pending orders, with reason 'no longer needed' or 'ordered by mistake'. Every payment is refunded to its method: gift cards immediately, other methods in 5-7 business days. Only after the customer confirmed the order id and reason. Returns the order.",
    kind: 'write',
    scopes: [WRITE_SCOPES.ordersWrite],
    input: z.object({ order_id: OrderIdInputSchema, reason: z.enum(CANCEL_REASONS) }),
    output: OrderSchema,
    timeoutMs: WRITE_TIMEOUT_MS,
    idempotent: true,
    async execute({ order_id: orderId, reason }, context) {
      const { order, user } = await loadOrderForWrite({ commerce, orderId, context });
      assertPending(order, 'cancelled');
      const after = structuredClone(order);
      const owner = structuredClone(user);
      // τ refunds every entry of the payment history (a pending order has exactly one payment).
      const refunds = order.payment_history.map((payment) => ({ transaction_type: 'refund' as const, amount: payment.amount, payment_method_id: payment.payment_method_id }));
      for (const refund of refunds) {
        if (refund.payment_method_id.includes('gift_card')) adjustGiftCard({ user: owner, paymentMethodId: refund.payment_method_id, dollars: refund.amount });
      }
      after.status = 'cancelled';
      after.cancel_reason = reason;
      after.payment_history.push(...refunds);
      await commerce.applyChanges({ orders: [{ before: order, after }], users: [{ before: user, after: owner }] });
      return after;
    },
  });

  const modifyPendingOrderAddress = defineTool({
    name: WRITE_TOOL_NAMES.modifyPendingOrderAddress,
    description: "Change the shipping address of one of the verified customer's pending orders, after the customer confirmed the new address. Returns the order.",
    kind: 'write',
    scopes: [WRITE_SCOPES.ordersWrite],
    input: AddressInputSchema.extend({ order_id: OrderIdInputSchema }),
    output: OrderSchema,
    timeoutMs: WRITE_TIMEOUT_MS,
    idempotent: true,
    async execute({ order_id: orderId, ...address }, context) {
      const { order } = await loadOrderForWrite({ commerce, orderId, context });
      assertPending(order, 'modified');
      const after: Order = { ...structuredClone(order), address: { address1: address.address1, address2: address.address2, city: address.city, state: address.state, country: address.country, zip: address.zip } };
      await commerce.applyChanges({ orders: [{ before: order, after }] });
      return after;
    },
  });

  const modifyPendingOrderPayment = defineTool({
    name: WRITE_TOOL_NAMES.modifyPendingOrderPayment,
    description:
      "Pay one of the verified customer's pending orders with another of their payment methods: the new method is charged the order total (a gift card must cover it) and the original is refunded (gift card immediately, otherwise in 5-7 business days). The order stays pending. Returns the order.",
    kind: 'write',
    scopes: [WRITE_SCOPES.ordersWrite],
    input: z.object({ order_id: OrderIdInputSchema, payment_method_id: z.string().trim().min(1).max(64) }),
    output: OrderSchema,
    timeoutMs: WRITE_TIMEOUT_MS,
    idempotent: true,
    async execute({ order_id: orderId, payment_method_id: paymentMethodId }, context) {
      const { order, user } = await loadOrderForWrite({ commerce, orderId, context });
      assertPending(order, 'modified');
      const method = paymentMethodOf(user, paymentMethodId);
      const [payment] = order.payment_history;
      if (!payment || order.payment_history.length > 1 || payment.transaction_type !== 'payment') {
        throw refused('not_single_payment', 'there should be exactly one payment for a pending order');
      }
      if (payment.payment_method_id === paymentMethodId) throw refused('same_payment_method', 'the new payment method should be different from the current one');
      const { amount } = payment;
      if (method.source === 'gift_card' && balanceOf(method) < amount) throw refused('insufficient_gift_card_balance', 'insufficient gift card balance to pay for the order');
      const after = structuredClone(order);
      const owner = structuredClone(user);
      after.payment_history.push(
        { transaction_type: 'payment', amount, payment_method_id: paymentMethodId },
        { transaction_type: 'refund', amount, payment_method_id: payment.payment_method_id },
      );
      if (method.source === 'gift_card') adjustGiftCard({ user: owner, paymentMethodId, dollars: -amount });
      if (payment.payment_method_id.includes('gift_card')) adjustGiftCard({ user: owner, paymentMethodId: payment.payment_method_id, dollars: amount });
      await commerce.applyChanges({ orders: [{ before: order, after }], users: [{ before: user, after: owner }] });
      return after;
    },
  });

  return [cancelPendingOrder, modifyPendingOrderAddress, modifyPendingOrderPayment];
}
