import { describe, expect, it } from 'vitest';
import type { QualityReviewInput } from '../domain/quality.js';
import { reviewReply } from './review.js';
import { EMPATHY_OPENER } from './tone.js';

const user = {
  user_id: 'ana_lee_1234',
  name: { first_name: 'Ana', last_name: 'Lee' },
  email: 'ana.lee1234@example.com',
  payment_methods: { credit_card_1: { source: 'credit_card', id: 'credit_card_1', brand: 'visa', last_four: '9212' } },
  orders: ['#W1234567'],
};
const order = {
  order_id: '#W1234567',
  user_id: 'ana_lee_1234',
  status: 'processed',
  items: [
    { name: 'Water Bottle', product_id: '8310926033', item_id: '1434748144', price: 1000.5, options: { capacity: '750ml' } },
    { name: 'Tea Kettle', product_id: '9832717871', item_id: '4238115171', price: 380.29, options: { material: 'glass' } },
  ],
  fulfillments: [{ tracking_id: ['123456789012'], item_ids: ['1434748144', '4238115171'] }],
  payment_history: [{ transaction_type: 'payment', amount: 1380.79, payment_method_id: 'credit_card_1' }],
};
const ticket = { id: 'T-66185D7C', priority: 'normal', createdAt: '2026-11-20T09:00:00.000Z', slaDueAt: '2026-11-21T09:00:00.000Z' };
const article = 'You can return items within 30 days of delivery. Refunds to a card take 5–7 business days. Call 1-800-555-0142 or write to support@demo-store.example.';

function review(reply: string, overrides: Partial<QualityReviewInput> = {}): ReturnType<typeof reviewReply> {
  return reviewReply({
    reply,
    evidence: { toolOutputs: [user, order, ticket], knowledgeTexts: [article], conversationTexts: ['Where is my order W1234567? I ordered it on March 3.', 'ana.lee1234@example.com'] },
    customerEmails: [user.email],
    sentiment: { label: 'neutral', frustration: 0.1 },
    subtasks: [{ intent: 'track_order', text: 'Where is my order?' }],
    answeredIntents: ['track_order'],
    ...overrides,
  });
}

const codes = (reply: string, overrides: Partial<QualityReviewInput> = {}): string[] => review(reply, overrides).issues.map((issue) => issue.code);
const lead = 'Order #W1234567 is processed.';

describe('reviewReply: every issue code fires on a bad draft and stays quiet on a good one', () => {
  const cases: { code: string; bad: string; good: string; overrides?: Partial<QualityReviewInput> }[] = [
    { code: 'UNGROUNDED_AMOUNT', bad: `${lead} You paid $1,380.97.`, good: `${lead} You paid $1,380.79.` },
    { code: 'UNGROUNDED_ORDER_ID', bad: 'Order #W1234568 is processed.', good: 'Order W1234567 is processed.' },
    { code: 'UNGROUNDED_ORDER_STATUS', bad: 'Order #W1234567 is delivered.', good: 'Order #W1234567 (status: processed) is not delivered yet.' },
    { code: 'UNGROUNDED_DATE', bad: `${lead} It arrives on March 9.`, good: `${lead} You ordered it on March 3.` },
    { code: 'UNGROUNDED_TRACKING_ID', bad: `${lead} Tracking number 123456789013.`, good: `${lead} Tracking number 123456789012.` },
    { code: 'UNGROUNDED_ITEM_ID', bad: `${lead} The bottle is item 1434748145.`, good: `${lead} The bottle is item 1434748144.` },
    { code: 'UNGROUNDED_ID', bad: `${lead} Reference 55512345.`, good: lead },
    { code: 'UNGROUNDED_TICKET_ID', bad: `${lead} Your ticket is T-66185D7D.`, good: `${lead} Your ticket is T-66185D7C.` },
    { code: 'UNGROUNDED_PHONE', bad: `${lead} Call us at 1-800-555-0199.`, good: `${lead} Call us at 1-800-555-0142.` },
    { code: 'UNGROUNDED_CARD', bad: `${lead} It was charged to your Visa ending 9213.`, good: `${lead} It was charged to your Visa ending 9212.` },
    { code: 'UNGROUNDED_POLICY_CLAIM', bad: `${lead} You can return it within 60 days.`, good: `${lead} You can return it within 30 days.` },
    { code: 'FOREIGN_PII', bad: `${lead} A copy went to bob.stone@example.com.`, good: `${lead} A copy went to ana.lee1234@example.com; questions go to support@demo-store.example.` },
    { code: 'INTERNAL_LEAK', bad: `${lead} [internal] customer seems upset.`, good: lead },
    { code: 'UNSUPPORTED_PROMISE', bad: `${lead} I promise it arrives this week.`, good: `${lead} I can't promise a delivery day.` },
    { code: 'TONE_UNPROFESSIONAL', bad: `${lead} As I already told you, check the tracking.`, good: `${lead} You can check the tracking at any time.` },
    { code: 'TONE_TOO_CASUAL', bad: `Hey there! ${lead}`, good: `Hello, ${lead}`, overrides: { accountFlags: ['vip'] } },
    { code: 'TONE_NO_EMPATHY', bad: lead, good: `I'm sorry for the wait. ${lead}`, overrides: { sentiment: { label: 'negative', frustration: 0.8 } } },
    { code: 'INCOMPLETE_SUBTASK', bad: lead, good: lead, overrides: { subtasks: [{ intent: 'track_order', text: 'where' }, { intent: 'get_refund', text: 'refund' }] } },
  ];

  for (const { code, bad, good, overrides } of cases) {
    it(code, () => {
      expect(codes(bad, overrides)).toContain(code);
      const goodOverrides = code === 'INCOMPLETE_SUBTASK' ? { ...overrides, answeredIntents: ['track_order', 'get_refund'] } : overrides;
      expect(codes(good, goodOverrides)).toEqual([]);
    });
  }
});

