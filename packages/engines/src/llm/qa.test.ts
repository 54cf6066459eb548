/**
 * The QA judge combined with the rules reviewer, applied to drafted replies, and streaming of the
 * final reply (issue 7 items 2 and 6).
 */
import { describe, expect, it } from 'vitest';
import type { QualityReviewInput } from '@switchboard/core';
import { createCircuitBreakers } from '@switchboard/core';
import { createManualClock } from '@switchboard/core/testing';
import { resolveLlmConfig } from './config.js';
import { createLlmQualityReviewer } from './judge.js';
import { createCostLedger, type LedgerEvent } from './ledger.js';
import { createModelBinder } from './models.js';
import { reply } from './scripted.js';
import type { ReplyStreamEvent } from './streaming.js';
import { agentAnswer, createHarness, mockModel, ORDER, promptText, triageAnswer } from './test-fixtures.js';
import type { LanguageModelV3 } from './types.js';

function reviewer(qa: LanguageModelV3) {
  const ledger = createCostLedger({ conversationTokenBudget: 100_000 });
  const config = resolveLlmConfig({ settings: { roles: { qa: { engine: 'llm' } } }, providedModels: ['qa'] });
  const models = createModelBinder({ config, env: {}, ledger, breakers: createCircuitBreakers({ clock: createManualClock(), failureThreshold: 3, cooldownMs: 1000 }), models: { qa } });
  return Object.assign(createLlmQualityReviewer({ models, ledger, policy: { returnWindowDays: 30 } }), { ledger });
}

const input = (text: string): QualityReviewInput => ({
  reply: text,
  evidence: { toolOutputs: [ORDER], knowledgeTexts: [], conversationTexts: ['where is #W1234567?'] },
  customerEmails: [],
  sentiment: { label: 'neutral', frustration: 0 },
  subtasks: [],
  answeredIntents: [],
});
const target = { conversationId: 'conv_1', agentId: 'orders' };

describe('the QA judge', () => {
  it('approves a grounded reply when both the rules and the judge approve', async () => {
    const qa = mockModel([reply.json({ verdict: 'approve', issues: [], revisedReply: null })]);
    const judge = reviewer(qa);
    const review = await judge.review(input('Order #W1234567 is delivered.'), target);
    expect(review).toEqual({ verdict: 'approve', issues: [], reviewer: 'rules+llm' });
    expect(promptText(qa.doGenerateCalls[0]!)).toContain('Order #W1234567 is delivered.');
    expect(judge.ledger.recentCalls()[0]).toMatchObject({ role: 'qa', agentId: 'orders', promptId: 'prompts/qa-judge@1' });
  });

  it('lets the stricter verdict win and keeps a judge revision only when the rules approve it', async () => {
    const qa = mockModel([
      reply.json({ verdict: 'revise', issues: [{ kind: 'tone', code: 'TONE_CURT', message: 'Too curt.', fact: null }], revisedReply: 'Thanks for waiting! Order #W1234567 is delivered.' }),
      reply.json({ verdict: 'revise', issues: [{ kind: 'tone', code: 'TONE_CURT', message: 'Too curt.', fact: null }], revisedReply: 'Order #W1234567 is delivered and will be refunded $99.00.' }),
    ]);
    const judge = reviewer(qa);
    const kept = await judge.review(input('Order #W1234567 is delivered.'), target);
    expect(kept).toMatchObject({ verdict: 'revise', revisedReply: 'Thanks for waiting! Order #W1234567 is delivered.', issues: [{ code: 'TONE_CURT' }] });
    const dropped = await judge.review(input('Order #W1234567 is delivered.'), target);
    expect(dropped.verdict).toBe('revise');
    expect(dropped.revisedReply).toBeUndefined();
  });

  it('never asks the judge when the rules block, and the rules stand when the judge fails', async () => {
    const unused = mockModel([]);
    const blocked = await reviewer(unused).review(input('Order #W7654321 is delivered.'), target);
    expect(blocked.verdict).toBe('block');
    expect(unused.doGenerateCalls).toHaveLength(0);

    const broken = mockModel([reply.text('not a review'), reply.text('still not')]);
    const fallback = await reviewer(broken).review(input('Order #W1234567 is delivered.'), target);
    expect(fallback).toMatchObject({ verdict: 'approve', reviewer: 'rules' });
  });
});

