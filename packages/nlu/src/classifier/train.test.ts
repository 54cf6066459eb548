import { InvalidInputError, NONE_INTENT } from '@switchboard/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTENT_EXAMPLES } from '../testing/fixtures.js';
import type { IntentClassifier } from './intent-classifier.js';
import { loadIntentClassifier } from './load.js';
import { trainIntentClassifier } from './train.js';

/** Paraphrases that are not in the training fixture, one or two per intent. */
const HELD_OUT: readonly [string, string][] = [
  ['where is my parcel right now', 'track_order'],
  ['has my package been shipped', 'track_order'],
  ['I would like to cancel my purchase', 'cancel_order'],
  ['can I have my money back', 'get_refund'],
  ['please update the address on my order', 'change_shipping_address'],
  ['I forgot my login password', 'recover_password'],
  ['let me speak to a human', 'contact_human_agent'],
];

/** Clearly unrelated messages (no class-specific words of the fixture). */
const OUT_OF_SCOPE = ['the weather is nice today', 'who won the game last night', 'how tall is mount everest', 'play some music', 'asdkjh qwe zxcv', '', '🙂🙂🙂'];

let classifier: IntentClassifier;

beforeAll(() => {
  classifier = trainIntentClassifier(INTENT_EXAMPLES, { seed: 7 });
});

