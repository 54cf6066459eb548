import { EntitiesSchema } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../testing/fixtures.js';
import { createCatalogIndex } from './catalog.js';
import { extractEntities } from './extract.js';

const referenceDate = new Date('2024-03-15T12:00:00Z');
const entities = (text: string) => extractEntities(text, { referenceDate });

describe('order ids', () => {
  it('normalizes every accepted store format to #W + 7 digits', () => {
    const text = 'orders #W2611340, W1234567, order 7654321, order #1111111, order number 2222222 and #3333333';
    expect(entities(text).orderIds).toEqual(['#W2611340', '#W1234567', '#W7654321', '#W1111111', '#W2222222', '#W3333333']);
  });

  it('keeps other long digit runs after order words as written', () => {
    expect(entities('how can I cancel purchase 00123842?').orderIds).toEqual(['00123842']);
    expect(entities('I need invoice #85632').orderIds).toEqual(['85632']);
  });

  it('ignores short numbers, quantities and numbers without an order word', () => {
    expect(entities('I ordered 3 items, order 12 is wrong').orderIds).toEqual([]);
    expect(entities('my code is 2611340').orderIds).toEqual([]);
    expect(entities('#W261134 and W26113400').orderIds).toEqual([]);
  });

  it('deduplicates repeated ids', () => {
    expect(entities('order #W2611340 ... again, #W2611340').orderIds).toEqual(['#W2611340']);
  });
});

describe('emails and phone numbers', () => {
  it('finds emails (lowercased) without the trailing period', () => {
    expect(entities('write to Yusuf.Rossi@Example.com.').emails).toEqual(['yusuf.rossi@example.com']);
    expect(entities('no email @ here, not@valid').emails).toEqual([]);
  });

  it('finds formatted phone numbers and bare ones after a phone word', () => {
    expect(entities('call (555) 123-4567 or +44 20 7946 0958').phoneNumbers).toEqual(['5551234567', '+442079460958']);
    expect(entities('my phone is 5551234567').phoneNumbers).toEqual(['5551234567']);
  });

  it('does not read dates, order ids or amounts as phone numbers', () => {
    expect(entities('on 2024-03-14, order 2611340, $1,234.56, purchase 113542617735902').phoneNumbers).toEqual([]);
  });
});

describe('person names', () => {
  it.each([
    ['my name is Yusuf Rossi', 'Yusuf Rossi'],
    ['my name is yusuf rossi and my zip is 80279', 'Yusuf Rossi'],
    ['Hi, this is Mei Kovacs.', 'Mei Kovacs'],
    ["I'm Ava Moore", 'Ava Moore'],
    ['I am Mohamed Ali, zip 80279', 'Mohamed Ali'],
    ['Ava Moore here, I need help', 'Ava Moore'],
    ['get the bill from Mr. Jones', 'Mr. Jones'],
  ])('finds the name in %j', (text, name) => {
    expect(entities(text).personNames).toEqual([name]);
  });

  it.each(["I'm Very Upset", 'This is Ridiculous', 'this is Customer Service', "I'm waiting for my order", 'It is Urgent'])('finds no name in %j', (text) => {
    expect(entities(text).personNames).toEqual([]);
  });
});

describe('zip codes', () => {
  it('finds 5-digit zips after zip words, after a name, or as the whole message', () => {
    expect(entities('zip 80279').zipCodes).toEqual(['80279']);
    expect(entities('my zip code is 80279-1234').zipCodes).toEqual(['80279']);
    expect(entities('Yusuf Rossi 80279').zipCodes).toEqual(['80279']);
    expect(entities(' 80279 ').zipCodes).toEqual(['80279']);
  });

  it('ignores other 5-digit numbers', () => {
    expect(entities('I paid 12345 points for order 123456').zipCodes).toEqual([]);
    expect(entities('zip 8027').zipCodes).toEqual([]);
  });
});

describe('money amounts', () => {
  it('reads symbols, codes and currency words into cents', () => {
    expect(entities('$12.50, 12 dollars, €30, 30 EUR, USD 40, 12,50 €, 50 cents, $1,200').amounts).toEqual([
      { amountCents: 1250, currency: 'USD' },
      { amountCents: 1200, currency: 'USD' },
      { amountCents: 3000, currency: 'EUR' },
      { amountCents: 4000, currency: 'USD' },
      { amountCents: 1250, currency: 'EUR' },
      { amountCents: 50, currency: 'USD' },
      { amountCents: 120000, currency: 'USD' },
    ]);
  });

  it('reports nothing without a currency', () => {
    expect(entities('I expect a refund of 160 for 2 items').amounts).toEqual([]);
  });
});

