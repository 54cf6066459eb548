/**
 * Grounded drafts of the QA benchmark: replies the desk writes from the demo store, each with the
 * evidence a real turn would have (tool outputs as JSON, article text, the conversation). The
 * wording follows the local engine's templates (packages/engines/src/local) plus rephrasings.
 */
import { bridgeMessage, type KnowledgeArticle, type Order, type Product, type QualityReviewInput, type Ticket, type User } from '@switchboard/core';
import { KNOWLEDGE_ARTICLES } from '@switchboard/demo-store';
import { formatDollars } from '@switchboard/engines';

/** The kinds of grounded reply the benchmark drafts. */
export const QA_SCENARIOS = ['order_status', 'invoice', 'refund', 'product', 'knowledge', 'bridge', 'dated_followup', 'account'] as const;
export type QaScenario = (typeof QA_SCENARIOS)[number];

/** A seeded choice: an integer in [0, count). */
export type Pick = (count: number) => number;

/** What a scenario builder works from. */
export interface ScenarioContext {
  user: User;
  order: Order;
  product: Product;
  article: KnowledgeArticle;
  pick: Pick;
  /** A ticket number (8 upper-case hex digits) minted for this draft. */
  ticketHex: string;
}

const NEUTRAL = { label: 'neutral', frustration: 0.1 } as const;
const UPSET = { label: 'negative', frustration: 0.75 } as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function choose<T>(pick: Pick, options: readonly T[]): T {
  return options[pick(options.length)] as T;
}

/** "Water Bottle (750ml, red)", as the local engine describes an item. */
function describeItem(item: { name: string; options: Record<string, string> }): string {
  const options = Object.values(item.options);
  return options.length > 0 ? `${item.name} (${options.join(', ')})` : item.name;
}

/** "Mastercard credit card ending 9212", from the customer's record. */
function describeMethod(user: User, id: string): string {
  const method = user.payment_methods[id];
  if (!method) return 'a payment method no longer on file';
  if (method.source === 'credit_card') return `${method.brand ? `${method.brand[0]?.toUpperCase()}${method.brand.slice(1)} ` : ''}credit card${method.last_four ? ` ending ${method.last_four}` : ''}`;
  return method.source === 'paypal' ? 'PayPal' : 'gift card';
}

function input(parts: { reply: string; toolOutputs: readonly unknown[]; knowledge?: readonly string[]; conversation: readonly string[]; user?: User; upset?: boolean; intent: string }): QualityReviewInput {
  const customer = parts.conversation[0] ?? '';
  return {
    reply: parts.reply,
    evidence: { toolOutputs: parts.toolOutputs, knowledgeTexts: parts.knowledge ?? [], conversationTexts: parts.conversation },
    customerEmails: parts.user ? [parts.user.email] : [],
    sentiment: parts.upset ? UPSET : NEUTRAL,
    subtasks: [{ intent: parts.intent, text: customer }],
    answeredIntents: [parts.intent],
  };
}

const paidTotal = (order: Order): number => Math.round(order.payment_history.filter((entry) => entry.transaction_type === 'payment').reduce((sum, entry) => sum + entry.amount * 100, 0)) / 100;

function orderStatus(context: ScenarioContext): QualityReviewInput {
  const { user, order, pick } = context;
  const upset = pick(3) === 0;
  const lines: string[] = [];
  const style = pick(4);
  if (style === 3) {
    const tracking = order.fulfillments.flatMap((fulfillment) => fulfillment.tracking_id);
    const reply = `Your order ${order.order_id.replace('#', '')} (${order.status}) ${tracking.length > 0 ? `shipped with tracking ${tracking.join(' and ')}` : 'has not shipped yet'}. Total charged: ${formatDollars(paidTotal(order)).replace('$', '')} USD.`;
    return input({ reply, toolOutputs: [user, order], conversation: [`status of my order please`, `My email is ${user.email}`], user, intent: 'track_order' });
  }
  lines.push(style === 0 ? `Order ${order.order_id} is ${order.status}.` : style === 1 ? `Your order ${order.order_id} is currently ${order.status}.` : `Thanks for waiting. I checked order ${order.order_id}: it is ${order.status}.`);
  for (const fulfillment of order.fulfillments) {
    const items = order.items.filter((item) => fulfillment.item_ids.includes(item.item_id)).map(describeItem).join('; ');
    lines.push(style === 0 ? `Tracking number ${fulfillment.tracking_id.join(', ')}: ${items}.` : `The package with ${items} has tracking number ${fulfillment.tracking_id.join(', ')}.`);
  }
  if (order.fulfillments.length === 0) lines.push(`Items (no tracking number yet): ${order.items.map(describeItem).join('; ')}.`);
  lines.push(style === 2 ? `You paid ${formatDollars(paidTotal(order))} for this order.` : `Order total paid: ${formatDollars(paidTotal(order))}.`);
  if (upset) lines.unshift("I'm sorry for the wait, and I understand how frustrating it is.");
  const ask = upset ? `This is ridiculous, where is my order ${order.order_id}??` : `Hi, can you tell me the status of order ${order.order_id.replace('#', '')}?`;
  return input({ reply: lines.join('\n'), toolOutputs: [user, order], conversation: [ask, `My email is ${user.email}`], user, upset, intent: 'track_order' });
}

