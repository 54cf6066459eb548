/**
 * Payment methods in words: how the desk names a customer's payment methods, and which one the
 * customer means when they describe it ("my PayPal", "the Visa ending 1234", "the original
 * payment method", "gift card").
 */
import type { Order, PaymentMethod, User } from '@switchboard/core';
import { formatDollars } from '../replies.js';
import { findPhrase, tokenize, type Token } from './text.js';

/** "Mastercard credit card ending 9212", "PayPal", "gift card", from the customer's own record. */
export function describePaymentMethod(user: User, paymentMethodId: string): string {
  const method = user.payment_methods[paymentMethodId];
  if (!method) return 'a payment method no longer on file';
  return describeMethod(method);
}

function describeMethod(method: PaymentMethod): string {
  switch (method.source) {
    case 'credit_card':
      return `${method.brand ? `${method.brand[0]?.toUpperCase()}${method.brand.slice(1)} ` : ''}credit card${method.last_four ? ` ending ${method.last_four}` : ''}`;
    case 'paypal':
      return 'PayPal';
    case 'gift_card':
      return 'gift card';
  }
}

/** "PayPal; Visa credit card ending 1234; gift card (balance $120.00)": the methods on file, with gift-card balances. */
export function listPaymentMethods(user: User, ids?: readonly string[]): string {
  const methods = Object.values(user.payment_methods).filter((method) => ids === undefined || ids.includes(method.id));
  return methods.map((method) => `${describeMethod(method)}${method.source === 'gift_card' && method.balance !== undefined ? ` (balance ${formatDollars(method.balance)})` : ''}`).join('; ');
}

/** Which payment method a message names: one id, several that fit ("my credit card" with two cards), or none. */
export type PaymentMention = { id: string } | { ambiguous: string[] } | undefined;

const ORIGINAL = ['original', 'same card', 'same method', 'same payment', 'used to pay'];
const GIFT = ['gift', 'store credit', 'website credit', 'gc'];
const CARD_WORDS = ['card', 'credit', 'creditcard', 'visa', 'mastercard', 'amex', 'discover'];

interface Found {
  position: number;
  ids: string[];
}

/**
 * The payment method a customer describes, from their own record: "original" (the method that paid
 * `order`), PayPal, a gift card, or a credit card by brand or last four digits. With several
 * mentions the last one wins, except one right after "instead of" or before "to" in "from X to Y".
 * @returns `{ id }`, `{ ambiguous }` (several cards fit), or `undefined` when none is named.
 */
export function findPaymentMethod(text: string, input: { user: User; order?: Order }): PaymentMention {
  const tokens = tokenize(text);
  const methods = Object.values(input.user.payment_methods);
  const found: Found[] = [];
  const add = (position: number, ids: string[]): void => {
    if (position >= 0 && ids.length > 0) found.push({ position, ids });
  };
  const original = input.order?.payment_history[0]?.payment_method_id;
  for (const phrase of ORIGINAL) if (original !== undefined) add(findPhrase(tokens, phrase), [original]);
  add(findPhrase(tokens, 'paypal'), methods.filter((method) => method.source === 'paypal').map((method) => method.id));
  const giftAt = Math.min(...GIFT.map((phrase) => findPhrase(tokens, phrase)).filter((index) => index >= 0));
  if (Number.isFinite(giftAt)) add(giftAt, methods.filter((method) => method.source === 'gift_card').map((method) => method.id));
  addCards({ tokens, methods, add });
  if (found.length === 0) return undefined;
  const chosen = pickMention(tokens, found);
  const ids = [...new Set(chosen.ids)];
  return ids.length === 1 ? { id: ids[0] ?? '' } : { ambiguous: ids };
}

function addCards(input: { tokens: readonly Token[]; methods: readonly PaymentMethod[]; add: (position: number, ids: string[]) => void }): void {
  const { tokens, methods, add } = input;
  const cards = methods.filter((method) => method.source === 'credit_card');
  for (const [index, token] of tokens.entries()) {
    const byDigits = cards.filter((card) => card.last_four !== undefined && token.text === card.last_four);
    if (byDigits.length > 0) {
      add(index, byDigits.map((card) => card.id));
      continue;
    }
    const byBrand = cards.filter((card) => card.brand !== undefined && token.text === card.brand.toLowerCase());
    if (byBrand.length > 0) {
      add(index, byBrand.map((card) => card.id));
      continue;
    }
    const previous = tokens[index - 1]?.text;
    if (CARD_WORDS.includes(token.text) && previous !== 'gift' && !(token.text === 'card' && CARD_WORDS.includes(previous ?? ''))) add(index, cards.map((card) => card.id));
  }
}

/** The mention the customer wants: the last one, skipping one after "instead of" or the "from" side of "from X to Y". */
function pickMention(tokens: readonly Token[], found: readonly Found[]): Found {
  const sorted = [...found].sort((left, right) => left.position - right.position);
  const insteadOf = findPhrase(tokens, 'instead of');
  const from = tokens.findIndex((token) => token.text === 'from');
  const to = tokens.findIndex((token, index) => index > from && token.text === 'to');
  const excluded = (mention: Found): boolean =>
    (insteadOf >= 0 && mention.position > insteadOf && mention.position <= insteadOf + 5) || (from >= 0 && to > from && mention.position > from && mention.position < to);
  const kept = sorted.filter((mention) => !excluded(mention));
  // The most specific mention (fewest ids) among the kept ones at the last position wins.
  const pool = kept.length > 0 ? kept : sorted;
  const last = pool.at(-1) as Found;
  const sameSpot = pool.filter((mention) => Math.abs(mention.position - last.position) <= 3);
  return sameSpot.reduce((best, mention) => (mention.ids.length < best.ids.length ? mention : best), last);
}