describe('trainIntentClassifier', () => {
  it('learns the intents: unseen paraphrases get the right label with high confidence', () => {
    for (const [text, label] of HELD_OUT) {
      const prediction = classifier.predict(text);
      expect(prediction.intent, text).toBe(label);
      expect(prediction.confidence, text).toBeGreaterThan(Math.max(0.5, classifier.threshold));
    }
  });

  it('reports sorted labels, a threshold in [0, 1] and cross-validation diagnostics', () => {
    expect(classifier.labels).toEqual(['cancel_order', 'change_shipping_address', 'contact_human_agent', 'get_refund', 'recover_password', 'track_order']);
    expect(classifier.threshold).toBeGreaterThan(0);
    expect(classifier.threshold).toBeLessThan(1);
    expect(classifier.diagnostics).toMatchObject({ examples: INTENT_EXAMPLES.length, folds: 5, seed: 7 });
    expect(classifier.diagnostics.crossValidationAccuracy).toBeGreaterThan(0.8);
  });

  it('gives calibrated probabilities that sum to 1 and a top-5 ranking sorted by probability', () => {
    for (const text of ['where is my order', 'reset password', '']) {
      const probabilities = [...classifier.probabilities(text)];
      expect(probabilities).toHaveLength(classifier.labels.length);
      expect(probabilities.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 10);
      const { ranking, confidence } = classifier.predict(text);
      expect(ranking).toHaveLength(5);
      expect(ranking.map((entry) => entry.probability)).toEqual([...ranking.map((entry) => entry.probability)].sort((a, b) => b - a));
      expect(confidence).toBe(ranking[0]?.probability);
    }
  });

  it("answers 'none' for out-of-scope text, keeping the top probability as confidence", () => {
    for (const text of OUT_OF_SCOPE) {
      const prediction = classifier.predict(text);
      expect(prediction.intent, text).toBe(NONE_INTENT);
      expect(prediction.confidence).toBeLessThan(classifier.threshold);
      expect(prediction.confidence).toBe(prediction.ranking[0]?.probability);
    }
  });

  it('ignores order numbers: digit runs are one placeholder, so ids do not change the prediction', () => {
    expect(classifier.probabilities('cancel order 1111111')).toEqual(classifier.probabilities('cancel order 9876543'));
  });

  it('is deterministic given the seed, and the seed matters', () => {
    const again = trainIntentClassifier(INTENT_EXAMPLES, { seed: 7 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(classifier));
    const other = trainIntentClassifier(INTENT_EXAMPLES, { seed: 8 });
    expect(other.toJSON().head.weights).not.toBe(classifier.toJSON().head.weights);
    expect(other.predict('where is my parcel right now').intent).toBe('track_order');
  });

  it('rejects fewer than two labels and out-of-range options with INVALID_INPUT', () => {
    const oneLabel = [{ text: 'a', label: 'x' }, { text: 'b', label: 'x' }];
    expect(() => trainIntentClassifier(oneLabel)).toThrow(InvalidInputError);
    expect(() => trainIntentClassifier(INTENT_EXAMPLES, { folds: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }) as Error);
    expect(() => trainIntentClassifier(INTENT_EXAMPLES, { features: { charNgramMin: 6, charNgramMax: 3 } })).toThrow(InvalidInputError);
    expect(() => trainIntentClassifier([{ text: 'a', label: ' ' }, { text: 'b', label: 'y' }])).toThrow(InvalidInputError);
    expect(() => trainIntentClassifier(INTENT_EXAMPLES, { outOfScopePrior: 1 })).toThrow(InvalidInputError);
    expect(() => trainIntentClassifier(INTENT_EXAMPLES, { cost: 0 })).toThrow(InvalidInputError);
  });

  it('with outOfScopePrior 0 never answers none (closed set), even for unrelated text', () => {
    const closedSet = trainIntentClassifier(INTENT_EXAMPLES, { seed: 7, outOfScopePrior: 0, head: 'svm' });
    expect(closedSet.threshold).toBe(0);
    for (const text of OUT_OF_SCOPE) expect(closedSet.predict(text).intent, text).not.toBe(NONE_INTENT);
    for (const [text, label] of HELD_OUT) expect(closedSet.predict(text).intent, text).toBe(label);
  });

  it('with an outOfScopePrior models unseen intents by holding classes out, and rejects unrelated text', () => {
    const openSet = trainIntentClassifier(INTENT_EXAMPLES, { seed: 7, outOfScopePrior: 0.5, head: 'svm' });
    const estimate = openSet.diagnostics.outOfScope;
    expect(estimate).toMatchObject({ prior: 0.5, proxies: INTENT_EXAMPLES.length });
    expect(estimate?.recall).toBeGreaterThan(0.5);
    expect(estimate?.expectedAccuracy).toBeGreaterThan(0.7);
    const rejected = OUT_OF_SCOPE.filter((text) => openSet.predict(text).intent === NONE_INTENT);
    expect(rejected.length).toBeGreaterThanOrEqual(OUT_OF_SCOPE.length - 1);
    const accepted = HELD_OUT.filter(([text, label]) => openSet.predict(text).intent === label);
    expect(accepted.length).toBeGreaterThanOrEqual(HELD_OUT.length - 2);
    const moreCautious = trainIntentClassifier(INTENT_EXAMPLES, { seed: 7, outOfScopePrior: 0.9, head: 'svm' });
    expect(moreCautious.diagnostics.outOfScope?.recall).toBeGreaterThanOrEqual(estimate?.recall ?? 1);
  });

  it('chooses the out-of-scope score on cross-validation and keeps it, with the threshold, through JSON', () => {
    const openSet = trainIntentClassifier(INTENT_EXAMPLES, { seed: 7, outOfScopePrior: 0.5, head: 'svm' });
    expect(['probability', 'decision', 'margin']).toContain(openSet.outOfScopeScore);
    expect(openSet.diagnostics.outOfScope?.score).toBe(openSet.outOfScopeScore);
    const restored = loadIntentClassifier(JSON.stringify(openSet));
    expect(restored.outOfScopeScore).toBe(openSet.outOfScopeScore);
    expect(restored.threshold).toBe(openSet.threshold);
    for (const text of [...HELD_OUT.map(([message]) => message), ...OUT_OF_SCOPE]) expect(restored.predict(text), text).toEqual(openSet.predict(text));
    expect(classifier.outOfScopeScore).toBe('probability');
  });

  it('trains the one-vs-rest SVM head on request', () => {
    const svm = trainIntentClassifier(INTENT_EXAMPLES, { seed: 7, head: 'svm' });
    expect(svm.diagnostics.head).toBe('svm');
    expect(classifier.diagnostics.head).toBe('softmax');
    for (const [text, label] of HELD_OUT) expect(svm.predict(text).intent, text).toBe(label);
    expect(svm.predict('asdkjh qwe zxcv').intent).toBe(NONE_INTENT);
  });

  it('trains without cross-validation when folds is 0 (temperature 1)', () => {
    const quick = trainIntentClassifier(INTENT_EXAMPLES.slice(0, 24), { folds: 0, epochs: 20 });
    expect(quick.temperature).toBe(1);
    expect(quick.diagnostics.folds).toBe(0);
    expect(quick.predict('where is my order').intent).toBe('track_order');
  });
});

describe('toJSON / loadIntentClassifier', () => {
  const texts = [...HELD_OUT.map(([text]) => text), ...OUT_OF_SCOPE, 'x'.repeat(5000)];

  it('round-trips through JSON text with identical predictions', () => {
    const restored = loadIntentClassifier(JSON.parse(JSON.stringify(classifier)));
    for (const text of texts) expect(restored.predict(text)).toEqual(classifier.predict(text));
    expect(restored.threshold).toBe(classifier.threshold);
    expect(restored.labels).toEqual(classifier.labels);
    expect(loadIntentClassifier(JSON.stringify(classifier)).predict('cancel my order')).toEqual(classifier.predict('cancel my order'));
  });

  it('rejects malformed snapshots with INVALID_INPUT and names the failing field', () => {
    const good = classifier.toJSON();
    const cases: unknown[] = [
      {},
      'not json',
      null,
      { ...good, version: 2 },
      { ...good, labels: ['a', 'a', 'b', 'c', 'd', 'e'] },
      { ...good, head: { ...good.head, weights: good.head.weights.slice(0, 16) } },
      { ...good, featurizer: { ...good.featurizer, idf: '!!!!' } },
      { ...good, threshold: 1.5 },
      { ...good, threshold: 0.5, outOfScopeScore: 'entropy' },
    ];
    for (const value of cases) {
      expect(() => loadIntentClassifier(value)).toThrow(InvalidInputError);
    }
    try {
      loadIntentClassifier({ ...good, head: { ...good.head, bias: 'AAAA' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).code).toBe('INVALID_INPUT');
      expect(String((error as InvalidInputError).details['issues'])).toContain('head.bias');
    }
  });

  it('accepts a decision-value threshold outside [0, 1], which only a probability threshold must respect', () => {
    const snapshot = { ...classifier.toJSON(), threshold: 1e6, outOfScopeScore: 'decision' };
    const restored = loadIntentClassifier(snapshot);
    expect(restored.outOfScopeScore).toBe('decision');
    expect(restored.predict('where is my parcel right now').intent).toBe(NONE_INTENT);
  });

  it('rejects non-finite weights', () => {
    const good = classifier.toJSON();
    const nan = Buffer.alloc(4 * classifier.labels.length);
    nan.writeFloatLE(Number.NaN, 0);
    expect(() => loadIntentClassifier({ ...good, head: { ...good.head, bias: nan.toString('base64') } })).toThrow(InvalidInputError);
  });
});
