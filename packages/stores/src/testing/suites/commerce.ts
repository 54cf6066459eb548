/**
 * Conformance: {@link CommerceStore} — replace all, lookups, counts, compare-and-set changes. Each test replaces the whole
 * store first, so the tests do not depend on each other.
 */
import { describe, expect, it } from 'vitest';
import { order, product, snapshot, user } from '../fixtures.js';
import { expectCode } from '../context.js';
import type { SuiteContext } from '../context.js';

function sampleStore(context: SuiteContext) {
  const ada = user({ id: context.id('ada_lovelace'), firstName: 'Ada', lastName: 'Lovelace', email: 'Ada.Lovelace@Example.com', zip: '10001' });
  const grace = user({ id: context.id('grace_hopper'), firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', zip: '20002' });
  const adaOrder = order({ id: `#W${context.id('order')}`, userId: ada.user_id, extra: { exchange_items: ['item_1'], exchange_price_difference: -3.5 } });
  const graceOrder = order({ id: `#W${context.id('order')}`, userId: grace.user_id });
  const bottle = product(context.id('prod_b'), 'Water Bottle');
  const chair = product(context.id('prod_a'), 'Office Chair');
  return { ada, grace, adaOrder, graceOrder, bottle, chair, all: snapshot({ users: [ada, grace], orders: [adaOrder, graceOrder], products: [bottle, chair] }) };
}

export function describeCommerce(context: SuiteContext): void {
  describe('CommerceStore', () => {
    it('replaces the whole store and reads every record back', async () => {
      const { commerce } = context.database();
      const store = sampleStore(context);
      await commerce.dangerouslyReplaceAll(store.all);
      expect(await commerce.counts()).toEqual({ users: 2, orders: 2, products: 2 });
      expect(await commerce.getUser(store.ada.user_id)).toEqual(store.ada);
      expect(await commerce.getOrder(store.adaOrder.order_id)).toEqual(store.adaOrder);
      expect(await commerce.getProduct(store.chair.product_id)).toEqual(store.chair);
      expect(await commerce.listProducts()).toEqual([store.chair, store.bottle].sort((a, b) => a.product_id.localeCompare(b.product_id)));
      expect(await commerce.getUser(context.id('missing'))).toBeUndefined();
      expect(await commerce.getOrder(context.id('missing'))).toBeUndefined();
      expect(await commerce.getProduct(context.id('missing'))).toBeUndefined();
    });

    it('a second replace leaves only the new records', async () => {
      const { commerce } = context.database();
      const before = sampleStore(context);
      await commerce.dangerouslyReplaceAll(before.all);
      const after = sampleStore(context);
      await commerce.dangerouslyReplaceAll(snapshot({ users: [after.grace], orders: [], products: [after.bottle] }));
      expect(await commerce.counts()).toEqual({ users: 1, orders: 0, products: 1 });
      expect(await commerce.getUser(before.grace.user_id)).toBeUndefined();
      expect(await commerce.getOrder(before.adaOrder.order_id)).toBeUndefined();
      expect(await commerce.getUser(after.grace.user_id)).toEqual(after.grace);
    });

    it('finds a user by email, ignoring case and surrounding spaces', async () => {
      const { commerce } = context.database();
      const store = sampleStore(context);
      await commerce.dangerouslyReplaceAll(store.all);
      expect(await commerce.findUserIdByEmail('ada.lovelace@example.com')).toBe(store.ada.user_id);
      expect(await commerce.findUserIdByEmail('  ADA.LOVELACE@EXAMPLE.COM ')).toBe(store.ada.user_id);
      expect(await commerce.findUserIdByEmail('GRACE@example.com')).toBe(store.grace.user_id);
      expect(await commerce.findUserIdByEmail('nobody@example.com')).toBeUndefined();
    });

    it('finds a user by name (any case) and exact zip', async () => {
      const { commerce } = context.database();
      const store = sampleStore(context);
      await commerce.dangerouslyReplaceAll(store.all);
      expect(await commerce.findUserIdByNameZip({ firstName: 'ada', lastName: 'LOVELACE', zip: '10001' })).toBe(store.ada.user_id);
      expect(await commerce.findUserIdByNameZip({ firstName: 'Grace', lastName: 'Hopper', zip: '20002' })).toBe(store.grace.user_id);
      expect(await commerce.findUserIdByNameZip({ firstName: 'Ada', lastName: 'Lovelace', zip: '20002' })).toBeUndefined();
      expect(await commerce.findUserIdByNameZip({ firstName: 'Lovelace', lastName: 'Ada', zip: '10001' })).toBeUndefined();
    });

    it('rejects an invalid snapshot with INVALID_INPUT and keeps the current store', async () => {
      const { commerce } = context.database();
      const store = sampleStore(context);
      await commerce.dangerouslyReplaceAll(store.all);
      const broken = { ...store.all, orders: { ...store.all.orders, bad: { order_id: 'bad' } } };
      await expectCode(commerce.dangerouslyReplaceAll(broken as never), 'INVALID_INPUT');
      const misKeyed = { ...store.all, users: { someone_else: store.ada } };
      await expectCode(commerce.dangerouslyReplaceAll(misKeyed), 'INVALID_INPUT');
      expect(await commerce.counts()).toEqual({ users: 2, orders: 2, products: 2 });
    });

    it('applies changes to users and orders together, compare-and-set', async () => {
      const { commerce } = context.database();
      const store = sampleStore(context);
      await commerce.dangerouslyReplaceAll(store.all);
      const cancelled = { ...store.adaOrder, status: 'cancelled', cancel_reason: 'no longer needed', payment_history: [...store.adaOrder.payment_history, { transaction_type: 'refund' as const, amount: 47.84, payment_method_id: 'credit_card_1' }] };
      const moved = { ...store.ada, email: 'ada@new.example.com', address: { ...store.ada.address, zip: '99999' } };
      await commerce.applyChanges({ orders: [{ before: store.adaOrder, after: cancelled }], users: [{ before: store.ada, after: moved }] });
      expect(await commerce.getOrder(store.adaOrder.order_id)).toEqual(cancelled);
      expect(await commerce.getUser(store.ada.user_id)).toEqual(moved);
      expect(await commerce.findUserIdByEmail('ADA@new.example.com')).toBe(store.ada.user_id);
      expect(await commerce.findUserIdByNameZip({ firstName: 'Ada', lastName: 'Lovelace', zip: '99999' })).toBe(store.ada.user_id);
      expect(await commerce.findUserIdByEmail('ada.lovelace@example.com')).toBeUndefined();
    });

    it('keeps float amounts exactly and ignores key order when comparing before', async () => {
      const { commerce } = context.database();
      const store = sampleStore(context);
      await commerce.dangerouslyReplaceAll(store.all);
      const modified = { ...store.graceOrder, payment_history: [...store.graceOrder.payment_history, { transaction_type: 'payment' as const, amount: 142.31999999999994, payment_method_id: 'credit_card_1' }] };
      const reordered = Object.fromEntries(Object.entries(store.graceOrder).reverse()) as typeof store.graceOrder;
      await commerce.applyChanges({ orders: [{ before: reordered, after: modified }] });
      expect((await commerce.getOrder(store.graceOrder.order_id))?.payment_history[1]?.amount).toBe(142.31999999999994);
    });

    it('refuses a stale or missing before with a retryable CONFLICT and changes nothing', async () => {
      const { commerce } = context.database();
      const store = sampleStore(context);
      await commerce.dangerouslyReplaceAll(store.all);
      const first = { ...store.adaOrder, status: 'cancelled' };
      await commerce.applyChanges({ orders: [{ before: store.adaOrder, after: first }] });
      const renamed = { ...store.grace, email: 'g@example.com' };
      const lost = await expectCode(commerce.applyChanges({ users: [{ before: store.grace, after: renamed }], orders: [{ before: store.adaOrder, after: { ...store.adaOrder, status: 'return requested' } }] }), 'CONFLICT');
      expect(lost.isRetryable).toBe(true);
      expect(await commerce.getOrder(store.adaOrder.order_id)).toEqual(first);
      expect(await commerce.getUser(store.grace.user_id)).toEqual(store.grace);
      const ghost = { ...store.bottle, product_id: context.id('ghost') };
      await expectCode(commerce.applyChanges({ products: [{ before: ghost, after: ghost }] }), 'CONFLICT');
    });

    it('refuses an invalid after or a changed id with INVALID_INPUT', async () => {
      const { commerce } = context.database();
      const store = sampleStore(context);
      await commerce.dangerouslyReplaceAll(store.all);
      await expectCode(commerce.applyChanges({ orders: [{ before: store.adaOrder, after: { ...store.adaOrder, items: 'none' } as never }] }), 'INVALID_INPUT');
      await expectCode(commerce.applyChanges({ products: [{ before: store.chair, after: { ...store.chair, product_id: 'other' } }] }), 'INVALID_INPUT');
      expect(await commerce.getOrder(store.adaOrder.order_id)).toEqual(store.adaOrder);
    });

    it('replaces with an empty store', async () => {
      const { commerce } = context.database();
      await commerce.dangerouslyReplaceAll(sampleStore(context).all);
      await commerce.dangerouslyReplaceAll({ users: {}, orders: {}, products: {} });
      expect(await commerce.counts()).toEqual({ users: 0, orders: 0, products: 0 });
      expect(await commerce.listProducts()).toEqual([]);
    });
  });
}
