/**
 * Billing tools: `get_invoices` and `get_refund_status`, derived from the verified customer's
 * orders' payment history. Amounts are US dollars with two decimals.
 */
import { defineTool, type AnyToolDefinition, type CommerceStore, type Order, type User } from '@switchboard/core';
import { z } from 'zod';
import { loadOwnOrder, loadOwnUser } from './guards.js';
import { cents, describePaymentMethod, refundTiming } from './money.js';
import { READ_SCOPES, READ_TIMEOUT_MS, READ_TOOL_NAMES } from './scopes.js';

const TransactionSchema = z.object({
  transaction_type: z.enum(['payment', 'refund']),
  /** Dollars. */
  amount: z.number(),
  payment_method_id: z.string(),
  /** "Visa ending in 1234", "PayPal", "Gift card". */
  payment_method: z.string(),
});

/**
 * One invoice per order. `total` is the item total; `amount_paid`, `amount_refunded` and
 * `net_amount` sum the payment history. `status`: `refunded` when everything paid was refunded,
 * `partially_refunded` when part of the total was, else `paid`.
 */
export const InvoiceSchema = z.object({
  invoice_id: z.string(),
  order_id: z.string(),
  order_status: z.string(),
  status: z.enum(['paid', 'partially_refunded', 'refunded']),
  items: z.array(z.object({ name: z.string(), item_id: z.string(), price: z.number() })),
  total: z.number(),
  amount_paid: z.number(),
  amount_refunded: z.number(),
  net_amount: z.number(),
  /** The method of the latest payment. */
  payment_method_id: z.string(),
  payment_method: z.string(),
  transactions: z.array(TransactionSchema),
});
export type Invoice = z.infer<typeof InvoiceSchema>;

/** Output of `get_invoices`: the invoices, in the order of the customer's order list. */
export const InvoicesResultSchema = z.object({ invoices: z.array(InvoiceSchema) });

/**
 * Output of `get_refund_status`. `status`: `requested` while a return (or an exchange that owes
 * the customer money) waits for the returned items, `refunded` when a refund was issued, `none`
 * otherwise. Each refund says whether it was `issued` or is `requested`, and when it `arrives`.
 */
export const RefundStatusSchema = z.object({
  order_id: z.string(),
  order_status: z.string(),
  status: z.enum(['none', 'requested', 'refunded']),
  refunds: z.array(
    z.object({
      state: z.enum(['issued', 'requested']),
      amount: z.number(),
      payment_method_id: z.string(),
      payment_method: z.string(),
      arrives: z.enum(['immediately', 'within 5-7 business days']),
    }),
  ),
  total_refunded: z.number(),
  total_requested: z.number(),
});
export type RefundStatus = z.infer<typeof RefundStatusSchema>;

const ItemIdsSchema = z.array(z.string());

function buildInvoice(order: Order, user: User | undefined): Invoice {
  const transactions = order.payment_history.map((entry) => ({ ...entry, payment_method: describePaymentMethod(user, entry.payment_method_id) }));
  const sum = (type: 'payment' | 'refund'): number => cents(transactions.filter((entry) => entry.transaction_type === type).reduce((total, entry) => total + entry.amount, 0));
  const total = cents(order.items.reduce((sum, item) => sum + item.price, 0));
  const paid = sum('payment');
  const refunded = sum('refund');
  const net = cents(paid - refunded);
  const lastPayment = transactions.filter((entry) => entry.transaction_type === 'payment').at(-1);
  const status = refunded > 0 && net <= 0 ? 'refunded' : refunded > 0 && net < total ? 'partially_refunded' : 'paid';
  return {
    invoice_id: `INV-${order.order_id.replace(/^#/, '')}`,
    order_id: order.order_id,
    order_status: order.status,
    status,
    items: order.items.map((item) => ({ name: item.name, item_id: item.item_id, price: item.price })),
    total,
    amount_paid: paid,
    amount_refunded: refunded,
    net_amount: net,
    payment_method_id: lastPayment?.payment_method_id ?? '',
    payment_method: lastPayment?.payment_method ?? '',
    transactions,
  };
}

