/**
 * The last two steps of a write request: stating the exact action for the customer's yes, and
 * running it through the write tool, then saying what the tool's output shows — or why not.
 */
import { OrderSchema, UserSchema, type AgentRunOutput, type Order, type OrderItem } from '@switchboard/core';
import { describeItem } from '../orders.js';
import { formatDollars } from '../replies.js';
import { formatAddress } from './address.js';
import { describePaymentMethod } from './payment.js';
import { WRITE_TOOLS, savePlan } from './plan.js';
import { ACTION_NAMES, itemLine, writeReplies } from './replies.js';
import { amountPaid, askFor, escalateFailure, finish, type WriteTurn } from './turn.js';

const planned = (turn: WriteTurn): { item: OrderItem; newItem?: { name: string; options: Record<string, string>; price: number } }[] =>
  turn.plan.items.flatMap((entry) => {
    const item = turn.order?.items.find((candidate) => candidate.item_id === entry.itemId);
    if (!item) return [];
    const variant = entry.newItemId === undefined ? undefined : turn.products.get(item.product_id)?.variants[entry.newItemId];
    return [{ item, ...(variant ? { newItem: { name: item.name, options: variant.options, price: variant.price } } : {}) }];
  });

/** States the exact action (order, items with prices, payment method, address) and waits for a yes. */
export function confirmStep(turn: WriteTurn): AgentRunOutput {
  const { plan, order, user } = turn;
  const pay = (id: string | undefined): string => (id === undefined ? '' : describePaymentMethod(user, id));
  const orderId = order?.order_id ?? '';
  let lines: string[];
  let note = '';
  switch (plan.kind) {
    case 'cancel':
      lines = [
        `Cancel order ${orderId} (reason: ${plan.reason ?? ''}). Items: ${(order?.items ?? []).map((item) => describeItem(item)).join('; ')}.`,
        ...(order?.payment_history ?? []).filter((entry) => entry.transaction_type === 'payment').map((entry) => `Refund ${formatDollars(entry.amount)} to your ${pay(entry.payment_method_id)}.`),
      ];
      note = 'Gift-card refunds arrive right away; refunds to other methods follow your bank’s usual timing.';
      break;
    case 'modify_payment':
      lines = [`Pay order ${orderId} (${formatDollars(order?.payment_history[0]?.amount ?? 0)}) with your ${pay(plan.paymentMethodId)} instead of your ${pay(order?.payment_history[0]?.payment_method_id)}, which gets that amount refunded.`];
      break;
    case 'order_address':
      lines = [`Ship order ${orderId} to ${plan.address ? formatAddress(plan.address) : ''} (instead of ${order ? formatAddress(order.address) : ''}).`];
      break;
    case 'user_address':
      lines = [`Set your default address to ${plan.address ? formatAddress(plan.address) : ''} (instead of ${formatAddress(user.address)}).`];
      note = 'Existing orders keep their shipping address.';
      break;
    case 'return': {
      const items = planned(turn);
      lines = [`Return from order ${orderId}:`, ...items.map(({ item }) => `  ${itemLine(item)}`), `Refund to your ${pay(plan.paymentMethodId)}.`];
      const all = order !== undefined && order.items.every((item) => plan.items.some((entry) => entry.itemId === item.item_id));
      if (items.length === 1 || all) lines.push(`Refund total: ${formatDollars(items.reduce((sum, { item }) => sum + item.price, 0))}.`);
      note = "You'll get an email explaining how to send the items back.";
      break;
    }
    case 'exchange':
    case 'modify_items': {
      const verb = plan.kind === 'exchange' ? 'Exchange in' : 'Change in pending';
      lines = [`${verb} order ${orderId}:`, ...planned(turn).map(({ item, newItem }) => `  ${itemLine(item)} → ${newItem ? itemLine(newItem) : ''}`), `Any price difference is charged to or refunded on your ${pay(plan.paymentMethodId)}.`];
      note = plan.kind === 'exchange'
        ? 'Please check this lists every item you want to exchange: an order can be exchanged only once.'
        : "Please check this lists every item you want to change: a pending order's items can be changed only once, and it can't be cancelled or changed again afterwards.";
      break;
    }
  }
  return askFor(turn, { slot: 'confirm', reply: writeReplies.confirm(lines, note) });
}

/** The write tool's arguments for the plan. */
function toolArguments(turn: WriteTurn): Record<string, unknown> {
  const { plan, order, user } = turn;
  const orderId = order?.order_id ?? '';
  switch (plan.kind) {
    case 'cancel':
      return { order_id: orderId, reason: plan.reason };
    case 'modify_payment':
      return { order_id: orderId, payment_method_id: plan.paymentMethodId };
    case 'order_address':
      return { order_id: orderId, ...plan.address };
    case 'user_address':
      return { user_id: user.user_id, ...plan.address };
    case 'return':
      return { order_id: orderId, item_ids: plan.items.map((item) => item.itemId), payment_method_id: plan.paymentMethodId };
    case 'exchange':
    case 'modify_items':
      return { order_id: orderId, item_ids: plan.items.map((item) => item.itemId), new_item_ids: plan.items.map((item) => item.newItemId), payment_method_id: plan.paymentMethodId };
  }
}