function invoice(context: ScenarioContext): QualityReviewInput {
  const { user, order, pick } = context;
  const transactions = order.payment_history.map((entry) => `- ${entry.transaction_type === 'payment' ? 'Payment' : 'Refund'} of ${formatDollars(entry.amount)} (${describeMethod(user, entry.payment_method_id)})`);
  const reply =
    pick(2) === 0
      ? [`Invoice for order ${order.order_id} (status: ${order.status}):`, ...order.items.map((item) => `- ${describeItem(item)}: ${formatDollars(item.price)}`), 'Transactions:', ...transactions].join('\n')
      : `Here is the billing summary for order ${order.order_id}. ${order.payment_history
          .map((entry) => `${entry.transaction_type === 'payment' ? 'A payment' : 'A refund'} of ${formatDollars(entry.amount)} went through on your ${describeMethod(user, entry.payment_method_id)}.`)
          .join(' ')} The order has ${order.items.length} item${order.items.length === 1 ? '' : 's'}, the most expensive being ${formatDollars(Math.max(...order.items.map((item) => item.price)))}.`;
  return input({ reply, toolOutputs: [user, order], conversation: [`I need the invoice for ${order.order_id}`, user.email], user, intent: 'get_invoice' });
}

function refund(context: ScenarioContext): QualityReviewInput {
  const { user, order, pick } = context;
  const refunds = order.payment_history.filter((entry) => entry.transaction_type === 'refund');
  const status = {
    order_id: order.order_id,
    order_status: order.status,
    status: refunds.length > 0 ? 'refunded' : 'none',
    refunds: refunds.map((entry) => ({
      state: 'issued',
      amount: entry.amount,
      payment_method_id: entry.payment_method_id,
      payment_method: describeMethod(user, entry.payment_method_id),
      arrives: user.payment_methods[entry.payment_method_id]?.source === 'gift_card' ? 'immediately' : 'within 5-7 business days',
    })),
  };
  const lines =
    refunds.length === 0
      ? [`No refund has been recorded for order ${order.order_id} yet (order status: ${order.status}).`]
      : pick(2) === 0
        ? [`Refunds issued for order ${order.order_id} (status: ${order.status}):`, ...status.refunds.map((entry) => `- ${formatDollars(entry.amount)} to your ${entry.payment_method}, arriving ${entry.arrives}`)]
        : status.refunds.map((entry) => `We refunded ${formatDollars(entry.amount)} for order ${order.order_id} to your ${entry.payment_method}. It arrives ${entry.arrives.replace('5-7', '5–7')}.`);
  return input({ reply: lines.join('\n'), toolOutputs: [status], conversation: [`Where is my refund for order ${order.order_id}?`, `It's ${user.email}`], user, intent: 'check_refund_policy' });
}

function product(context: ScenarioContext): QualityReviewInput {
  const { product: item, pick } = context;
  const available = Object.values(item.variants).filter((variant) => variant.available);
  const prices = available.map((variant) => variant.price);
  const shown = available.slice(0, 4);
  const reply =
    pick(2) === 0
      ? `${item.name}: ${available.length} available variant${available.length === 1 ? '' : 's'}, from ${formatDollars(Math.min(...prices))} to ${formatDollars(Math.max(...prices))}.\n${shown.map((variant) => `- ${Object.values(variant.options).join(', ')}: ${formatDollars(variant.price)}`).join('\n')}`
      : `The ${item.name} (product ${item.product_id}) comes in ${available.length} variants you can order now. ${shown
          .slice(0, 2)
          .map((variant) => `The ${Object.values(variant.options).join(' / ')} one is item ${variant.item_id} at ${formatDollars(variant.price)}.`)
          .join(' ')}`;
  return input({ reply, toolOutputs: [{ matches: [{ product_id: item.product_id, name: item.name }] }, item], conversation: [`How much is the ${item.name.toLowerCase()}?`], intent: 'product_info' });
}

function knowledge(context: ScenarioContext): QualityReviewInput {
  const { article, pick } = context;
  const paragraphs = article.body.split('\n\n');
  const numbered = paragraphs.filter((paragraph) => /\d/.test(paragraph));
  const passage = choose(pick, numbered.length > 0 ? numbered : paragraphs);
  const opener = choose(pick, ['', 'Good question! ', 'Here is what our policy says: ']);
  // Like the local engine: the article's lead paragraph first when the best passage is another one.
  const lead = paragraphs[0] ?? '';
  const answer = pick(2) === 0 && lead !== passage ? `${lead}\n\n${passage}` : passage;
  const reply = `${opener}${answer}\n\n(From our help article "${article.title}".)`;
  return input({ reply, toolOutputs: [], knowledge: [article.body], conversation: [`Quick question about ${article.title.toLowerCase()}`], intent: 'faq' });
}

