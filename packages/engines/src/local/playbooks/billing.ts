import type { AgentRunOutput, Order, User } from '@switchboard/core';
import type { PlaybookRun } from '../context.js';
import { ensureIdentity } from '../identity.js';
import { describeItem, ensureOrder } from '../orders.js';
import { formatDollars } from '../replies.js';
import { describePaymentMethod } from '../write/payment.js';

export { describePaymentMethod };

/** Invoice / payment history of one order: identity → order → its items and every payment and refund. */
export async function invoicesPlaybook(run: PlaybookRun): Promise<AgentRunOutput> {
  const identity = await ensureIdentity(run, 'your invoice');
  if (!identity.ok) return identity.output;
  const found = await ensureOrder(run, identity.customerId);
  if (!found.ok) return found.output;
  return run.resolve(describeInvoice(found.order, found.user));
}

/** The invoice lines of an order, all taken from the order record and the customer's payment methods. */
export function describeInvoice(order: Order, user: User): string {
  const items = order.items.map((item) => `- ${describeItem(item)}: ${formatDollars(item.price)}`);
  const transactions = order.payment_history.map((entry) => `- ${entry.transaction_type === 'payment' ? 'Payment' : 'Refund'} of ${formatDollars(entry.amount)} (${describePaymentMethod(user, entry.payment_method_id)})`);
  return [`Invoice for order ${order.order_id} (status: ${order.status}):`, ...items, 'Transactions:', ...(transactions.length > 0 ? transactions : ['- none recorded'])].join('\n');
}

/** Refund status of one order: identity → order → refund transactions or "none recorded yet". */
export async function refundStatusPlaybook(run: PlaybookRun): Promise<AgentRunOutput> {
  const identity = await ensureIdentity(run, 'your refund');
  if (!identity.ok) return identity.output;
  const found = await ensureOrder(run, identity.customerId);
  if (!found.ok) return found.output;
  const { order, user } = found;
  const refunds = order.payment_history.filter((entry) => entry.transaction_type === 'refund');
  if (refunds.length === 0) return run.resolve(`No refund has been recorded for order ${order.order_id} yet (order status: ${order.status}).`);
  const lines = refunds.map((entry) => `- ${formatDollars(entry.amount)} to your ${describePaymentMethod(user, entry.payment_method_id)}`);
  return run.resolve([`Refunds issued for order ${order.order_id} (status: ${order.status}):`, ...lines].join('\n'));
}