/** Runs the confirmed action and reports the result from the tool output, a refusal with its reason, or a wait for approval. */
export async function executeStep(turn: WriteTurn): Promise<AgentRunOutput> {
  const { run, plan } = turn;
  const tool = WRITE_TOOLS[plan.kind];
  const result = await run.tool<unknown>(tool, toolArguments(turn));
  const what = ACTION_NAMES[plan.kind];
  if (result.ok) return finish(run, report(turn, result.output));
  switch (result.code) {
    case 'APPROVAL_REQUIRED':
      return finish(run, writeReplies.awaitingApproval(what));
    case 'POLICY_REFUSED':
    case 'NOT_FOUND':
    case 'INVALID_INPUT':
    case 'TOOL_INVALID_ARGUMENTS':
    case 'APPROVAL_INVALID': {
      if (/gift card balance/i.test(result.message)) {
        delete plan.paymentMethodId;
        savePlan(run, plan);
        return askFor(turn, { slot: 'payment', reply: `${writeReplies.refused(what, result.message, 'Which other payment method would you like to use? (Or say no to leave it as it is.)')}` });
      }
      return finish(run, writeReplies.refused(what, result.message, 'Nothing has been changed. Is there anything else I can help with?'));
    }
    default:
      return escalateFailure(run, { reply: writeReplies.failed(what), reason: `${tool} failed (${result.code})` });
  }
}

/** What the tool output shows after a successful write. */
function report(turn: WriteTurn, output: unknown): string {
  const { plan, user } = turn;
  const pay = (id: string | undefined): string => (id === undefined ? '' : describePaymentMethod(user, id));
  if (plan.kind === 'user_address') {
    const profile = UserSchema.safeParse(output);
    return profile.success ? `Done: your default address is now ${formatAddress(profile.data.address)}.` : 'Done: your default address is updated.';
  }
  const parsed = OrderSchema.safeParse(output);
  if (!parsed.success) return 'Done.';
  const order: Order = parsed.data;
  switch (plan.kind) {
    case 'cancel': {
      const refunds = order.payment_history.filter((entry) => entry.transaction_type === 'refund').slice(-order.payment_history.filter((entry) => entry.transaction_type === 'payment').length);
      return [`Done: order ${order.order_id} is now cancelled (reason: ${typeof order.cancel_reason === 'string' ? order.cancel_reason : (plan.reason ?? '')}).`, ...refunds.map((entry) => `${formatDollars(entry.amount)} is refunded to your ${pay(entry.payment_method_id)}.`), 'Is there anything else I can help with?'].join('\n');
    }
    case 'modify_payment': {
      const latest = order.payment_history.at(-2);
      return `Done: order ${order.order_id} is now paid with your ${pay(latest?.payment_method_id)} (${formatDollars(latest?.amount ?? amountPaid(order))}), and the original payment is refunded to your ${pay(order.payment_history.at(-1)?.payment_method_id)}. Is there anything else I can help with?`;
    }
    case 'order_address':
      return `Done: order ${order.order_id} will ship to ${formatAddress(order.address)}. Is there anything else I can help with?`;
    case 'return': {
      const items = order.items.filter((item) => plan.items.some((entry) => entry.itemId === item.item_id)).map((item) => describeItem(item));
      return `Done: the return for order ${order.order_id} is requested (status: ${order.status}) for ${items.join('; ')}. The refund goes to your ${pay(typeof order.return_payment_method_id === 'string' ? order.return_payment_method_id : plan.paymentMethodId)}, and you'll get an email explaining how to send the items back. Is there anything else I can help with?`;
    }
    case 'exchange': {
      const difference = typeof order.exchange_price_difference === 'number' ? order.exchange_price_difference : 0;
      const money = difference > 0 ? `The price difference of ${formatDollars(difference)} will be charged to your ${pay(plan.paymentMethodId)}.` : difference < 0 ? `The price difference of ${formatDollars(-difference)} will be refunded to your ${pay(plan.paymentMethodId)}.` : 'There is no price difference.';
      return `Done: the exchange for order ${order.order_id} is requested (status: ${order.status}). ${money} You'll get an email explaining how to send the items back. Is there anything else I can help with?`;
    }
    case 'modify_items': {
      const entry = order.payment_history.at(-1);
      const money = entry === undefined || entry.amount === 0 ? 'There is no price difference.' : `The price difference of ${formatDollars(entry.amount)} was ${entry.transaction_type === 'payment' ? 'charged to' : 'refunded to'} your ${pay(entry.payment_method_id)}.`;
      const items = order.items.filter((item) => plan.items.some((planned) => planned.newItemId === item.item_id)).map((item) => describeItem(item));
      return `Done: order ${order.order_id} now has ${items.join('; ')} (status: ${order.status}). ${money} Is there anything else I can help with?`;
    }
  }
}
