/**
 * Builds orders in τ-bench's order shape: items, fulfillments, status and payment history.
 */
import type { Fulfillment, Order, OrderItem, Product, User } from '@switchboard/core';
import { orderId, trackingId, type IdMinter } from './ids.js';
import { randomAddress } from './people.js';
import { roundCents, type Random } from './prng.js';

/** Initial order statuses the generator produces. */
export const GENERATED_ORDER_STATUSES = ['pending', 'processed', 'delivered', 'cancelled'] as const;
export type GeneratedOrderStatus = (typeof GENERATED_ORDER_STATUSES)[number];

/**
 * Status mix, as in τ-bench retail's 1,000 orders (pending 423, delivered 373, processed 102,
 * cancelled 102). @see ../../../../../shared/data/tau-bench-retail/SOURCE.md
 */
const STATUS_WEIGHTS: Readonly<Record<GeneratedOrderStatus, number>> = { pending: 42.3, processed: 10.2, delivered: 37.3, cancelled: 10.2 };
/** The two cancellation reasons the store's policy accepts. */
export const CANCEL_REASONS = ['no longer needed', 'ordered by mistake'] as const;
/** Share of orders shipped to an address other than the customer's default one. */
const OTHER_ADDRESS_SHARE = 0.2;
/** Share of shipped orders with 3+ items that went out in two packages. */
const SPLIT_SHIPMENT_SHARE = 0.15;

/** Options of {@link buildOrder}. */
export interface BuildOrderOptions {
  user: User;
  products: readonly Product[];
  random: Random;
  ids: IdMinter;
}

/**
 * One order for `user` (the caller appends its id to `user.orders`): `#W` + 7 digits, 1–5
 * distinct items (name, ids, price in dollars, options copied from the variant), a status
 * weighted as in τ-bench, fulfillments with 12-digit tracking ids when processed or delivered
 * (none when pending or cancelled), one `payment` equal to the item total rounded to cents, and
 * for cancelled orders a `cancel_reason` and a `refund` of the same amount to the same method.
 */
export function buildOrder(options: BuildOrderOptions): Order {
  const { user, random, ids } = options;
  const status = random.weighted(STATUS_WEIGHTS);
  const items = pickItems(options);
  const total = roundCents(items.reduce((sum, item) => sum + item.price, 0));
  const paymentMethodId = random.pick(Object.keys(user.payment_methods));
  const order: Order = {
    order_id: ids.unique(orderId),
    user_id: user.user_id,
    address: random.chance(OTHER_ADDRESS_SHARE) ? randomAddress(random) : { ...user.address },
    items,
    fulfillments: status === 'processed' || status === 'delivered' ? buildFulfillments(options, items) : [],
    status,
    payment_history: [{ transaction_type: 'payment', amount: total, payment_method_id: paymentMethodId }],
  };
  if (status === 'cancelled') {
    order.payment_history.push({ transaction_type: 'refund', amount: total, payment_method_id: paymentMethodId });
    order.cancel_reason = random.pick(CANCEL_REASONS);
  }
  return order;
}

function pickItems(options: BuildOrderOptions): OrderItem[] {
  const { products, random } = options;
  const wanted = random.int(1, 5);
  const items: OrderItem[] = [];
  const taken = new Set<string>();
  while (items.length < wanted) {
    const product = random.pick(products);
    const variant = random.pick(Object.values(product.variants));
    if (taken.has(variant.item_id)) continue;
    taken.add(variant.item_id);
    items.push({ name: product.name, product_id: product.product_id, item_id: variant.item_id, price: variant.price, options: { ...variant.options } });
  }
  return items;
}

function buildFulfillments(options: BuildOrderOptions, items: readonly OrderItem[]): Fulfillment[] {
  const { random, ids } = options;
  const itemIds = items.map((item) => item.item_id);
  if (itemIds.length >= 3 && random.chance(SPLIT_SHIPMENT_SHARE)) {
    const cut = random.int(1, itemIds.length - 1);
    return [
      { tracking_id: [ids.unique(trackingId)], item_ids: itemIds.slice(0, cut) },
      { tracking_id: [ids.unique(trackingId)], item_ids: itemIds.slice(cut) },
    ];
  }
  return [{ tracking_id: [ids.unique(trackingId)], item_ids: itemIds }];
}
