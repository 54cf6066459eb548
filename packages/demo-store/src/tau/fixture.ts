/**
 * A tiny store in τ-bench retail shapes, for tests of the write tools, the τ import and the
 * tau-tools eval: two customers, four orders (pending, delivered, processed, and another
 * customer's pending one), two products.
 */
import type { Order, Product, StoreSnapshot, User } from '@switchboard/core';

const address = (zip: string) => ({ address1: '101 Elm Street', address2: 'Suite 4', city: 'Denver', country: 'USA', state: 'CO', zip });

const tShirt: Product = {
  name: 'T-Shirt',
  product_id: '9523456873',
  variants: {
    '1111111111': { item_id: '1111111111', options: { color: 'blue', size: 'M' }, available: true, price: 50.88 },
    '2222222222': { item_id: '2222222222', options: { color: 'red', size: 'M' }, available: true, price: 53.43 },
    '3333333333': { item_id: '3333333333', options: { color: 'green', size: 'M' }, available: false, price: 49.67 },
  },
};

const bottle: Product = {
  name: 'Water Bottle',
  product_id: '8310926033',
  variants: {
    '4444444444': { item_id: '4444444444', options: { capacity: '500ml' }, available: true, price: 20.25 },
    '5555555555': { item_id: '5555555555', options: { capacity: '1000ml' }, available: true, price: 30.1 },
  },
};

const ada: User = {
  user_id: 'ada_lovelace_1234',
  name: { first_name: 'Ada', last_name: 'Lovelace' },
  address: address('80218'),
  email: 'ada.lovelace1234@example.com',
  payment_methods: {
    credit_card_1111111: { source: 'credit_card', brand: 'visa', last_four: '4242', id: 'credit_card_1111111' },
    gift_card_2222222: { source: 'gift_card', balance: 10, id: 'gift_card_2222222' },
    paypal_3333333: { source: 'paypal', id: 'paypal_3333333' },
  },
  orders: ['#W1000001', '#W1000002', '#W1000003'],
};

const grace: User = {
  user_id: 'grace_hopper_5678',
  name: { first_name: 'Grace', last_name: 'Hopper' },
  address: address('10001'),
  email: 'grace.hopper5678@example.com',
  payment_methods: { gift_card_4444444: { source: 'gift_card', balance: 100, id: 'gift_card_4444444' } },
  orders: ['#W2000001'],
};

const item = (product: Product, itemId: string) => {
  const variant = product.variants[itemId]!;
  return { name: product.name, product_id: product.product_id, item_id: itemId, price: variant.price, options: { ...variant.options } };
};

const orders: Order[] = [
  {
    order_id: '#W1000001',
    user_id: ada.user_id,
    address: address('80218'),
    items: [item(tShirt, '1111111111'), item(bottle, '4444444444')],
    fulfillments: [],
    status: 'pending',
    payment_history: [{ transaction_type: 'payment', amount: 71.13, payment_method_id: 'credit_card_1111111' }],
  },
  {
    order_id: '#W1000002',
    user_id: ada.user_id,
    address: address('80218'),
    items: [item(tShirt, '1111111111'), item(tShirt, '1111111111'), item(bottle, '5555555555')],
    fulfillments: [{ tracking_id: ['123456789012'], item_ids: ['1111111111', '1111111111', '5555555555'] }],
    status: 'delivered',
    payment_history: [{ transaction_type: 'payment', amount: 131.86, payment_method_id: 'paypal_3333333' }],
  },
  {
    order_id: '#W1000003',
    user_id: ada.user_id,
    address: address('80218'),
    items: [item(bottle, '4444444444')],
    fulfillments: [{ tracking_id: ['223456789012'], item_ids: ['4444444444'] }],
    status: 'processed',
    payment_history: [{ transaction_type: 'payment', amount: 20.25, payment_method_id: 'gift_card_2222222' }],
  },
  {
    order_id: '#W2000001',
    user_id: grace.user_id,
    address: address('10001'),
    items: [item(tShirt, '2222222222')],
    fulfillments: [],
    status: 'pending',
    payment_history: [{ transaction_type: 'payment', amount: 53.43, payment_method_id: 'gift_card_4444444' }],
  },
];

/**
 * A fresh copy of the fixture store. Ada (`ada_lovelace_1234`) has a pending order `#W1000001`
 * paid by card, a delivered `#W1000002` (two blue T-shirts and a bottle, PayPal), a processed
 * `#W1000003` (gift card) and gift card `gift_card_2222222` with $10; Grace (`grace_hopper_5678`)
 * has a pending `#W2000001` paid with her $100 gift card. T-shirt item `3333333333` is unavailable.
 */
export function tauFixtureSnapshot(): StoreSnapshot {
  return structuredClone({
    users: { [ada.user_id]: ada, [grace.user_id]: grace },
    orders: Object.fromEntries(orders.map((order) => [order.order_id, order])),
    products: { [tShirt.product_id]: tShirt, [bottle.product_id]: bottle },
  });
}
