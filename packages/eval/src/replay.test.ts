import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, type Conversation, type TurnOutcome } from '@switchboard/core';
import { makeTriageDecision } from '@switchboard/core/testing';
import { readTextRows } from './data-files.js';
import { createPlaceholderFiller } from './placeholders.js';
import { replayRows, type ReplayDesk } from './replay.js';
import { percentile } from './stats.js';

/** A desk double: classifies by keyword, escalates "human", fails on "crash". */
function fakeDesk(): ReplayDesk & { seen: string[] } {
  const seen: string[] = [];
  let count = 0;
  return {
    seen,
    intentCategory: { track_order: 'ORDER', get_refund: 'REFUND' },
    startConversation: () => Promise.resolve({ id: `c${(count += 1)}` }),
    runTurn: ({ text }) => {
      seen.push(text);
      if (text === '') return Promise.reject(new InvalidInputError('MESSAGE_EMPTY', 'empty'));
      if (text.includes('crash')) return Promise.reject(new Error('boom'));
      const intent = text.includes('refund') ? 'get_refund' : text.includes('order') ? 'track_order' : 'none';
      const outcome: TurnOutcome['outcome'] = text.includes('human') ? 'escalated' : intent === 'none' ? 'clarify' : 'resolved';
      const author = intent === 'get_refund' ? 'returns' : 'orders';
      return Promise.resolve({
        turnId: 't', traceId: 'x', conversation: {} as Conversation, outcome, triage: makeTriageDecision({ intent }),
        message: { id: 'm', conversationId: 'c', role: 'customer', author: 'customer', text, createdAt: '' },
        replies: [{ id: 'r', conversationId: 'c', role: 'agent', author, text: 'ok', createdAt: '' }],
      });
    },
  };
}

describe('replayRows', () => {
  it('tallies outcomes, agents and route accuracy against category and intent labels', async () => {
    const desk = fakeDesk();
    const report = await replayRows({
      desk,
      rows: [
        { text: 'where is my order', label: 'ORDER' },
        { text: 'refund please', label: 'get_refund' },
        { text: 'order refund mixup', label: 'ORDER' },
        { text: 'a human now, about my order', label: 'ORDER' },
        { text: 'hello', label: 'UNKNOWN_LABEL' },
        { text: 'crash', label: 'ORDER' },
        { text: '' },
      ],
    });
    expect(report).toMatchObject({ n: 7, replied: 3, escalated: 1, clarified: 1, errors: 1, rejected: 1, errorCodes: ['INTERNAL'], routeLabeled: 4 });
    expect(report.routeAccuracy).toBe(0.75);
    expect(report.byAgent).toEqual({ orders: 3, returns: 2 });
  });

  it('fills Bitext placeholders with store values before sending', async () => {
    const desk = fakeDesk();
    const users = { u1: { user_id: 'u1', name: { first_name: 'Ava', last_name: 'Moore' }, address: { address1: '', address2: '', city: 'Austin', country: 'USA', state: 'TX', zip: '78701' }, email: 'ava@example.com', payment_methods: {}, orders: ['#W1234567'] } };
    await replayRows({ desk, rows: [{ text: 'track {{Order Number}} for {{Customer Name}}' }], prepare: createPlaceholderFiller({ users }) });
    expect(desk.seen).toEqual(['track #W1234567 for Ava Moore']);
  });
});

describe('readTextRows', () => {
  it('reads quoted CSV and JSONL, and names the columns when one is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-eval-'));
    writeFileSync(join(dir, 'a.csv'), 'utterance,category\n"hi, there ""you""",ORDER\nsecond,REFUND\n');
    writeFileSync(join(dir, 'b.jsonl'), '{"text":"one","label":"x"}\n\n{"text":"two","label":"y"}\n');
    expect(readTextRows(join(dir, 'a.csv'), { textColumn: 'utterance', labelColumn: 'category' })).toEqual([{ text: 'hi, there "you"', label: 'ORDER' }, { text: 'second', label: 'REFUND' }]);
    expect(readTextRows(join(dir, 'b.jsonl'), { textColumn: 'text', limit: 1 })).toEqual([{ text: 'one' }]);
    expect(() => readTextRows(join(dir, 'a.csv'), { textColumn: 'text' })).toThrow(/columns are: utterance, category/);
    expect(() => readTextRows(join(dir, 'missing.csv'), { textColumn: 'text' })).toThrow(expect.objectContaining({ code: 'DATA_MISSING' }) as Error);
  });
});

describe('percentile', () => {
  it('uses nearest rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 99)).toBe(0);
  });
});
