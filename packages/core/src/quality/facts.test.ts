import { describe, expect, it } from 'vitest';
import type { QualityEvidence } from '../domain/quality.js';
import { hasDate, indexEvidence, needsTextFacts } from './evidence.js';
import { extractFacts } from './facts.js';
import { dropSegments, splitSegments } from './segments.js';

const facts = (text: string): string[] => extractFacts(text).map((fact) => `${fact.kind}:${fact.key}`);
const evidence = (parts: Partial<QualityEvidence>): QualityEvidence => ({ toolOutputs: [], knowledgeTexts: [], conversationTexts: [], ...parts });

describe('extractFacts', () => {
  it('normalizes amounts in any format to cents', () => {
    expect(facts('$1,380.79, 1380.79 USD, USD 1380.79, 1,380.79 dollars, $5, €12.5, and 7.05')).toEqual([
      'amount:138079',
      'amount:138079',
      'amount:138079',
      'amount:138079',
      'amount:500',
      'amount:1250',
      'amount:705',
    ]);
  });

  it('reads τ-bench order ids with or without # and free-form order numbers', () => {
    expect(facts('Order #W1234567, w7654321 and order number AB-9912 and order 55501.')).toEqual(['order_id:W1234567', 'order_id:W7654321', 'order_id:AB9912', 'order_id:55501']);
    expect(facts('Order total paid and order status')).toEqual([]);
  });

  it('reads dates, weekdays and "tomorrow", but not the modal verb "may"', () => {
    expect(facts('Due 2026-11-21T10:00:00.000Z, by May 12, 2026, on 3 March, 11/22/2026, by Friday, or tomorrow.')).toEqual([
      'date:2026-11-21',
      'date:2026-05-12',
      'date:03-03',
      'date:2026-11-22',
      'date:weekday:friday',
      'date:relative:tomorrow',
    ]);
    expect(facts('You may 2 items return, on a Friday evening.')).toEqual([]);
  });

  it('canonicalizes durations so 24 hours = 1 day and 5–7 = 5-7 = five to seven', () => {
    expect(facts('within 24 hours or 1 day')).toEqual(['duration:1440-1440:min', 'duration:1440-1440:min']);
    expect(facts('5–7 business days, 5-7 working days, five to seven business days')).toEqual(['duration:5-7:bday', 'duration:5-7:bday', 'duration:5-7:bday']);
    expect(facts('a 12-month warranty, 1 year')).toEqual(['duration:12-12:mon', 'duration:12-12:mon']);
  });

  it('reads tracking and item ids, ticket ids, phones, emails, card endings and percentages', () => {
    expect(facts('Tracking 123456789012, item 1234567890, ticket T-66185D7C, call 1-800-555-0142, mail ana@example.com, Visa ending in 9212, 15% off')).toEqual([
      'long_id:123456789012',
      'long_id:1234567890',
      'ticket_id:T-66185D7C',
      'phone:8005550142',
      'email:ana@example.com',
      'card_last_four:9212',
      'percent:15',
    ]);
    expect(facts('a T-Shirt in size M')).toEqual([]);
  });
});

describe('indexEvidence', () => {
  it('walks tool JSON: money keys as cents, per-group sums, ids, durations from …Ms and timestamp pairs', () => {
    const index = indexEvidence(
      evidence({
        toolOutputs: [
          { order_id: '#W1234567', payment_history: [{ transaction_type: 'payment', amount: 1000.5 }, { transaction_type: 'payment', amount: 380.29 }, { transaction_type: 'refund', amount: 10 }] },
          { id: 'T-1', createdAt: '2026-11-20T09:00:00.000Z', slaDueAt: '2026-11-21T09:00:00.000Z', waitMs: 3_600_000 },
        ],
      }),
    );
    expect(index.cents.has(138079)).toBe(true);
    expect(index.cents.has(1000)).toBe(true);
    expect(index.tokens.has('W1234567')).toBe(true);
    expect(index.durations.has('1440-1440:min')).toBe(true);
    expect(index.durations.has('60-60:min')).toBe(true);
    expect(hasDate(index, '11-21')).toBe(true);
    expect(hasDate(index, '2025-11-21')).toBe(false);
  });

  it('keeps emails of tool outputs apart from emails the customer or an article gave', () => {
    const index = indexEvidence(evidence({ toolOutputs: [{ email: 'other@example.com' }], conversationTexts: ['I am me@example.com'], knowledgeTexts: ['Write to support@demo-store.example'] }));
    expect([...index.toolEmails]).toEqual(['other@example.com']);
    expect([...index.givenEmails].sort()).toEqual(['me@example.com', 'support@demo-store.example']);
  });

  it('without text facts keeps ids, digit runs, statuses and tool numbers, and skips dates and amounts written in texts', () => {
    const given = evidence({ toolOutputs: [{ order_id: '#W1234567', status: 'delivered', total: 12.5 }], conversationTexts: ['Paid $40.00 on March 3, order #W7654321'] });
    const index = indexEvidence(given, { textFacts: false });
    expect(index.textFacts).toBe(false);
    expect(index.tokens.has('W1234567') && index.tokens.has('W7654321')).toBe(true);
    expect(index.orderStatuses.get('W1234567')).toEqual(new Set(['delivered']));
    expect(index.cents.has(1250)).toBe(true);
    expect(index.cents.has(4000)).toBe(false);
    expect(hasDate(index, '03-03')).toBe(false);
    expect(indexEvidence(given).cents.has(4000)).toBe(true);
  });

  it('needs text facts exactly for replies stating an amount, date, duration, percentage, phone or email', () => {
    expect(needsTextFacts(extractFacts('Order #W1234567 is delivered.'))).toBe(false);
    expect(needsTextFacts(extractFacts('Your refund of $12.50 is on its way.'))).toBe(true);
    expect(needsTextFacts(extractFacts('It arrives within 5 business days.'))).toBe(true);
    expect(needsTextFacts(extractFacts('Write to help@demo-store.example.'))).toBe(true);
  });
});

describe('segments', () => {
  it('splits per line and sentence, not after abbreviations or inside amounts', () => {
    const text = 'Ship to 12 Oak St. Apt. 4 today. It costs $1,380.79. Done!\n\n- line two';
    expect(splitSegments(text).map((segment) => segment.text)).toEqual(['Ship to 12 Oak St. Apt. 4 today.', 'It costs $1,380.79.', 'Done!', '- line two']);
  });

  it('drops sentences and the lines they empty, keeping paragraph breaks', () => {
    const text = 'First. Second.\nThird line.\n\n(From our help article "X".)';
    const segments = splitSegments(text);
    expect(dropSegments({ text, segments, drop: new Set([1, 2]) })).toBe('First.\n\n(From our help article "X".)');
  });
});
