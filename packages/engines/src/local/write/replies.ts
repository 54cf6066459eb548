/**
 * Named reply templates of the write playbooks. Every order id, item, price and payment method
 * placed in them comes from this turn's tool outputs or from the customer's own words.
 */
import type { Order, OrderItem, ProductVariant } from '@switchboard/core';
import { describeItem } from '../orders.js';
import { formatDollars } from '../replies.js';

/** Version of the write templates (bump when their wording changes). */
export const WRITE_REPLIES_VERSION = 1;

/** "Gaming Mouse (black, laser, wired) — $54.41". */
export const itemLine = (item: { name: string; options: Record<string, string>; price: number }): string => `${describeItem(item)} — ${formatDollars(item.price)}`;

/** "black, optical, wired — $49.01". */
export const variantLine = (variant: ProductVariant): string => `${Object.values(variant.options).join(', ')} — ${formatDollars(variant.price)}${variant.available ? '' : ' (not available)'}`;

/** A bullet list; lines indented with two spaces become sub-items. */
const bullets = (lines: readonly string[]): string => lines.map((line) => (line.startsWith('  ') ? `  - ${line.trim()}` : `- ${line}`)).join('\n');

/** What each kind is called in a sentence. */
export const ACTION_NAMES = {
  cancel: 'cancel an order',
  modify_items: 'change items of a pending order',
  exchange: 'exchange items',
  return: 'return items',
  modify_payment: 'change the payment method of an order',
  order_address: 'change the shipping address of an order',
  user_address: 'update your default address',
} as const;

/** What the customer gets help with, for the identity question ("I can help with your return. First…"). */
export const IDENTITY_PURPOSES = {
  cancel: 'cancelling your order',
  modify_items: 'changing your order',
  exchange: 'your exchange',
  return: 'your return',
  modify_payment: "your order's payment method",
  order_address: "your order's shipping address",
  user_address: 'your default address',
} as const;

export const writeReplies = {
  askOrder: (action: string, orders: readonly string[]): string =>
    orders.length > 0 ? `Which order would you like to ${action}? ${orders.length === 1 ? 'This one fits:' : 'These fit:'}\n${bullets(orders)}` : `I don't see an order on your account that I could ${action}. If you have an order number, please share it.`,
  noFittingOrder: (action: string, orderIds: readonly string[]): string =>
    `I don't see an order on your account that I could ${action} right now${orderIds.length > 0 ? ` (your orders are ${orderIds.join(', ')})` : ''}. Which order do you mean?`,
  orderNotOwned: (orderId: string, orderIds: readonly string[]): string =>
    `I couldn't find order ${orderId} on your account.${orderIds.length > 0 ? ` The orders I can see are ${orderIds.join(', ')}. Which one do you mean?` : ''}`,
  askItems: (verb: string, order: Order): string => `Which items of order ${order.order_id} would you like to ${verb}? It contains:\n${bullets(order.items.map(itemLine))}`,
  askWhichItem: (name: string, items: readonly OrderItem[]): string => `Which ${name} do you mean?\n${bullets(items.map(itemLine))}`,
  askNewVariant: (item: OrderItem, options: string): string =>
    `What would you like instead of the ${describeItem(item)}? Available options: ${options}. Please tell me the options you want.`,
  variantChoice: (item: OrderItem, variants: readonly ProductVariant[]): string =>
    `Several options fit for the ${item.name}. Which one would you like?\n${bullets(variants.slice(0, 8).map(variantLine))}`,
  variantUnavailable: (item: OrderItem, options: string): string =>
    `That option of the ${item.name} isn't available right now. Available options: ${options}. Which would you like instead?`,
  variantUnknown: (item: OrderItem, options: string): string => `I couldn't match that to an option of the ${item.name}. Available options: ${options}. Which would you like?`,
  askPayment: (purpose: string, methods: string): string => `Which payment method should ${purpose}? On file: ${methods}.`,
  askRefundMethod: (original: string, giftCard: boolean): string =>
    `Where should the refund go: your original payment method (${original})${giftCard ? ' or your gift card' : ''}?`,
  refundMethodNotAllowed: (original: string): string =>
    `A refund can only go to the original payment method (${original}) or to a gift card on your account. Which would you like?`,
  askNewPayment: (current: string, methods: string): string => `The order is paid with your ${current}. Which payment method would you like to use instead? On file: ${methods}.`,
  samePayment: (current: string): string => `The order is already paid with your ${current}. Which other payment method would you like to use?`,
  askReason: (orderId: string): string => `Why would you like to cancel order ${orderId}: is it no longer needed, or was it ordered by mistake?`,
  askAddress: (purpose: string): string =>
    `What's the new ${purpose}? Please give the street address, apartment or suite (if any), city, state, zip code and country.`,
  confirm: (lines: readonly string[], note: string): string => `Here's what I'll do:\n${bullets(lines)}\n${note ? `${note}\n` : ''}Shall I go ahead? Please reply yes to confirm.`,
  declined: (): string => "Okay, I haven't changed anything. Tell me what you'd like instead, or if there's anything else I can help with.",
  refused: (what: string, why: string, alternative: string): string => `I can't ${what}: ${why}.${alternative ? ` ${alternative}` : ''}`,
  awaitingApproval: (what: string): string =>
    `Your request to ${what} needs a team member's approval first (for example, refunds above a set amount). I've sent it for approval, and you'll get a message here as soon as it's decided.`,
  failed: (what: string): string => `I couldn't ${what} just now because of a problem on our side.`,
  noGiftCard: (): string => "I don't see a gift card on your account.",
} as const;