describe('dates', () => {
  it('reads ISO, US numeric and month-name dates', () => {
    expect(entities('2024-03-01, 3/14/2024, March 3, 2024, 5th of May 2023, 25/12/2023').dates).toEqual([
      '2024-03-01',
      '2024-03-14',
      '2024-03-03',
      '2023-05-05',
      '2023-12-25',
    ]);
  });

  it('resolves relative dates and year-less dates against the reference date', () => {
    expect(entities('yesterday, last week, 3 days ago, two weeks ago, last Monday, Feb 2').dates).toEqual([
      '2024-03-14',
      '2024-03-08',
      '2024-03-12',
      '2024-03-01',
      '2024-03-11',
      '2024-02-02',
    ]);
  });

  it('skips relative dates without a reference date, and impossible dates', () => {
    expect(extractEntities('yesterday I ordered').dates).toEqual([]);
    expect(entities('2024-02-30 and 13/13/2024').dates).toEqual([]);
  });
});

describe('tracking ids', () => {
  it('finds long ids near the word tracking, not the order id', () => {
    expect(entities('tracking number 357962501027 for order #W2611340').trackingIds).toEqual(['357962501027']);
    expect(entities('357962501027 is my tracking number').trackingIds).toEqual(['357962501027']);
    expect(entities('tracking number 357962501027').orderIds).toEqual([]);
  });

  it('ignores long digit runs far from the word tracking', () => {
    expect(entities('purchase 357962501027. I like tracking my packages.').trackingIds).toEqual([]);
  });
});

describe('products', () => {
  const catalog = createCatalogIndex(PRODUCTS);

  it('matches names in singular or plural with option values said nearby', () => {
    expect(extractEntities('I want the red 750ml water bottle', { catalog }).products).toEqual([
      { productId: 'p-bottle', name: 'Water Bottle', options: { color: 'red', capacity: '750ml' } },
    ]);
    expect(extractEntities('two Water Bottles in blue', { catalog }).products).toEqual([
      { productId: 'p-bottle', name: 'Water Bottle', options: { color: 'blue' } },
    ]);
  });

  it('matches hyphen variants and needs the option name for short values', () => {
    expect(extractEntities('a tshirt, size M please', { catalog }).products).toEqual([
      { productId: 'p-tshirt', name: 'T-Shirt', options: { size: 'M' } },
    ]);
    expect(extractEntities('10 hiking boots', { catalog }).products[0]?.options).toEqual({});
    expect(extractEntities('hiking boots in size 10', { catalog }).products[0]?.options).toEqual({ size: '10' });
  });

  it('uses the head word only when unambiguous ("bottle" yes, "kettle" no)', () => {
    expect(extractEntities('my bottle leaks', { catalog }).products.map((product) => product.name)).toEqual(['Water Bottle']);
    expect(extractEntities('my kettle broke', { catalog }).products).toEqual([]);
    expect(extractEntities('my electric kettle broke', { catalog }).products.map((product) => product.name)).toEqual(['Electric Kettle']);
  });

  it('masks product names and the options said with them, for the classifier; strips catalog words, for the mood', () => {
    expect(catalog.maskProducts('Exchange the red 750ml Water Bottle (color red) for a blue one, please.')).toBe('exchange the item for a one, please.');
    expect(catalog.maskProducts('where is my order?')).toBe('where is my order?');
    expect(catalog.stripCatalogWords('The red water bottle is not great')).not.toMatch(/red|water|bottle/);
    expect(catalog.stripCatalogWords('The red water bottle is not great')).toMatch(/not great/);
  });

  it('finds nothing without a catalog or a mention', () => {
    expect(extractEntities('I want the red water bottle').products).toEqual([]);
    expect(extractEntities('I want a refund', { catalog }).products).toEqual([]);
  });
});

describe('extractEntities on odd input', () => {
  it.each(['', '🙂🙂🙂', '\u0000\u0007', 'x'.repeat(100_000), '注文 #W2611340 はどこですか'])('returns schema-valid entities for %#', (text) => {
    expect(EntitiesSchema.safeParse(extractEntities(text, { referenceDate })).success).toBe(true);
  });
});
