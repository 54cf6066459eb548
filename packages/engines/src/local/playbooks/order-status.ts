import type { AgentRunOutput, Order } from '@switchboard/core';
import type { PlaybookRun } from '../context.js';
import { ensureIdentity } from '../identity.js';
import { describeItem, ensureOrder } from '../orders.js';
import { formatDollars } from '../replies.js';
import { knowledgeAnswerPlaybook } from './knowledge.js';

/**
 * Order status and tracking: identity → order → `get_order_details` → status, items, tracking
 * numbers. A general delivery-time question that names no order is answered from the knowledge base.
 */
export async function orderStatusPlaybook(run: PlaybookRun): Promise<AgentRunOutput> {
  const namesOrder = run.input.triage.entities.orderIds.length > 0 || run.input.conversation.identity !== undefined;
  if (run.intent === 'delivery_period' && !namesOrder && run.answering === undefined) return knowledgeAnswerPlaybook(run);
  const identity = await ensureIdentity(run, 'your order');
  if (!identity.ok) return identity.output;
  const order = await ensureOrder(run, identity.customerId);
  if (!order.ok) return order.output;
  return run.resolve(describeOrderStatus(order.order));
}

/** A reply stating the order's status, its items and their tracking numbers, all from the order record. */
export function describeOrderStatus(order: Order): string {
  const lines = [`Order ${order.order_id} is ${order.status}.`];
  const tracked = new Set(order.fulfillments.flatMap((fulfillment) => fulfillment.item_ids));
  for (const fulfillment of order.fulfillments) {
    const items = order.items.filter((item) => fulfillment.item_ids.includes(item.item_id)).map(describeItem);
    if (fulfillment.tracking_id.length > 0) lines.push(`Tracking number ${fulfillment.tracking_id.join(', ')}: ${items.join('; ')}.`);
  }
  const untracked = order.items.filter((item) => !tracked.has(item.item_id)).map(describeItem);
  if (untracked.length > 0) lines.push(`${order.fulfillments.length > 0 ? 'Not shipped yet' : 'Items (no tracking number yet)'}: ${untracked.join('; ')}.`);
  const paid = order.payment_history.filter((entry) => entry.transaction_type === 'payment').reduce((sum, entry) => sum + entry.amount, 0);
  if (paid > 0) lines.push(`Order total paid: ${formatDollars(Math.round(paid * 100) / 100)}.`);
  return lines.join('\n');
}