describe('reviewReply: grounding normalization', () => {
  it('accepts amounts in any format, order ids with or without #, and the sum of a payment history', () => {
    for (const amount of ['$1,380.79', '$1380.79', '1380.79 USD', 'USD 1,380.79', '1,380.79 dollars']) expect(codes(`${lead} Total: ${amount}.`)).toEqual([]);
    for (const id of ['#W1234567', 'W1234567', 'w1234567']) expect(codes(`Order ${id} is processed.`)).toEqual([]);
    const split = { ...order, payment_history: [{ transaction_type: 'payment', amount: 1000.5 }, { transaction_type: 'payment', amount: 380.29 }] };
    expect(review(`${lead} Order total paid: $1,380.79.`, { evidence: { toolOutputs: [split], knowledgeTexts: [], conversationTexts: [] } }).verdict).toBe('approve');
  });

  it('grounds the bridge wait in the ticket timestamps and the customer-given order number in the conversation', () => {
    expect(codes("I've passed this to our team. Your ticket is T-66185D7C (priority normal). Expect a reply within 24 hours.")).toEqual([]);
    expect(codes("I couldn't find order 998877 on your account.", { evidence: { toolOutputs: [user], knowledgeTexts: [], conversationTexts: ['my order 998877 never came'] } })).toEqual([]);
  });

  it('names the wrong fact, not the right ones around it', () => {
    const issues = review(`${lead} Tracking number 123456789012. You paid $1,380.78.`).issues;
    expect(issues.map((issue) => issue.fact)).toEqual(['$1,380.78']);
    expect(issues[0]?.message).not.toContain('1,380.78');
  });
});

