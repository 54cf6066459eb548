/**
 * Slot filling of a write request: reads each customer message into the plan (reason, payment
 * method, address, items and the options wanted instead), then names the first thing still missing.
 */
import type { AgentRunOutput, OrderItem, Product } from '@switchboard/core';
import { formatDollars } from '../replies.js';
import { DEFAULT_ADDRESS, parseAddress } from './address.js';
import { chooseVariant, distinctItems, findItemMentions, meansAllItems, type ItemMention } from './items.js';
import { indexOptions, readOptions } from './options.js';
import { describePaymentMethod, findPaymentMethod, listPaymentMethods } from './payment.js';
import type { PlannedItem, WritePlan } from './plan.js';
import { writeReplies } from './replies.js';
import { tokenize } from './text.js';
import { askFor, unreadMessages, type WriteTurn } from './turn.js';

const NO_LONGER_NEEDED = /\b(?:no longer need|don'?t need|do not need|not needed|no need|won'?t need|no longer want|don'?t want|do not want|changed my mind|not going to use|won'?t be able to receive|can'?t receive)/i;
const BY_MISTAKE = /\b(?:mistake|mistaken|accident|by error|in error|wrong order|didn'?t mean to|did not mean to|unintention|not intentional)/i;

/** The cancellation reason a message gives, in τ-bench's two words, if any. */
export function parseReason(text: string): WritePlan['reason'] {
  if (BY_MISTAKE.test(text)) return 'ordered by mistake';
  if (NO_LONGER_NEEDED.test(text)) return 'no longer needed';
  return undefined;
}

/** Reads every unread customer message of the request into the plan (the current one last, as an answer to the pending question). */
export function readMessages(turn: WriteTurn): void {
  for (const message of unreadMessages(turn.run, turn.plan)) {
    readText(turn, { text: message.text, current: message.id === turn.run.input.message.id });
    turn.plan.parsed.push(message.id);
  }
}

function readText(turn: WriteTurn, input: { text: string; current: boolean }): void {
  const { plan, user, order } = turn;
  const { text } = input;
  switch (plan.kind) {
    case 'cancel':
      plan.reason = parseReason(text) ?? plan.reason;
      return;
    case 'order_address':
    case 'user_address': {
      const address = DEFAULT_ADDRESS.test(text) && plan.kind === 'order_address' ? user.address : parseAddress(text, (order ?? user).address.country);
      if (address) plan.address = address;
      return;
    }
    case 'modify_payment':
    case 'return':
    case 'exchange':
    case 'modify_items': {
      const payment = findPaymentMethod(text, { user, ...(order ? { order } : {}) });
      if (payment && 'id' in payment) plan.paymentMethodId = payment.id;
      if (plan.kind !== 'modify_payment') readItems(turn, input);
      return;
    }
  }
}

/** Items named in `text` (and answers to a pending "which one" / "what instead" question). */
function readItems(turn: WriteTurn, input: { text: string; current: boolean }): void {
  const { plan, order } = turn;
  if (!order) return;
  const pending = plan.pending;
  const answering = input.current && pending !== undefined && (plan.awaiting === 'write:new_item' || plan.awaiting === 'write:which_item');
  const wantedFor = answering && plan.awaiting === 'write:new_item' ? pending.itemIds[0] : undefined;
  const mentions = findItemMentions(input.text, { order, products: turn.products }).map((mention): ItemMention => {
    // "The white optical gaming mouse" answering "what instead of the gaming mouse?": the options said are the wanted ones.
    if (wantedFor === undefined || mention.productId !== pending?.productId || Object.keys(mention.newOptions).length > 0 || mention.same) return mention;
    const item = order.items.filter((candidate) => candidate.item_id === wantedFor);
    return { ...mention, candidates: item, oldOptions: {}, newOptions: { ...pending.newOptions, ...mention.oldOptions }, same: /\b(?:same|identical)\b/i.test(input.text) };
  });
  const answersPending = answering && !mentions.some((mention) => mention.productId === pending.productId);
  if (answersPending && pending) {
    const product = turn.products.get(pending.productId);
    const own = order.items.filter((item) => item.product_id === pending.productId);
    const said = readOptions({ tokens: tokenize(input.text), from: 0, to: Number.MAX_SAFE_INTEGER, index: indexOptions(product, own.map((item) => item.options)) });
    const same = /\b(?:same|identical)\b/i.test(input.text);
    if (pending.itemIds.length > 1) {
      const fitting = own.filter((item) => pending.itemIds.includes(item.item_id) && Object.entries(said).every(([option, value]) => item.options[option] === value));
      const chosen = distinctItems(fitting);
      if (chosen.length === 1) applyMention(turn, { productId: pending.productId, candidates: chosen, oldOptions: said, newOptions: pending.newOptions, same: pending.same });
    } else {
      applyMention(turn, { productId: pending.productId, candidates: own.filter((item) => item.item_id === pending.itemIds[0]), oldOptions: {}, newOptions: { ...pending.newOptions, ...said }, same: same || pending.same });
    }
  }
  for (const mention of mentions) applyMention(turn, mention);
  if (mentions.length === 0 && !answersPending && plan.kind === 'return' && meansAllItems(input.text)) {
    for (const item of distinctItems(order.items)) upsert(plan, { itemId: item.item_id });
  }
}

function upsert(plan: WritePlan, item: PlannedItem): void {
  const existing = plan.items.find((candidate) => candidate.itemId === item.itemId);
  if (!existing) plan.items.push(item);
  else if (item.newItemId !== undefined) existing.newItemId = item.newItemId;
}

/** Adds one named item to the plan; with several fitting items, or an unsettled wanted option, it becomes the pending choice. */
function applyMention(turn: WriteTurn, mention: ItemMention): void {
  const { plan } = turn;
  const [item, ...others] = mention.candidates;
  if (!item) return;
  if (others.length > 0) {
    plan.pending = { productId: mention.productId, itemIds: mention.candidates.map((candidate) => candidate.item_id), newOptions: mention.newOptions, same: mention.same };
    return;
  }
  if (plan.kind === 'return') {
    upsert(plan, { itemId: item.item_id });
    if (plan.pending?.productId === mention.productId) delete plan.pending;
    return;
  }
  const product = turn.products.get(item.product_id);
  const existing = plan.items.find((candidate) => candidate.itemId === item.item_id);
  const saidSomething = Object.keys(mention.newOptions).length > 0 || mention.same;
  const choice = product && saidSomething ? chooseVariant({ item, product, wanted: mention.newOptions, same: mention.same }) : undefined;
  if (choice?.ok) {
    upsert(plan, { itemId: item.item_id, newItemId: choice.variant.item_id });
    if (plan.pending?.itemIds.includes(item.item_id)) delete plan.pending;
    return;
  }
  upsert(plan, { itemId: item.item_id });
  if (existing?.newItemId !== undefined && !saidSomething) return;
  if (existing?.newItemId !== undefined) delete existing.newItemId;
  plan.pending = { productId: item.product_id, itemIds: [item.item_id], newOptions: mention.newOptions, same: mention.same };
}

/** "color: black, white; size: S, M": the available option values of a product. */
export function availableOptions(product: Product | undefined): string {
  if (!product) return 'none listed';
  const byOption = new Map<string, Set<string>>();
  for (const variant of Object.values(product.variants)) {
    if (!variant.available) continue;
    for (const [option, value] of Object.entries(variant.options)) byOption.set(option, (byOption.get(option) ?? new Set()).add(value));
  }
  return [...byOption].map(([option, values]) => `${option}: ${[...values].join(', ')}`).join('; ') || 'none available right now';
}

/**
 * The first thing the plan still needs, as a question; `undefined` when it is complete.
 * Order and identity are settled before (see flow.ts).
 */
export function nextQuestion(turn: WriteTurn): AgentRunOutput | undefined {
  const { plan, order, user } = turn;
  switch (plan.kind) {
    case 'cancel':
      return plan.reason ? undefined : askFor(turn, { slot: 'reason', reply: writeReplies.askReason(order?.order_id ?? '') });
    case 'order_address':
      return plan.address ? undefined : askFor(turn, { slot: 'address', reply: writeReplies.askAddress(`shipping address for order ${order?.order_id ?? ''}`) });
    case 'user_address':
      return plan.address ? undefined : askFor(turn, { slot: 'address', reply: writeReplies.askAddress('default address') });
    case 'modify_payment':
      return paymentQuestion(turn);
    case 'return':
    case 'exchange':
    case 'modify_items': {
      if (!order) return undefined;
      const itemQuestion = itemsQuestion(turn);
      if (itemQuestion) return itemQuestion;
      if (plan.kind === 'return') return refundQuestion(turn);
      if (plan.paymentMethodId === undefined) {
        const methods = Object.keys(user.payment_methods);
        if (methods.length === 1) plan.paymentMethodId = methods[0];
        else return askFor(turn, { slot: 'payment', reply: writeReplies.askPayment('pay or receive the price difference', listPaymentMethods(user)) });
      }
      return giftCardQuestion(turn);
    }
  }
}

function itemsQuestion(turn: WriteTurn): AgentRunOutput | undefined {
  const { plan, order } = turn;
  if (!order) return undefined;
  const pending = plan.pending;
  if (pending && pending.itemIds.length > 1) {
    const items = distinctItems(order.items.filter((item) => pending.itemIds.includes(item.item_id)));
    return askFor(turn, { slot: 'which_item', reply: writeReplies.askWhichItem(items[0]?.name ?? 'item', items) });
  }
  const verb = plan.kind === 'return' ? 'return' : plan.kind === 'exchange' ? 'exchange' : 'change';
  if (plan.items.length === 0) return askFor(turn, { slot: 'items', reply: writeReplies.askItems(verb, order), failed: plan.parsed.length > 1 });
  if (plan.kind === 'return') return undefined;
  const open = plan.items.find((planned) => planned.newItemId === undefined);
  if (!open) return undefined;
  const item = order.items.find((candidate) => candidate.item_id === open.itemId) as OrderItem;
  const product = turn.products.get(item.product_id);
  const options = availableOptions(product);
  plan.pending = { productId: item.product_id, itemIds: [item.item_id], newOptions: pending?.itemIds[0] === item.item_id ? pending.newOptions : {}, same: pending?.itemIds[0] === item.item_id ? pending.same : false };
  const said = plan.pending.newOptions;
  const choice = product && Object.keys(said).length > 0 ? chooseVariant({ item, product, wanted: said, same: plan.pending.same }) : undefined;
  if (choice && !choice.ok && choice.reason === 'ambiguous') return askFor(turn, { slot: 'new_item', reply: writeReplies.variantChoice(item, choice.candidates) });
  if (choice && !choice.ok && choice.reason === 'unavailable') return askFor(turn, { slot: 'new_item', reply: writeReplies.variantUnavailable(item, options) });
  if (choice && !choice.ok && choice.reason === 'unknown') return askFor(turn, { slot: 'new_item', reply: writeReplies.variantUnknown(item, options), failed: true });
  return askFor(turn, { slot: 'new_item', reply: writeReplies.askNewVariant(item, options) });
}

/** Refunds go to the order's original payment method or a gift card (τ-bench rule); asks when not said or not allowed. */
function refundQuestion(turn: WriteTurn): AgentRunOutput | undefined {
  const { plan, order, user } = turn;
  const original = order?.payment_history[0]?.payment_method_id;
  if (!order || original === undefined) return undefined;
  const giftCard = Object.values(user.payment_methods).find((method) => method.source === 'gift_card');
  const allowed = (id: string): boolean => id === original || user.payment_methods[id]?.source === 'gift_card';
  if (plan.paymentMethodId !== undefined && allowed(plan.paymentMethodId)) return undefined;
  if (plan.paymentMethodId !== undefined) {
    delete plan.paymentMethodId;
    return askFor(turn, { slot: 'payment', reply: writeReplies.refundMethodNotAllowed(describePaymentMethod(user, original)), failed: true });
  }
  if (giftCard === undefined || giftCard.id === original) {
    plan.paymentMethodId = original;
    return undefined;
  }
  return askFor(turn, { slot: 'payment', reply: writeReplies.askRefundMethod(describePaymentMethod(user, original), true) });
}

function paymentQuestion(turn: WriteTurn): AgentRunOutput | undefined {
  const { plan, order, user } = turn;
  const current = order?.payment_history[0]?.payment_method_id ?? '';
  const others = Object.keys(user.payment_methods).filter((id) => id !== current);
  if (plan.paymentMethodId === current) {
    delete plan.paymentMethodId;
    return askFor(turn, { slot: 'payment', reply: writeReplies.samePayment(describePaymentMethod(user, current)), failed: true });
  }
  if (plan.paymentMethodId === undefined) {
    return askFor(turn, { slot: 'payment', reply: writeReplies.askNewPayment(describePaymentMethod(user, current), listPaymentMethods(user, others)) });
  }
  return giftCardQuestion(turn);
}

/** A gift card must cover what it pays (the order total, or the price difference of changed items). */
function giftCardQuestion(turn: WriteTurn): AgentRunOutput | undefined {
  const { plan, order, user } = turn;
  const method = plan.paymentMethodId === undefined ? undefined : user.payment_methods[plan.paymentMethodId];
  if (!order || method?.source !== 'gift_card') return undefined;
  const balance = method.balance ?? 0;
  const due = plan.kind === 'modify_payment' ? (order.payment_history[0]?.amount ?? 0) : priceDifference(turn);
  if (balance >= due) return undefined;
  delete plan.paymentMethodId;
  const what = plan.kind === 'modify_payment' ? `the order total of ${formatDollars(due)}` : 'the price difference';
  const reply = `Your gift card balance (${formatDollars(balance)}) doesn't cover ${what}. Which other payment method would you like to use? On file: ${listPaymentMethods(user, Object.keys(user.payment_methods).filter((id) => id !== method.id))}. (Or say no to leave the order as it is.)`;
  return askFor(turn, { slot: 'payment', reply });
}

/** New minus old prices of the planned items, summed in list order (positive: the customer pays), as the tools compute it. */
export function priceDifference(turn: WriteTurn): number {
  const { plan, order } = turn;
  let difference = 0;
  for (const planned of plan.items) {
    const item = order?.items.find((candidate) => candidate.item_id === planned.itemId);
    const variant = item && planned.newItemId !== undefined ? turn.products.get(item.product_id)?.variants[planned.newItemId] : undefined;
    if (item && variant) difference += variant.price - item.price;
  }
  return plan.kind === 'exchange' ? Math.round(difference * 100) / 100 : difference;
}