/** Refunds still owed: the items of a requested return, or a negative exchange price difference. */
function requestedRefund(order: Order): { amount: number; paymentMethodId: string } | undefined {
  if (order.status === 'return requested') {
    const itemIds = ItemIdsSchema.safeParse(order.return_items);
    const method = z.string().safeParse(order.return_payment_method_id);
    if (!itemIds.success || !method.success) return undefined;
    const amount = cents(order.items.filter((item) => itemIds.data.includes(item.item_id)).reduce((sum, item) => sum + item.price, 0));
    return { amount, paymentMethodId: method.data };
  }
  if (order.status === 'exchange requested') {
    const difference = z.number().safeParse(order.exchange_price_difference);
    const method = z.string().safeParse(order.exchange_payment_method_id);
    if (!difference.success || !method.success || difference.data >= 0) return undefined;
    return { amount: cents(-difference.data), paymentMethodId: method.data };
  }
  return undefined;
}

function buildRefundStatus(order: Order, user: User | undefined): RefundStatus {
  const describe = (amount: number, paymentMethodId: string) => ({
    amount,
    payment_method_id: paymentMethodId,
    payment_method: describePaymentMethod(user, paymentMethodId),
    arrives: refundTiming(paymentMethodId),
  });
  const issued = order.payment_history
    .filter((entry) => entry.transaction_type === 'refund' && entry.amount > 0)
    .map((entry) => ({ state: 'issued' as const, ...describe(entry.amount, entry.payment_method_id) }));
  const owed = requestedRefund(order);
  const requested = owed ? [{ state: 'requested' as const, ...describe(owed.amount, owed.paymentMethodId) }] : [];
  return {
    order_id: order.order_id,
    order_status: order.status,
    status: requested.length > 0 ? 'requested' : issued.length > 0 ? 'refunded' : 'none',
    refunds: [...issued, ...requested],
    total_refunded: cents(issued.reduce((sum, refund) => sum + refund.amount, 0)),
    total_requested: cents(requested.reduce((sum, refund) => sum + refund.amount, 0)),
  };
}

/** The two billing tools, bound to `commerce`. */
export function createBillingTools(commerce: CommerceStore): AnyToolDefinition[] {
  const getInvoices = defineTool({
    name: READ_TOOL_NAMES.getInvoices,
    description: "Get invoices of the verified customer's orders (one order when order_id is given, else all): items, total, payments and refunds in dollars, payment method, status.",
    kind: 'read',
    scopes: [READ_SCOPES.billingRead],
    input: z.object({ order_id: z.string().trim().min(1).max(64).optional() }),
    output: InvoicesResultSchema,
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    async execute({ order_id: orderId }, context) {
      const user = await loadOwnUser(commerce, context);
      if (orderId !== undefined) return { invoices: [buildInvoice(await loadOwnOrder({ commerce, orderId, context }), user)] };
      const orders = await Promise.all(user.orders.map((id) => commerce.getOrder(id)));
      const own = orders.filter((order): order is Order => order !== undefined && order.user_id === user.user_id);
      return { invoices: own.map((order) => buildInvoice(order, user)) };
    },
  });

  const getRefundStatus = defineTool({
    name: READ_TOOL_NAMES.getRefundStatus,
    description: "Get the refund status of one of the verified customer's orders: none / requested / refunded, with each refund's amount in dollars, payment method and when it arrives.",
    kind: 'read',
    scopes: [READ_SCOPES.billingRead],
    input: z.object({ order_id: z.string().trim().min(1).max(64) }),
    output: RefundStatusSchema,
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    async execute({ order_id: orderId }, context) {
      const order = await loadOwnOrder({ commerce, orderId, context });
      return buildRefundStatus(order, await commerce.getUser(order.user_id));
    },
  });

  return [getInvoices, getRefundStatus];
}
