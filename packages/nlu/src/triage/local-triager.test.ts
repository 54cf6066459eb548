import { emptyEntities, NONE_INTENT, TriageDecisionSchema, type Conversation } from '@switchboard/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntentClassifier } from '../classifier/intent-classifier.js';
import { trainIntentClassifier } from '../classifier/train.js';
import { createCatalogIndex } from '../entities/catalog.js';
import { INTENT_CATEGORY, INTENT_EXAMPLES, PRODUCTS } from '../testing/fixtures.js';
import { createLocalTriager } from './local-triager.js';

const conversation: Conversation = {
  id: 'conv_test',
  channel: 'test',
  status: 'open',
  handoffChain: [],
  accountFlags: [],
  entities: emptyEntities(),
  dialog: { slots: {}, failedAttempts: 0 },
  priority: 'normal',
  autonomy: 'auto',
  createdAt: '2024-03-15T12:00:00.000Z',
  updatedAt: '2024-03-15T12:00:00.000Z',
  version: 0,
};
const clock = { now: () => new Date('2024-03-15T12:00:00Z') };

let classifier: IntentClassifier;
beforeAll(() => {
  classifier = trainIntentClassifier(INTENT_EXAMPLES, { seed: 7 });
});

function triager(overrides: Partial<Parameters<typeof createLocalTriager>[0]> = {}) {
  return createLocalTriager({ classifier, intentCategory: INTENT_CATEGORY, catalog: createCatalogIndex(PRODUCTS), clock, ...overrides });
}

describe('createLocalTriager', () => {
  it('produces a complete decision for a typical message', async () => {
    const decision = await triager().triage({ text: 'Where is my order #W2611340? I need it today!', conversation });
    expect(TriageDecisionSchema.parse(decision)).toEqual(decision);
    expect(decision).toMatchObject({ intent: 'track_order', category: 'ORDER', urgency: 'high', decidedBy: 'local', needsSecondOpinion: false });
    expect(decision.entities.orderIds).toEqual(['#W2611340']);
    expect(decision.subtasks).toEqual([{ text: 'Where is my order #W2611340? I need it today!', intent: 'track_order', category: 'ORDER', confidence: decision.confidence }]);
    expect(decision.reasoning).toContain('track_order');
    expect(decision.reasoning).not.toContain('2611340');
  });

  it('fills entities, sentiment and signals', async () => {
    const text = "This is the THIRD time!!! I want to talk to a person about my red water bottle I ordered yesterday, or I'll call my lawyer";
    const decision = await triager().triage({ text, conversation });
    expect(decision.signals).toMatchObject({ humanRequested: true, legalThreat: true, language: 'en' });
    expect(decision.urgency).toBe('urgent');
    expect(decision.sentiment.label).toBe('negative');
    expect(decision.entities.products).toEqual([{ productId: 'p-bottle', name: 'Water Bottle', options: { color: 'red' } }]);
    expect(decision.entities.dates).toEqual(['2024-03-14']);
  });

  it('splits a message with two clear requests into two subtasks', async () => {
    const decision = await triager().triage({ text: 'Please cancel my order. Also, I forgot my password', conversation });
    expect(decision.subtasks.map((subtask) => [subtask.text, subtask.intent, subtask.category])).toEqual([
      ['Please cancel my order.', 'cancel_order', 'ORDER'],
      ['I forgot my password', 'recover_password', 'ACCOUNT'],
    ]);
    expect(decision.reasoning).toContain('2 subtasks');
  });

  it('keeps one subtask when both halves ask the same thing', async () => {
    const decision = await triager().triage({ text: 'cancel my order and also cancel my purchase', conversation });
    expect(decision.subtasks).toHaveLength(1);
    expect(decision.subtasks[0]?.text).toBe('cancel my order and also cancel my purchase');
  });

  it("maps 'none' and unmapped intents to category NONE and asks for a second opinion", async () => {
    const none = await triager().triage({ text: 'how tall is mount everest', conversation });
    expect(none).toMatchObject({ intent: NONE_INTENT, category: 'NONE', needsSecondOpinion: true });
    const unmapped = await triager({ intentCategory: {} }).triage({ text: 'where is my order', conversation });
    expect(unmapped).toMatchObject({ intent: 'track_order', category: 'NONE' });
  });

  it('asks for a second opinion below secondOpinionThreshold', async () => {
    const strict = await triager({ secondOpinionThreshold: 1 }).triage({ text: 'where is my order', conversation });
    expect(strict.needsSecondOpinion).toBe(true);
    const lenient = await triager({ secondOpinionThreshold: 0 }).triage({ text: 'where is my order', conversation });
    expect(lenient.needsSecondOpinion).toBe(false);
  });

  it('skips relative dates without a clock', async () => {
    const decision = await triager({ clock: undefined }).triage({ text: 'I ordered yesterday', conversation });
    expect(decision.entities.dates).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['emoji', '😡😡😡 📦❓'],
    ['control characters', '\u0000\u0001where\u0007 is\u001B my order\u007F'],
    ['non-English', '¿Dónde está mi pedido? Quiero un reembolso.'],
    ['Japanese', '注文はどこですか'],
    ['100 KB', `${'refund '.repeat(15_000)}${'x'.repeat(100_000)}`],
    ['lone surrogates', '\uD800\uDC00\uDFFF order'],
    ['punctuation only', '?!?!?!...;;;'],
  ])('never throws and stays schema-valid on %s input', async (_, text) => {
    const decision = await triager().triage({ text, conversation });
    expect(TriageDecisionSchema.safeParse(decision).success).toBe(true);
    expect(decision.decidedBy).toBe('local');
    expect(decision.subtasks.length).toBeGreaterThanOrEqual(1);
  });

  it('answers none with a second opinion for an empty message', async () => {
    const decision = await triager().triage({ text: '', conversation });
    expect(decision).toMatchObject({ intent: NONE_INTENT, category: 'NONE', needsSecondOpinion: true, urgency: 'normal' });
    expect(decision.reasoning).toContain('empty message');
  });

  it('falls back to a valid none decision if the classifier fails', async () => {
    const broken: IntentClassifier = {
      ...classifier,
      predict: () => {
        throw new Error('boom');
      },
    };
    const decision = await triager({ classifier: broken }).triage({ text: 'where is my order', conversation });
    expect(TriageDecisionSchema.safeParse(decision).success).toBe(true);
    expect(decision).toMatchObject({ intent: NONE_INTENT, needsSecondOpinion: true, confidence: 0 });
  });
});

describe('createLocalTriager with a catalog', () => {
  it('reads a request buried in product options, and keeps a list of items as one request', async () => {
    const text = 'I want to exchange the red 750ml Water Bottle and the T-Shirt (size M) for other colors.';
    const withCatalog = await triager().triage({ text, conversation });
    expect(withCatalog.subtasks).toHaveLength(1);
    expect(withCatalog.entities.products.map((product) => product.name)).toEqual(['Water Bottle', 'T-Shirt']);
  });

  it('does not read product words as the customer\'s mood', async () => {
    const decision = await triager().triage({ text: 'I would like to cancel my order, I ordered it by mistake.', conversation });
    expect(decision.sentiment.label).toBe('neutral');
  });
});
