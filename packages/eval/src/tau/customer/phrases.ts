/**
 * How the scripted customer says things, varied by a seeded random source: items by product name
 * and options, the options they want, payment methods in words, addresses, reasons, requests.
 */
import type { Address, OrderItem, PaymentMethod, Product, ProductVariant, StoreSnapshot } from '@switchboard/core';
import type { Goal, GoalItem, Persona } from './knowledge.js';

/** A seeded source of choices (mulberry32). Same seed, same choices. */
export class Choices {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }

  /** One of `options`. */
  pick<T>(options: readonly T[]): T {
    return options[Math.floor(this.next() * options.length)] as T;
  }

  /** True with probability `chance`. */
  chance(chance: number): boolean {
    return this.next() < chance;
  }
}

const WEAK = /^(?:\d+(?:\.\d+)?|.{1,2}|yes|no|none)$/;

/** How one option is said: the value alone when it names the option by itself in this product, else with the option name. */
function optionPhrase(input: { option: string; value: string; product: Product | undefined; choices: Choices }): string {
  const { option, value, product, choices } = input;
  if (value === 'yes' || value === 'no') {
    if (option === 'water resistance') return value === 'yes' ? 'with water resistance' : 'without water resistance';
    return value === 'yes' ? choices.pick([option, `${option}: yes`]) : choices.pick([`not ${option}`, `${option}: no`]);
  }
  if (value === 'none') return choices.pick([`no ${option}`, `${option}: none`]);
  const shared = Object.values(product?.variants ?? {}).some((variant) => Object.entries(variant.options).some(([other, otherValue]) => other !== option && otherValue.toLowerCase() === value.toLowerCase()));
  if (WEAK.test(value.toLowerCase()) || shared) return choices.pick([`${option} ${value}`, `${option}: ${value}`]);
  return choices.pick([value, value, `${option} ${value}`]);
}

/** "black, laser" / "color black, sensor type laser": the options said for an item. */
export function optionsPhrase(options: Record<string, string>, context: { product: Product | undefined; choices: Choices }): string {
  return Object.entries(options).map(([option, value]) => optionPhrase({ option, value, ...context })).join(', ');
}

/** "the Gaming Mouse (black, laser)": an item of the order, with options when they are needed (or by choice). */
export function itemPhrase(goalItem: GoalItem, context: { snapshot: StoreSnapshot; choices: Choices; full?: boolean }): string {
  const { item, lookalikes } = goalItem;
  const { choices } = context;
  const name = choices.chance(0.3) ? item.name.toLowerCase() : item.name;
  const withOptions = lookalikes > 0 || context.full === true || choices.chance(0.5);
  if (!withOptions) return `the ${name}`;
  const product = context.snapshot.products[item.product_id];
  return `the ${name} (${optionsPhrase(item.options, { product, choices })})`;
}

/** What they want instead: the changed options (or all of them), or "the same one". */
export function wantedPhrase(goalItem: GoalItem, context: { snapshot: StoreSnapshot; choices: Choices; full?: boolean }): string {
  const { item, wanted } = goalItem;
  const { choices } = context;
  if (!wanted) return 'something else';
  const product = context.snapshot.products[item.product_id];
  if (wanted.item_id === item.item_id) return choices.pick(['the exact same one', 'a new one with the same options', 'an identical one']);
  const changed = Object.fromEntries(Object.entries(wanted.options).filter(([option, value]) => item.options[option] !== value));
  const said = context.full === true || choices.chance(0.3) ? wanted.options : changed;
  const options = optionsPhrase(said, { product, choices });
  return choices.pick([`a ${options} one`, `one with ${options}`, options]);
}

/** The whole wanted variant, for "which one would you like?" answers. */
export function variantPhrase(item: OrderItem, variant: ProductVariant, context: { snapshot: StoreSnapshot; choices: Choices }): string {
  return optionsPhrase(variant.options, { product: context.snapshot.products[item.product_id], choices: context.choices });
}

const capitalized = (word: string): string => `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`;

/** A payment method in words: "my PayPal", "the Visa card ending in 1234", "my gift card", or "the original payment method". */
export function paymentPhrase(input: { payment: PaymentMethod; original: boolean; choices: Choices; cards: number }): string {
  const { payment, choices } = input;
  if (input.original && choices.chance(0.25)) return choices.pick(['the original payment method', 'the same payment method I used for the order']);
  switch (payment.source) {
    case 'paypal':
      return choices.pick(['PayPal', 'my PayPal account', 'my PayPal']);
    case 'gift_card':
      return choices.pick(['my gift card', 'the gift card', 'my gift card balance']);
    case 'credit_card': {
      const brand = capitalized(payment.brand ?? 'credit');
      const options = [`my ${brand} card ending in ${payment.last_four ?? ''}`, `the credit card ending ${payment.last_four ?? ''}`, `my ${brand} ending ${payment.last_four ?? ''}`];
      return choices.pick(input.cards === 1 ? [...options, `my ${brand} card`, 'my credit card'] : options);
    }
  }
}

/** "320 Cedar Avenue, Suite 116, San Antonio, TX 78219, USA", or a labelled form. */
export function addressPhrase(address: Address, choices: Choices): string {
  if (choices.chance(0.2)) {
    return `address line 1: ${address.address1}, address line 2: ${address.address2 || 'none'}, city: ${address.city}, state: ${address.state}, zip code: ${address.zip}, country: ${address.country}`;
  }
  return [address.address1, address.address2, address.city, `${address.state} ${address.zip}`, address.country].filter((part) => part !== '').join(', ');
}

/** Why they cancel, in their words. */
export function reasonPhrase(reason: 'no longer needed' | 'ordered by mistake', choices: Choices): string {
  return reason === 'no longer needed'
    ? choices.pick(["I don't need it anymore", 'it is no longer needed', 'I no longer need it'])
    : choices.pick(['I ordered it by mistake', 'it was ordered by mistake', 'I placed it by mistake']);
}

/** How they identify themselves. */
export function identityPhrase(persona: Persona, input: { choices: Choices; attempt: number }): string {
  const { choices } = input;
  if (persona.zip !== undefined && (persona.emails.length === 0 || input.attempt % 2 === 0)) {
    const name = `${persona.firstName} ${persona.lastName}`;
    return choices.pick([`My name is ${name} and my zip code is ${persona.zip}.`, `I'm ${name}, zip code ${persona.zip}.`, `${name}, zip ${persona.zip}`]);
  }
  const emails = persona.emails;
  if (emails.length > 1) return `I'm not sure which email I used. It's one of these: ${emails.join(', ')}.`;
  return choices.pick([`My email is ${emails[0] ?? ''}.`, `Sure, it's ${emails[0] ?? ''}`, `${emails[0] ?? ''}`]);
}

/** The list of items in one sentence: "the A, the B and the C". */
export function listPhrase(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** "the Gaming Mouse (black, laser) for a white, optical one": one swap. */
export function swapPhrase(goalItem: GoalItem, context: { snapshot: StoreSnapshot; choices: Choices; full?: boolean }): string {
  const joiner = context.choices.pick([' for ', ' to ', ' for ']);
  return `${itemPhrase(goalItem, context)}${joiner}${wantedPhrase(goalItem, context)}`;
}

/** The goal's order id, the way the customer writes it. */
export function orderPhrase(goal: Goal, choices: Choices): string {
  if (goal.kind === 'user_address') return '';
  return choices.chance(0.15) ? goal.orderId.replace('#', '') : goal.orderId;
}