describe('QA and streaming on the desk', () => {
  it('applies a judge revision to the drafted reply and reports the review', async () => {
    const triage = mockModel([reply.json(triageAnswer('track_order'))]);
    const specialist = mockModel([reply.toolCall('get_order_status', { order_id: ORDER.order_id }), reply.json(agentAnswer('Order #W1234567 is delivered.'))]);
    const qa = mockModel([reply.json({ verdict: 'revise', issues: [{ kind: 'tone', code: 'TONE_CURT', message: 'Greet the customer.', fact: null }], revisedReply: 'Thanks for your patience. Order #W1234567 is delivered.' })]);
    const harness = await createHarness({ models: { triage, specialist, qa }, customerId: 'user_1' });
    const reviews: LedgerEvent[] = [];
    harness.engines.ledger.subscribe((event) => event.type === 'review' && reviews.push(event));
    const outcome = await harness.say('where is #W1234567');
    expect(outcome.replies[0]?.text).toBe('Thanks for your patience. Order #W1234567 is delivered.');
    expect(reviews).toHaveLength(1);
    // The judge saw the tool output as evidence.
    expect(promptText(qa.doGenerateCalls[0]!)).toContain('123456789012');
  });

  it('turns a blocked draft into an escalation, so it never reaches the customer', async () => {
    const triage = mockModel([reply.json(triageAnswer('track_order'))]);
    const specialist = mockModel([reply.json(agentAnswer('I have emailed the details to bob@elsewhere.example.'))]);
    const qa = mockModel([]);
    const harness = await createHarness({ models: { triage, specialist, qa }, customerId: 'user_1' });
    const outcome = await harness.say('where is my order');
    expect(outcome.outcome).toBe('escalated');
    expect(outcome.replies.map((message) => message.text).join(' ')).not.toContain('bob@elsewhere.example');
  });

  it('streams the reply live as the model writes it, then confirms the reviewed text', async () => {
    const events: ReplyStreamEvent[] = [];
    const triage = mockModel([reply.json(triageAnswer('track_order'))]);
    const specialist = mockModel([reply.toolCall('get_order_status', { order_id: ORDER.order_id }), reply.json(agentAnswer('Order #W1234567 is delivered.'))]);
    const harness = await createHarness({ models: { triage, specialist }, customerId: 'user_1', settings: { streaming: 'live' }, onReplyStream: (event) => events.push(event) });
    const outcome = await harness.say('where is #W1234567');
    const deltas = events.filter((event) => event.type === 'delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((event) => (event.type === 'delta' ? event.text : '')).join('')).toBe('Order #W1234567 is delivered.');
    expect(events.at(-1)).toEqual({ type: 'final', conversationId: harness.conversation.id, agentId: 'orders', text: 'Order #W1234567 is delivered.' });
    expect(outcome.replies[0]?.text).toBe('Order #W1234567 is delivered.');
    expect(specialist.doStreamCalls).toHaveLength(2);
  });

  it('streams only after review by default, and never in shadow mode', async () => {
    const events: ReplyStreamEvent[] = [];
    const triage = mockModel([reply.json(triageAnswer('track_order'))]);
    const specialist = mockModel([reply.json(agentAnswer('Could you share your order number?', { status: 'needs_info', awaiting: 'order_id' }))]);
    const harness = await createHarness({ models: { triage, specialist }, onReplyStream: (event) => events.push(event) });
    await harness.say('where is my order');
    expect(events).toEqual([{ type: 'final', conversationId: harness.conversation.id, agentId: 'orders', text: 'Could you share your order number?' }]);
    expect(specialist.doStreamCalls).toHaveLength(0);

    const shadowEvents: ReplyStreamEvent[] = [];
    const shadow = await createHarness({
      models: { triage: mockModel([reply.json(triageAnswer('track_order'))]), specialist: mockModel([reply.json(agentAnswer('Which order?', { status: 'needs_info' }))]) },
      onReplyStream: (event) => shadowEvents.push(event),
    });
    await shadow.ports.conversations.save({ ...shadow.conversation, autonomy: 'shadow' });
    await shadow.say('where is my order');
    expect(shadowEvents).toEqual([]);
  });
});