function ticketFor(context: ScenarioContext): { ticket: Ticket; waitMs: number } {
  const priorities = [
    { priority: 'urgent', hours: 1 },
    { priority: 'high', hours: 4 },
    { priority: 'normal', hours: 24 },
    { priority: 'low', hours: 72 },
  ] as const;
  const { priority, hours } = choose(context.pick, priorities);
  const createdAt = Date.UTC(2026, 10, 20 + context.pick(5), 9 + context.pick(8), 0, 0);
  const ticket: Ticket = {
    id: `T-${context.ticketHex}`,
    conversationId: 'conv_bench',
    status: 'open',
    priority,
    queue: 'orders',
    trigger: 'human_requested',
    reason: 'The customer asked for a human agent',
    summary: 'Summary for the operator.',
    customerId: context.user.user_id,
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(createdAt).toISOString(),
    slaDueAt: new Date(createdAt + hours * 3_600_000).toISOString(),
    notes: [],
  };
  return { ticket, waitMs: hours * 3_600_000 };
}

function bridge(context: ScenarioContext): QualityReviewInput {
  const { ticket, waitMs } = ticketFor(context);
  const humanRequested = context.pick(2) === 0;
  let reply = bridgeMessage({ ticket, waitMs, humanRequested });
  if (context.pick(2) === 0) {
    const due = new Date(ticket.slaDueAt);
    reply += context.pick(2) === 0 ? ` At the latest, you'll hear from us by ${MONTHS[due.getUTCMonth()] ?? ''} ${due.getUTCDate()}.` : ` The reply is due by ${ticket.slaDueAt.slice(0, 10)}.`;
  }
  return input({ reply, toolOutputs: [ticket], conversation: [humanRequested ? 'I want to talk to a human' : `My package for ${context.order.order_id} arrived broken`], user: context.user, intent: 'contact_human_agent' });
}

function datedFollowup(context: ScenarioContext): QualityReviewInput {
  const { user, order, pick } = context;
  const month = choose(pick, MONTHS);
  const day = 1 + pick(27);
  const said = `I ordered ${order.order_id} on ${month} ${day} and it still hasn't come. My email is ${user.email}.`;
  const tracking = order.fulfillments[0]?.tracking_id[0];
  const reply = [
    `I'm sorry it's taking this long since you ordered on ${month} ${day}.`,
    `Order ${order.order_id} is ${order.status}${tracking ? `, and its tracking number is ${tracking}` : ''}.`,
    `Standard delivery takes 3–7 business days once an order is processed.`,
  ].join(' ');
  const article = KNOWLEDGE_ARTICLES.find((candidate) => candidate.id === 'delivery-times')?.body ?? '';
  return input({ reply, toolOutputs: [order], knowledge: [article], conversation: [said], user, upset: true, intent: 'track_order' });
}

function account(context: ScenarioContext): QualityReviewInput {
  const { user, pick } = context;
  const cards = Object.values(user.payment_methods).filter((method) => method.source === 'credit_card' && method.last_four);
  const gift = Object.values(user.payment_methods).find((method) => method.source === 'gift_card' && method.balance !== undefined);
  const lines = [
    pick(2) === 0 ? `Thanks, I found your account (${user.email}).` : `Thanks ${user.name.first_name}, you're verified with ${user.email}.`,
    `The orders on your account are ${user.orders.join(', ')}.`,
  ];
  if (cards.length > 0) lines.push(`Cards on file: ${cards.map((card) => `${card.brand ?? 'card'} ending in ${card.last_four ?? ''}`).join(', ')}.`);
  if (gift?.balance !== undefined) lines.push(`Your gift card balance is ${formatDollars(gift.balance)}.`);
  return input({ reply: lines.join(' '), toolOutputs: [user.user_id, user], conversation: [`hi it's ${user.email.toUpperCase()}`], user, intent: 'edit_account' });
}

/** Builds one grounded draft of `scenario` from the context's store records. */
export function buildScenario(scenario: QaScenario, context: ScenarioContext): QualityReviewInput {
  switch (scenario) {
    case 'order_status':
      return orderStatus(context);
    case 'invoice':
      return invoice(context);
    case 'refund':
      return refund(context);
    case 'product':
      return product(context);
    case 'knowledge':
      return knowledge(context);
    case 'bridge':
      return bridge(context);
    case 'dated_followup':
      return datedFollowup(context);
    case 'account':
      return account(context);
  }
}
