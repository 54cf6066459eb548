/** The cost ledger keeps the most recent calls for reports, oldest first, and never more than `keepCalls`. */
import { describe, expect, it } from 'vitest';
import { createCostLedger } from './ledger.js';

const call = (index: number) => ({ role: 'specialist' as const, conversationId: `conv_${index % 2}`, agentId: 'orders', provider: 'openai.responses', modelId: 'gpt-4o-mini', tokens: { input: 100, output: 10 }, latencyMs: index, attempts: 1 });

describe('createCostLedger', () => {
  it('keeps the last keepCalls calls, oldest first, while totals count every call', () => {
    const ledger = createCostLedger({ conversationTokenBudget: 1_000_000, keepCalls: 3 });
    for (let index = 1; index <= 7; index += 1) ledger.record(call(index));
    expect(ledger.recentCalls().map((record) => record.latencyMs)).toEqual([5, 6, 7]);
    expect(ledger.conversation('conv_1').calls).toBe(4);
    // gpt-4o-mini list price: $0.15 / $0.60 per million tokens, looked up once and applied to every call.
    expect(ledger.conversation('conv_0').costUsd).toBeCloseTo(3 * (100 * 0.15 + 10 * 0.6) / 1_000_000, 9);
  });
});

describe('createCostLedger memory', () => {
  it('keeps spend for the keepConversations most recently active conversations; a dropped one starts its budget over', () => {
    const ledger = createCostLedger({ conversationTokenBudget: 200, keepConversations: 2 });
    const spend = (conversationId: string) => ledger.record({ ...call(0), conversationId });
    spend('conv_a');
    spend('conv_a');
    expect(() => ledger.assertBudget('conv_a')).toThrow(/token budget/);
    spend('conv_b');
    ledger.assertBudget('conv_b'); // conv_b active; conv_a stays (budget checks count as activity too)
    expect(() => ledger.assertBudget('conv_a')).toThrow(/token budget/);
    spend('conv_c'); // the least recently active, conv_b, is dropped
    expect(ledger.conversation('conv_b')).toMatchObject({ calls: 0, remainingTokens: 200 });
    expect(ledger.conversation('conv_a')).toMatchObject({ calls: 2, remainingTokens: 0 });
    expect(ledger.conversation('conv_c')).toMatchObject({ calls: 1, remainingTokens: 90 });
  });
});

describe('createCostLedger options', () => {
  it('rejects a keepConversations that is not a positive integer', () => {
    expect(() => createCostLedger({ conversationTokenBudget: 100, keepConversations: 0 })).toThrow(RangeError);
    expect(() => createCostLedger({ conversationTokenBudget: 100, keepConversations: 1.5 })).toThrow(RangeError);
  });
});
