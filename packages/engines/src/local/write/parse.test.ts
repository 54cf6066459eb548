import { describe, expect, it } from 'vitest';
import type { Order, Product, User } from '@switchboard/core';
import { parseAddress } from './address.js';
import { parseReason } from './collect.js';
import { detectWriteKind } from './detect.js';
import { chooseVariant, findItemMentions } from './items.js';
import { findPaymentMethod } from './payment.js';
import { isAffirmative, isNegative } from './text.js';

const variant = (itemId: string, options: Record<string, string>, price: number) => ({ item_id: itemId, options, price, available: price !== 70 });
const mouse: Product = {
  name: 'Gaming Mouse', product_id: 'p_mouse',
  variants: {
    m1: variant('m1', { color: 'black', 'sensor type': 'laser', connectivity: 'wired' }, 54.41),
    m2: variant('m2', { color: 'white', 'sensor type': 'optical', connectivity: 'wired' }, 49.01),
    m3: variant('m3', { color: 'white', 'sensor type': 'optical', connectivity: 'wireless' }, 60.12),
    m4: variant('m4', { color: 'RGB', 'sensor type': 'laser', connectivity: 'wired' }, 70), // $70: the one unavailable variant
  },
};
const shelf: Product = {
  name: 'Bookshelf', product_id: 'p_shelf',
  variants: { b1: variant('b1', { material: 'metal', height: '4 ft' }, 467.86), b2: variant('b2', { material: 'glass', height: '5 ft' }, 537.01) },
};
const glasses: Product = {
  name: 'Sunglasses', product_id: 'p_glasses',
  variants: { s1: variant('s1', { 'frame color': 'black', 'lens color': 'brown' }, 290.94), s2: variant('s2', { 'frame color': 'brown', 'lens color': 'brown' }, 295), s3: variant('s3', { 'frame color': 'black', 'lens color': 'black' }, 280) },
};
const boots: Product = {
  name: 'Hiking Boots', product_id: 'p_boots',
  variants: { h1: variant('h1', { size: '10', waterproof: 'yes' }, 200), h2: variant('h2', { size: '11', waterproof: 'no' }, 190) },
};
const products = new Map([mouse, shelf, glasses, boots].map((product) => [product.product_id, product]));
const item = (product: Product, itemId: string) => {
  const chosen = product.variants[itemId]!;
  return { name: product.name, product_id: product.product_id, item_id: itemId, price: chosen.price, options: chosen.options };
};
const order: Order = {
  order_id: '#W1234567', user_id: 'u1', status: 'delivered', fulfillments: [],
  address: { address1: '1 Elm Street', address2: '', city: 'Denver', state: 'CO', zip: '80218', country: 'USA' },
  items: [item(mouse, 'm1'), item(shelf, 'b1'), item(glasses, 's1'), item(boots, 'h1')],
  payment_history: [{ transaction_type: 'payment', amount: 1000, payment_method_id: 'credit_card_1' }],
};
const user: User = {
  user_id: 'u1', name: { first_name: 'Ada', last_name: 'Lovelace' }, email: 'ada@example.com', orders: [order.order_id], address: order.address,
  payment_methods: {
    credit_card_1: { source: 'credit_card', id: 'credit_card_1', brand: 'visa', last_four: '4242' },
    credit_card_2: { source: 'credit_card', id: 'credit_card_2', brand: 'mastercard', last_four: '9212' },
    paypal_1: { source: 'paypal', id: 'paypal_1' },
    gift_card_1: { source: 'gift_card', id: 'gift_card_1', balance: 40 },
  },
};

