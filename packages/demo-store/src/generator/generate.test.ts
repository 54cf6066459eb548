import { InvalidInputError, OrderSchema, ProductSchema, UserSchema, type StoreSnapshot } from '@switchboard/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateStore } from './generate.js';

const isCents = (amount: number): boolean => Math.round(amount * 100) / 100 === amount;
const sumCents = (amounts: readonly number[]): number => Math.round(amounts.reduce((sum, amount) => sum + amount, 0) * 100) / 100;

describe('generateStore', () => {
  let store: StoreSnapshot;
  beforeAll(() => {
    store = generateStore();
  });

  it('makes τ-bench-sized data by default: 500 users, 1,000 orders, 50 product types', () => {
    expect(Object.keys(store.users)).toHaveLength(500);
    expect(Object.keys(store.orders)).toHaveLength(1000);
    expect(Object.keys(store.products)).toHaveLength(50);
  });

  it('is deterministic per seed, and different seeds give different stores', () => {
    expect(generateStore({ seed: 7, users: 60, orders: 150 })).toEqual(generateStore({ seed: 7, users: 60, orders: 150 }));
    expect(JSON.stringify(generateStore())).toBe(JSON.stringify(store));
    const other = generateStore({ seed: 8, users: 60, orders: 150 });
    const seven = generateStore({ seed: 7, users: 60, orders: 150 });
    expect(Object.keys(other.users)).not.toEqual(Object.keys(seven.users));
    expect(Object.keys(other.orders)).not.toEqual(Object.keys(seven.orders));
    expect(Object.keys(other.products)).not.toEqual(Object.keys(seven.products));
  });

  it('keeps catalog and customers stable when only the order count changes', () => {
    const small = generateStore({ seed: 5, users: 30, orders: 10 });
    const large = generateStore({ seed: 5, users: 30, orders: 90 });
    expect(large.products).toEqual(small.products);
    expect(Object.keys(large.users)).toEqual(Object.keys(small.users));
  });

  it('produces records that validate against core schemas, keyed by their ids', () => {
    for (const [id, user] of Object.entries(store.users)) expect(UserSchema.parse(user).user_id).toBe(id);
    for (const [id, order] of Object.entries(store.orders)) expect(OrderSchema.parse(order).order_id).toBe(id);
    for (const [id, product] of Object.entries(store.products)) {
      expect(ProductSchema.parse(product).product_id).toBe(id);
      for (const [itemId, variant] of Object.entries(product.variants)) expect(variant.item_id).toBe(itemId);
    }
  });

  it('uses τ-bench id, email, payment-method and address formats', () => {
    for (const user of Object.values(store.users)) {
      const first = user.name.first_name.toLowerCase();
      const last = user.name.last_name.toLowerCase();
      expect(user.user_id).toMatch(new RegExp(`^${first}_${last}_\\d{4}$`));
      expect(user.email).toMatch(new RegExp(`^${first}\\.${last}\\d{4}@example\\.com$`));
      expect(user.address).toMatchObject({ country: 'USA', zip: expect.stringMatching(/^\d{5}$/) as unknown, state: expect.stringMatching(/^[A-Z]{2}$/) as unknown });
      expect(user.address.address1).not.toBe('');
      const methods = Object.entries(user.payment_methods);
      expect(methods.length).toBeGreaterThanOrEqual(1);
      for (const [id, method] of methods) {
        expect(method.id).toBe(id);
        expect(id).toMatch(new RegExp(`^${method.source}_\\d{7}$`));
        if (method.source === 'credit_card') {
          expect(method.brand).toMatch(/^(visa|mastercard|amex)$/);
          expect(method.last_four).toMatch(/^\d{4}$/);
        }
        if (method.source === 'gift_card') expect(method.balance).toBeGreaterThanOrEqual(0);
      }
    }
    const products = Object.values(store.products);
    const catalogIds = products.flatMap((product) => [product.product_id, ...Object.keys(product.variants)]);
    for (const id of catalogIds) expect(id).toMatch(/^\d{10}$/);
    expect(new Set(catalogIds).size).toBe(catalogIds.length);
    for (const id of Object.keys(store.orders)) expect(id).toMatch(/^#W\d{7}$/);
    const emails = Object.values(store.users).map((user) => user.email);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('builds a catalog of unique product names with several priced variants, some sold out', () => {
    const products = Object.values(store.products);
    expect(new Set(products.map((product) => product.name)).size).toBe(50);
    expect(products.map((product) => product.name)).toEqual(expect.arrayContaining(['Water Bottle', 'Hiking Boots', 'Electric Kettle', 'T-Shirt', 'Laptop', 'Headphones', 'Office Chair']));
    const variants = products.flatMap((product) => Object.values(product.variants));
    for (const product of products) {
      const own = Object.values(product.variants);
      expect(own.length).toBeGreaterThanOrEqual(5);
      expect(own.some((variant) => variant.available)).toBe(true);
      expect(new Set(own.map((variant) => JSON.stringify(variant.options))).size).toBe(own.length);
    }
    for (const variant of variants) {
      expect(variant.price).toBeGreaterThan(0);
      expect(isCents(variant.price)).toBe(true);
    }
    expect(variants.filter((variant) => !variant.available).length).toBeGreaterThan(variants.length * 0.1);
  });

  it('links every order to its customer and every customer to exactly their orders', () => {
    const byUser = new Map<string, string[]>();
    for (const order of Object.values(store.orders)) {
      expect(store.users[order.user_id]).toBeDefined();
      byUser.set(order.user_id, [...(byUser.get(order.user_id) ?? []), order.order_id]);
    }
    for (const user of Object.values(store.users)) expect(user.orders).toEqual(byUser.get(user.user_id) ?? []);
    expect(Object.values(store.users).some((user) => user.orders.length === 0)).toBe(true);
  });

  it('fills orders with 1–5 distinct catalog items at catalog prices', () => {
    for (const order of Object.values(store.orders)) {
      expect(order.items.length).toBeGreaterThanOrEqual(1);
      expect(order.items.length).toBeLessThanOrEqual(5);
      expect(new Set(order.items.map((item) => item.item_id)).size).toBe(order.items.length);
      for (const item of order.items) {
        const variant = store.products[item.product_id]?.variants[item.item_id];
        expect(variant).toBeDefined();
        expect(item).toMatchObject({ name: store.products[item.product_id]?.name, price: variant?.price, options: variant?.options });
      }
    }
  });

  it('charges the item total to one of the customer\u2019s methods and refunds cancelled orders in full', () => {
    for (const order of Object.values(store.orders)) {
      const total = sumCents(order.items.map((item) => item.price));
      const [payment, ...rest] = order.payment_history;
      expect(payment).toMatchObject({ transaction_type: 'payment', amount: total });
      expect(store.users[order.user_id]?.payment_methods[payment?.payment_method_id ?? '']).toBeDefined();
      if (order.status === 'cancelled') {
        expect(rest).toEqual([{ transaction_type: 'refund', amount: total, payment_method_id: payment?.payment_method_id }]);
        expect(['no longer needed', 'ordered by mistake']).toContain(order.cancel_reason);
      } else {
        expect(rest).toEqual([]);
        expect(order.cancel_reason).toBeUndefined();
      }
    }
  });

  it('ships processed and delivered orders with 12-digit tracking ids covering every item, and nothing else', () => {
    const trackingIds: string[] = [];
    for (const order of Object.values(store.orders)) {
      if (order.status === 'processed' || order.status === 'delivered') {
        expect(order.fulfillments.length).toBeGreaterThanOrEqual(1);
        expect(order.fulfillments.flatMap((fulfillment) => fulfillment.item_ids).sort()).toEqual(order.items.map((item) => item.item_id).sort());
        for (const fulfillment of order.fulfillments) {
          for (const id of fulfillment.tracking_id) expect(id).toMatch(/^\d{12}$/);
          trackingIds.push(...fulfillment.tracking_id);
        }
      } else {
        expect(order.fulfillments).toEqual([]);
      }
    }
    expect(new Set(trackingIds).size).toBe(trackingIds.length);
  });

  it('mixes statuses roughly as τ-bench does (42% pending, 37% delivered, 10% processed, 10% cancelled)', () => {
    const counts: Record<string, number> = {};
    for (const order of Object.values(store.orders)) counts[order.status] = (counts[order.status] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(['cancelled', 'delivered', 'pending', 'processed']);
    expect(counts.pending).toBeGreaterThan(350);
    expect(counts.pending).toBeLessThan(500);
    expect(counts.delivered).toBeGreaterThan(300);
    expect(counts.delivered).toBeLessThan(450);
    expect(counts.processed).toBeGreaterThan(60);
    expect(counts.processed).toBeLessThan(150);
    expect(counts.cancelled).toBeGreaterThan(60);
    expect(counts.cancelled).toBeLessThan(150);
  });

  it('honors the requested sizes and rejects invalid ones with INVALID_INPUT', () => {
    const small = generateStore({ seed: 1, users: 3, orders: 0 });
    expect(Object.keys(small.users)).toHaveLength(3);
    expect(Object.keys(small.orders)).toHaveLength(0);
    for (const options of [{ users: 0 }, { users: 2.5 }, { orders: -1 }, { seed: Number.NaN }]) {
      let caught: unknown;
      try {
        generateStore(options);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidInputError);
      expect(caught).toMatchObject({ code: 'INVALID_INPUT' });
    }
  });
});
