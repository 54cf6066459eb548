/**
 * The scripted customer's requests: one message per goal, with every detail, with some of them,
 * or with none (the desk then asks), and the answers to the desk's questions about a goal.
 */
import type { StoreSnapshot } from '@switchboard/core';
import type { Goal, Persona } from './knowledge.js';
import { addressPhrase, itemPhrase, listPhrase, orderPhrase, paymentPhrase, reasonPhrase, swapPhrase, wantedPhrase, type Choices } from './phrases.js';

/** What the phrasing functions need. */
export interface SayContext {
  persona: Persona;
  snapshot: StoreSnapshot;
  choices: Choices;
}

/** How much of a goal the opening request says. */
export type Detail = 'all' | 'some' | 'none';

const cards = (context: SayContext): number => Object.values(context.persona.user.payment_methods).filter((method) => method.source === 'credit_card').length;

/** The goal's payment method in words. */
export function sayPayment(goal: Goal, context: SayContext): string {
  if (goal.kind !== 'return' && goal.kind !== 'exchange' && goal.kind !== 'modify_items' && goal.kind !== 'modify_payment') return '';
  return paymentPhrase({ payment: goal.payment, original: goal.kind !== 'modify_payment' && goal.original, choices: context.choices, cards: cards(context) });
}

/** The goal's items (returns) or swaps (exchanges, item changes), in one phrase. */
export function sayItems(goal: Goal, context: SayContext & { full?: boolean }): string {
  const phraseContext = { snapshot: context.snapshot, choices: context.choices, ...(context.full === true ? { full: true } : {}) };
  if (goal.kind === 'return') {
    if (goal.allItems && context.choices.chance(0.4)) return context.choices.pick(['all the items', 'everything in the order']);
    return listPhrase(goal.items.map((item) => itemPhrase(item, phraseContext)));
  }
  if (goal.kind === 'exchange' || goal.kind === 'modify_items') {
    const parts = goal.items.map((item) => swapPhrase(item, phraseContext));
    return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')}, and ${parts.at(-1) ?? ''}`;
  }
  return '';
}

/** The options wanted for the goal item of `productName` (answer to "what would you like instead of the …?"). */
export function sayWanted(goal: Goal, input: { productName: string; context: SayContext }): string | undefined {
  if (goal.kind !== 'exchange' && goal.kind !== 'modify_items') return undefined;
  const target = goal.items.find((item) => item.item.name.toLowerCase() === input.productName.toLowerCase()) ?? goal.items[0];
  if (!target) return undefined;
  const phrase = wantedPhrase(target, { snapshot: input.context.snapshot, choices: input.context.choices, full: true });
  return input.context.choices.pick([`I'd like ${phrase}.`, `${phrase[0]?.toUpperCase() ?? ''}${phrase.slice(1)}, please.`]);
}

/**
 * The opening request for `goal`, with `detail` of its details. `variant` (0–1, default random)
 * picks the wording; `rephrase` (the times the customer already said it) moves to the next one,
 * as a person who was not understood would.
 */
export function sayRequest(goal: Goal, input: { detail: Detail; context: SayContext; rephrase?: number; variant?: number }): string {
  const { detail, context } = input;
  const { choices } = context;
  // The wording: a seeded pick that moves on with each rephrasing.
  const variant = input.variant ?? choices.next();
  const template = <T>(options: readonly T[]): T => options[(Math.floor(variant * options.length) + (input.rephrase ?? 0)) % options.length] as T;
  const id = orderPhrase(goal, choices);
  const withPayment = detail === 'all';
  switch (goal.kind) {
    case 'cancel':
      if (detail === 'none') return template(['I want to cancel an order.', "I'd like to cancel one of my orders."]);
      return template([`I'd like to cancel order ${id}${detail === 'all' ? ` because ${reasonPhrase(goal.reason, choices)}` : ''}.`, `Please cancel my order ${id}${detail === 'all' ? `, ${reasonPhrase(goal.reason, choices)}` : ''}.`]);
    case 'return': {
      if (detail === 'none') return template(["I'd like to return some items I received.", 'I want to return something from an order.']);
      const refund = withPayment ? ` and get the refund to ${sayPayment(goal, context)}` : '';
      return template([`I want to return ${sayItems(goal, context)} from order ${id}${refund}.`, `For order ${id}, I'd like to return ${sayItems(goal, context)}${refund}.`]);
    }
    case 'exchange': {
      if (detail === 'none') return template(["I'd like to exchange an item I received.", 'I want to exchange something from a delivered order.']);
      const pay = withPayment ? ` Please use ${sayPayment(goal, context)} for any price difference.` : '';
      return template([`I'd like to exchange ${sayItems(goal, context)} in order ${id}.${pay}`, `For order ${id}, can I exchange ${sayItems(goal, context)}?${pay}`]);
    }
    case 'modify_items': {
      if (detail === 'none') return template(['I need to change an item in an order I placed.', "I'd like to modify the items of a pending order."]);
      const pay = withPayment ? ` Use ${sayPayment(goal, context)} for the price difference.` : '';
      return template([`I'd like to change ${sayItems(goal, context)} in my pending order ${id}.${pay}`, `For my order ${id} that hasn't shipped yet, please change ${sayItems(goal, context)}.${pay}`]);
    }
    case 'modify_payment':
      if (detail === 'none') return template(['I want to change the payment method on one of my orders.', "I'd like to pay for an order with a different payment method."]);
      return template([`I'd like to change the payment method of order ${id} to ${sayPayment(goal, context)}.`, `Can I switch the payment for order ${id} to ${sayPayment(goal, context)}?`]);
    case 'order_address': {
      if (detail === 'none') return template(['I need to change the shipping address of an order.', "I'd like to update where one of my orders is shipped."]);
      const where = goal.isDefault && choices.chance(0.4) ? 'my default address' : addressPhrase(goal.address, choices);
      return template([`Please change the shipping address of order ${id} to ${where}.`, `I need order ${id} shipped to ${where} instead.`]);
    }
    case 'user_address':
      if (detail === 'none') return "I'd like to update my default address.";
      return `I'd like to update my default address to ${addressPhrase(goal.address, choices)}.`;
  }
}

/** The full request again, every detail said, in another wording (after a misunderstanding). */
export function restate(goal: Goal, input: { context: SayContext; rephrase: number; variant: number }): string {
  const { context } = input;
  return `${context.choices.pick(['Sorry, let me be clear.', 'Let me put it another way.', 'To be precise:'])} ${sayRequest(goal, { detail: 'all', context, rephrase: input.rephrase, variant: input.variant })}`;
}

/** The goal's order id (answer to "which order?"). */
export function sayOrder(goal: Goal, context: SayContext): string {
  const id = orderPhrase(goal, context.choices);
  return context.choices.pick([`It's order ${id}.`, `${id}`, `The order number is ${id}.`]);
}

/** The goal's address (answer to "what's the new address?"). */
export function sayAddress(goal: Goal, context: SayContext): string {
  if (goal.kind !== 'order_address' && goal.kind !== 'user_address') return '';
  if (goal.kind === 'order_address' && goal.isDefault && context.choices.chance(0.4)) return 'Please use my default address.';
  return addressPhrase(goal.address, context.choices);
}

/** The goal's cancellation reason (answer to "why?"). */
export function sayReason(goal: Goal, context: SayContext): string {
  return goal.kind === 'cancel' ? `${reasonPhrase(goal.reason, context.choices)}.` : '';
}