describe('reviewReply: verdicts', () => {
  it('approves a grounded reply', () => {
    expect(review(`${lead}\nTracking number 123456789012: Water Bottle (750ml); Tea Kettle (glass).\nOrder total paid: $1,380.79.`)).toEqual({ verdict: 'approve', issues: [], reviewer: 'rules' });
  });

  it('revises by dropping the sentence with the ungrounded fact, and the revision passes review', () => {
    const draft = `${lead}\nTracking number 123456789012: Water Bottle (750ml); Tea Kettle (glass).\nOrder total paid: $1,380.97.`;
    const result = review(draft);
    expect(result.verdict).toBe('revise');
    expect(result.revisedReply).toBe(`${lead}\nTracking number 123456789012: Water Bottle (750ml); Tea Kettle (glass).`);
    expect(review(result.revisedReply ?? '').verdict).toBe('approve');
  });

  it('blocks a wrong order id, other customers’ data and internal text', () => {
    expect(review('Order #W7654321 is processed. Tracking number 123456789012.').verdict).toBe('block');
    expect(review(`${lead} Their email is bob.stone@example.com.`, { evidence: { toolOutputs: [order, { email: 'bob.stone@example.com' }], knowledgeTexts: [], conversationTexts: [] } }).verdict).toBe('block');
    expect(review(`${lead} See prompts/orders@1 for details.`).verdict).toBe('block');
  });

  it('blocks when dropping would leave nothing that answers', () => {
    expect(review('You paid $1,380.97.').verdict).toBe('block');
    expect(review("I'm sorry for the trouble. You paid $1,380.97.").verdict).toBe('block');
    expect(review('Refunds issued for order #W1234567:\n- $12.34 to your Visa').verdict).toBe('block');
    expect(review(`${lead} It is $1.11. And $2.22. And $3.33.`).verdict).toBe('block');
  });

  it('adds an empathy opener for a frustrated customer, and the revision passes review', () => {
    const input = { sentiment: { label: 'negative', frustration: 0.9 } } as const;
    const result = review(`${lead} Tracking number 123456789012.`, input);
    expect(result.verdict).toBe('revise');
    expect(result.revisedReply).toBe(`${EMPATHY_OPENER} ${lead} Tracking number 123456789012.`);
    expect(review(result.revisedReply ?? '', input).verdict).toBe('approve');
  });

  it('combines a sentence drop and an opener into one revision that passes review', () => {
    const input = { sentiment: { label: 'neutral', frustration: 0.7 } } as const;
    const result = review(`${lead}\nTracking number 123456789013.\nOrder total paid: $1,380.79.`, input);
    expect(result.issues.map((issue) => issue.code)).toEqual(['UNGROUNDED_TRACKING_ID', 'TONE_NO_EMPATHY']);
    expect(result.revisedReply).toBe(`${EMPATHY_OPENER}\n${lead}\nOrder total paid: $1,380.79.`);
    expect(review(result.revisedReply ?? '', input).verdict).toBe('approve');
  });

  it('asks for a rewrite (revise without revisedReply) when only the agent can fix it', () => {
    const incomplete = review(lead, { subtasks: [{ intent: 'get_refund', text: 'refund please' }], answeredIntents: [] });
    expect(incomplete).toMatchObject({ verdict: 'revise', issues: [{ code: 'INCOMPLETE_SUBTASK', fact: 'get_refund' }] });
    expect(incomplete.revisedReply).toBeUndefined();
    expect(review('I guarantee it.').revisedReply).toBeUndefined();
  });

  it('drops a promise or an unprofessional sentence when the rest answers', () => {
    expect(review(`${lead} I promise it will be there soon.`).revisedReply).toBe(lead);
    expect(review(`${lead} Calm down, it is on its way.`).revisedReply).toBe(lead);
  });

  it('respects maxSentenceRemovals', () => {
    const draft = `${lead} Tracking number 123456789012. It is $1.11. Also $2.22.`;
    expect(review(draft).verdict).toBe('revise');
    expect(reviewReply({ ...baseInput(draft) }, { maxSentenceRemovals: 1 }).verdict).toBe('block');
  });

  it('accepts desk addresses given as options and never throws on an empty reply', () => {
    expect(reviewReply({ ...baseInput('Write to help@desk.example.'), evidence: { toolOutputs: [], knowledgeTexts: [], conversationTexts: [] } }, { deskEmails: ['help@desk.example'] }).verdict).toBe('approve');
    expect(review('', { sentiment: { label: 'negative', frustration: 1 } }).verdict).toBe('approve');
  });

  it('lowers the empathy threshold for flagged accounts', () => {
    const sentiment = { label: 'neutral', frustration: 0.5 } as const;
    expect(codes(lead, { sentiment })).toEqual([]);
    expect(codes(lead, { sentiment, accountFlags: ['vip'] })).toEqual(['TONE_NO_EMPATHY']);
  });
});

function baseInput(reply: string): QualityReviewInput {
  return {
    reply,
    evidence: { toolOutputs: [user, order], knowledgeTexts: [article], conversationTexts: [] },
    customerEmails: [user.email],
    sentiment: { label: 'neutral', frustration: 0 },
    subtasks: [],
    answeredIntents: [],
  };
}
