import { ConfigurationError, InvalidInputError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { loadIntentClassifier } from './load.js';
import { trainIntentClassifier } from './train.js';
import { createWordEmbeddings, sentenceEmbedding, type WordEmbeddings } from './word-embeddings.js';

/**
 * A 4-dimensional table: money words point one way, delivery words another, function words a
 * third. Words are listed most frequent first, as the packaged sources are.
 */
const VECTORS: Record<string, number[]> = {
  my: [0, 0, 1, 0],
  a: [0, 0, 1, 0.1],
  is: [0, 0, 0.9, 0.1],
  where: [0, 0.1, 0.9, 0],
  money: [1, 0, 0, 0.1],
  refund: [0.95, 0.05, 0, 0],
  cash: [1, 0, 0.05, 0],
  reimbursement: [0.9, 0, 0, 0.2],
  parcel: [0, 1, 0, 0.1],
  package: [0.05, 0.95, 0, 0],
  shipment: [0, 0.9, 0, 0.2],
};

function table(source = 'test-vectors'): WordEmbeddings {
  return createWordEmbeddings({ source, dimensions: 4, words: Object.keys(VECTORS), vectors: (word) => VECTORS[word] });
}

const EXAMPLES = [
  ...['i want a refund', 'refund my money', 'give my money back', 'a refund please', 'money back now', 'can i get a refund'].map((text) => ({ text, label: 'get_refund' })),
  ...['where is my parcel', 'track my parcel', 'parcel status', 'where is the package', 'my parcel is late', 'package tracking'].map((text) => ({ text, label: 'track_order' })),
];

describe('sentenceEmbedding', () => {
  it('is the unit-norm SIF-weighted mean, with rare words outweighing frequent ones', () => {
    const vector = sentenceEmbedding(['my', 'refund'], table());
    expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
    // "refund" is rarer than "my", so the money direction dominates.
    expect(vector[0]).toBeGreaterThan(vector[2] as number);
  });

  it('is all zeros when no word is in the table', () => {
    expect([...sentenceEmbedding(['zzz', 'qqq'], table())]).toEqual([0, 0, 0, 0]);
    expect([...sentenceEmbedding([], table())]).toEqual([0, 0, 0, 0]);
  });

  it('rejects vectors shorter than the declared dimensions', () => {
    const build = () => createWordEmbeddings({ source: 'short', dimensions: 4, words: ['a'], vectors: () => [1, 2] });
    expect(build).toThrow(ConfigurationError);
    expect(build).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});

describe('trainIntentClassifier with wordEmbeddings', () => {
  it('labels synonyms the examples never used by their word vectors', () => {
    // Without the table, "shipment" shares no n-gram with the delivery examples and lands on get_refund.
    const classifier = trainIntentClassifier(EXAMPLES, { head: 'svm', seed: 3, wordEmbeddings: table() });
    expect(classifier.predict('reimbursement').ranking[0]?.intent).toBe('get_refund');
    expect(classifier.predict('cash').ranking[0]?.intent).toBe('get_refund');
    expect(classifier.predict('shipment').ranking[0]?.intent).toBe('track_order');
  });

  it('round-trips through a snapshot when the same table is passed to loadIntentClassifier', () => {
    const classifier = trainIntentClassifier(EXAMPLES, { head: 'svm', seed: 3, wordEmbeddings: table() });
    const snapshot = JSON.parse(JSON.stringify(classifier)) as ReturnType<typeof classifier.toJSON>;
    expect(snapshot.featurizer.sentenceEmbedding).toEqual({ source: 'test-vectors', share: 0.5, dimensions: 4 });
    const restored = loadIntentClassifier(snapshot, { wordEmbeddings: table() });
    for (const text of ['reimbursement', 'where is my shipment', '']) expect([...restored.probabilities(text)]).toEqual([...classifier.probabilities(text)]);
  });

  it('refuses to load such a snapshot without its table (CONFIG_INVALID), or with one of another length', () => {
    const snapshot = trainIntentClassifier(EXAMPLES, { head: 'svm', seed: 3, wordEmbeddings: table() }).toJSON();
    expect(() => loadIntentClassifier(snapshot)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', details: { source: 'test-vectors' } }));
    const wider = createWordEmbeddings({ source: 'test-vectors', dimensions: 2, words: ['a'], vectors: () => [1, 0] });
    expect(() => loadIntentClassifier(snapshot, { wordEmbeddings: wider })).toThrow(ConfigurationError);
  });

  it('rejects an unknown source name (INVALID_INPUT)', () => {
    expect(() => trainIntentClassifier(EXAMPLES, { wordEmbeddings: 'glove-6b' as never })).toThrow(InvalidInputError);
  });
});