describe('items by name and options', () => {
  it('reads each product named, the options of the item they have, and the options they want after "for"/"to"', () => {
    const mentions = findItemMentions('I want to exchange my black laser gaming mouse for a white optical one, and the 4 ft metal Bookshelf to a 5 ft glass one.', { order, products });
    expect(mentions).toMatchObject([
      { productId: 'p_mouse', oldOptions: { color: 'black', 'sensor type': 'laser' }, newOptions: { color: 'white', 'sensor type': 'optical' }, same: false },
      { productId: 'p_shelf', oldOptions: { height: '4 ft', material: 'metal' }, newOptions: { height: '5 ft', material: 'glass' } },
    ]);
  });

  it('reads "instead of", values two options share next to their names, numbers only next to their option, and yes/no options', () => {
    expect(findItemMentions('I want a white optical Gaming Mouse instead of my black one', { order, products })[0]).toMatchObject({ newOptions: { color: 'white', 'sensor type': 'optical' }, oldOptions: { color: 'black' } });
    expect(findItemMentions('the sunglasses to frame color: brown, lens color: brown', { order, products })[0]?.newOptions).toEqual({ 'frame color': 'brown', 'lens color': 'brown' });
    expect(findItemMentions('the hiking boots (size 10, waterproof) for a size 11, not waterproof one', { order, products })[0]).toMatchObject({ oldOptions: { size: '10', waterproof: 'yes' }, newOptions: { size: '11', waterproof: 'no' } });
    expect(findItemMentions('the Gaming Mouse for the exact same one', { order, products })[0]?.same).toBe(true);
  });

  it('chooses the wanted variant: the item with the said options replaced, the only available fit, or says why not', () => {
    const owned = order.items[0]!;
    expect(chooseVariant({ item: owned, product: mouse, wanted: { color: 'white', 'sensor type': 'optical' }, same: false })).toMatchObject({ ok: true, variant: { item_id: 'm2' } });
    expect(chooseVariant({ item: owned, product: mouse, wanted: { connectivity: 'wireless' }, same: false })).toMatchObject({ ok: true, variant: { item_id: 'm3' } });
    expect(chooseVariant({ item: owned, product: mouse, wanted: { color: 'white' }, same: false })).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(chooseVariant({ item: owned, product: mouse, wanted: { color: 'RGB' }, same: false })).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(chooseVariant({ item: owned, product: mouse, wanted: {}, same: true })).toMatchObject({ ok: true, variant: { item_id: 'm1' } });
    expect(chooseVariant({ item: owned, product: mouse, wanted: {}, same: false })).toMatchObject({ ok: false, reason: 'unspecified' });
  });
});

describe('payment methods in words', () => {
  it('finds PayPal, a card by brand or last four, a gift card, the original method, and the "to" side of "from X to Y"', () => {
    const find = (text: string) => findPaymentMethod(text, { user, order });
    expect(find('use my PayPal please')).toEqual({ id: 'paypal_1' });
    expect(find('the credit card ending 9212')).toEqual({ id: 'credit_card_2' });
    expect(find('my Visa card')).toEqual({ id: 'credit_card_1' });
    expect(find('put it on my gift card')).toEqual({ id: 'gift_card_1' });
    expect(find('to the original payment method')).toEqual({ id: 'credit_card_1' });
    expect(find('switch it from PayPal to my gift card')).toEqual({ id: 'gift_card_1' });
    expect(find('my credit card')).toEqual({ ambiguous: ['credit_card_1', 'credit_card_2'] });
    expect(find('the blue one')).toBeUndefined();
  });
});

describe('addresses, reasons, yes and no, and the action named', () => {
  it('reads an address written out, labelled, or after other words, without trailing words in the country', () => {
    const expected = { address1: '320 Cedar Avenue', address2: 'Suite 116', city: 'San Antonio', state: 'TX', zip: '78219', country: 'USA' };
    expect(parseAddress('ship it to 320 Cedar Avenue, Suite 116, San Antonio, TX 78219, USA instead.', 'USA')).toEqual(expected);
    expect(parseAddress('zip 80218. Please send order #W1234567 to 320 Cedar Avenue, Suite 116, San Antonio, TX 78219', 'USA')).toEqual(expected);
    expect(parseAddress('address line 1: 320 Cedar Avenue, address line 2: Suite 116, city: San Antonio, state: TX, zip code: 78219, country: USA instead', 'USA')).toEqual(expected);
    expect(parseAddress('320 Cedar Avenue, San Antonio, TX 78219', 'USA')).toEqual({ ...expected, address2: '' });
    expect(parseAddress('somewhere in Texas', 'USA')).toBeUndefined();
  });

  it('reads the cancellation reason, an explicit yes, and a no that is not "no longer needed"', () => {
    expect(parseReason('I ordered it by mistake')).toBe('ordered by mistake');
    expect(parseReason("I don't need it anymore")).toBe('no longer needed');
    expect(parseReason('just because')).toBeUndefined();
    expect(isAffirmative('Yes, please go ahead.')).toBe(true);
    expect(isAffirmative('yes but change the color')).toBe(false);
    expect(isAffirmative('ok')).toBe(false);
    expect(isNegative('No, that is not right')).toBe(true);
    expect(isNegative('No longer needed.')).toBe(false);
  });

  it('names the write action a message asks for in so many words', () => {
    const kind = (text: string, namesProduct = false) => detectWriteKind(text, { namesProduct });
    expect(kind('please cancel my order #W1234567')).toBe('cancel');
    expect(kind('what is your cancellation fee for an order?')).toBeUndefined();
    expect(kind('I want to return the lamp')).toBe('return');
    expect(kind("what's your return policy?")).toBeUndefined();
    expect(kind('Can I switch the payment for order #W1234567 to PayPal?')).toBe('modify_payment');
    expect(kind('I need order #W1234567 shipped to 1 Elm Street, Denver, CO 80218')).toBe('order_address');
    expect(kind('change the lamp to a white one', true)).toBe('modify_items');
  });
});
