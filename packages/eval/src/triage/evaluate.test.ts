import { describe, expect, it } from 'vitest';
import { benchTriage } from './bench.js';
import { CLINC150_OUT_OF_SCOPE_PRIOR, crossValidateTriage, DECLARED_OUT_OF_SCOPE_PRIOR, evaluateTriage, outOfScopePriorFor, type TriageTrainer } from './evaluate.js';
import { stratifiedFolds } from './folds.js';
import type { LabeledText } from './labels.js';

/** A keyword classifier double: predicts the first trained label whose name occurs in the text, else 'none'. Records what it was trained on. */
function keywordTrainer(): { trainer: TriageTrainer; trainedOn: LabeledText[][] } {
  const trainedOn: LabeledText[][] = [];
  const trainer: TriageTrainer = (examples) => {
    trainedOn.push([...examples]);
    const labels = [...new Set(examples.map((example) => example.label))].sort();
    return {
      threshold: 0.5,
      predict: (text) => {
        const hit = labels.find((label) => text.includes(label));
        return { intent: hit ?? 'none', confidence: hit ? 0.9 : 0.2, ranking: [{ intent: hit ?? labels[0] ?? 'x', probability: hit ? 0.9 : 0.2 }] };
      },
    };
  };
  return { trainer, trainedOn };
}

describe('evaluateTriage', () => {
  it("scores the classifier's 'none' as the class oos and reports timing", () => {
    const { trainer } = keywordTrainer();
    const { report, predictions } = evaluateTriage({
      train: [{ text: 'alpha one', label: 'alpha' }, { text: 'beta one', label: 'beta' }],
      test: [{ text: 'alpha two', label: 'alpha' }, { text: 'nothing', label: 'oos' }, { text: 'beta alpha', label: 'beta' }],
      trainer,
    });
    expect(predictions.map((row) => row.predicted)).toEqual(['alpha', 'oos', 'alpha']);
    expect(report).toMatchObject({ n: 3, accuracy: 0.6667, inScopeAccuracy: 0.5, oosRecall: 1, oosPrecision: 1 });
    expect(Object.keys(report)).toEqual(['n', 'labels', 'accuracy', 'macroF1', 'inScopeAccuracy', 'oosRecall', 'oosPrecision', 'perLabel', 'confusion', 'trainMs', 'predictMs']);
    expect(report.predictMs.p99).toBeGreaterThanOrEqual(report.predictMs.p50);
  });

  it('hands wordEmbeddings to the default trainer (opt-in word vectors)', () => {
    const rows = ['where is my parcel', 'track my parcel', 'parcel status', 'i want a refund', 'refund my money', 'a refund please'].map((text, index) => ({ text, label: index < 3 ? 'track' : 'refund' }));
    // A table whose only word points one way: "shipment" is unseen by the n-grams but close to "parcel".
    const vectors: Record<string, Float32Array> = { parcel: Float32Array.of(1, 0), shipment: Float32Array.of(0.9, 0.1), refund: Float32Array.of(0, 1) };
    const wordEmbeddings = { source: 'test', dimensions: 2, vectorOf: (word: string) => vectors[word], weightOf: (word: string) => (vectors[word] === undefined ? 0 : 1) };
    const { predictions } = evaluateTriage({ train: rows, test: [{ text: 'shipment', label: 'track' }], wordEmbeddings });
    expect(predictions[0]?.topLabel).toBe('track');
    expect(() => evaluateTriage({ train: rows, test: [], wordEmbeddings: { ...wordEmbeddings, dimensions: 0 } })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('outOfScopePriorFor', () => {
  it('plans for out-of-scope only when the run declares it or trains on it', () => {
    expect(outOfScopePriorFor({ declared: false, trainHasOutOfScope: false })).toBe(0);
    expect(outOfScopePriorFor({ declared: true, trainHasOutOfScope: false })).toBe(DECLARED_OUT_OF_SCOPE_PRIOR);
    expect(outOfScopePriorFor({ declared: false, trainHasOutOfScope: true })).toBe(DECLARED_OUT_OF_SCOPE_PRIOR);
    // CLINC150: its authors' evaluation split, 1,000 out-of-scope among 5,500 queries.
    expect(outOfScopePriorFor({ declared: true, trainHasOutOfScope: true, clinc150: true })).toBeCloseTo(0.1818, 4);
    expect(CLINC150_OUT_OF_SCOPE_PRIOR).toBe(1_000 / 5_500);
  });

  it('a closed-set run with the real classifier answers a trained intent for every row, never none', () => {
    const train: LabeledText[] = [
      ...['where is my order', 'track my parcel', 'when will my package arrive', 'order status please', 'has my order shipped', 'where is my delivery'].map((text) => ({ text, label: 'track' })),
      ...['i want my money back', 'refund my purchase', 'give me a refund', 'return money to my card', 'refund please', 'how do i get refunded'].map((text) => ({ text, label: 'refund' })),
      ...['cancel my order', 'please cancel it', 'i want to cancel the purchase', 'stop my order', 'cancel order now', 'how do i cancel'].map((text) => ({ text, label: 'cancel' })),
    ];
    const test = [{ text: 'zzz qqq', label: 'track' }, { text: 'my parcel is late', label: 'track' }];
    const closedSet = evaluateTriage({ train, test, outOfScopePrior: 0 });
    expect(closedSet.predictions.map((row) => row.predicted)).not.toContain('oos');
    expect(closedSet.thresholds).toEqual([0]);
    const openSet = evaluateTriage({ train, test, outOfScopePrior: 0.5 });
    expect(openSet.thresholds[0]).toBeGreaterThan(0);
    expect(openSet.predictions[0]?.predicted).toBe('oos');
  });
});

describe('crossValidateTriage', () => {
  const rows: LabeledText[] = [
    ...['alpha 1', 'alpha 2', 'alpha 3', 'alpha 4'].map((text) => ({ text, label: 'alpha' })),
    ...['beta 1', 'beta 2', 'beta 3', 'beta 4'].map((text) => ({ text, label: 'beta' })),
    ...['weather', 'jokes'].map((text) => ({ text, label: 'oos' })),
  ];

  it('predicts every row once, pooled over folds, and never trains on out-of-scope rows', () => {
    const { trainer, trainedOn } = keywordTrainer();
    const { report, thresholds } = crossValidateTriage({ rows, folds: 2, trainer });
    expect(trainedOn).toHaveLength(2);
    for (const examples of trainedOn) {
      expect(examples).toHaveLength(4);
      expect(examples.some((example) => example.label === 'oos')).toBe(false);
    }
    expect(thresholds).toEqual([0.5, 0.5]);
    expect(report).toMatchObject({ n: 10, accuracy: 1, oosRecall: 1, inScopeAccuracy: 1 });
  });

  it('trains on the other folds\' out-of-scope rows as oos with withOosTrain', () => {
    const { trainer, trainedOn } = keywordTrainer();
    crossValidateTriage({ rows, folds: 2, trainer, withOosTrain: true });
    for (const examples of trainedOn) expect(examples.filter((example) => example.label === 'oos')).toHaveLength(1);
  });

  it('works end to end with the real classifier', () => {
    const texts: LabeledText[] = [
      ...['where is my order', 'track my parcel', 'when will my package arrive', 'order status please', 'has my order shipped', 'where is my delivery'].map((text) => ({ text, label: 'track' })),
      ...['i want my money back', 'refund my purchase', 'give me a refund', 'return money to my card', 'refund please', 'how do i get refunded'].map((text) => ({ text, label: 'refund' })),
    ];
    const { report } = crossValidateTriage({ rows: texts, folds: 3, seed: 3 });
    expect(report.n).toBe(12);
    expect(report.accuracy).toBeGreaterThan(0.5);
  });
});

describe('stratifiedFolds', () => {
  it('deals every label evenly over the folds, deterministically per seed', () => {
    const labels = [...Array.from({ length: 6 }, () => 'a'), ...Array.from({ length: 4 }, () => 'b'), 'c'];
    const folds = stratifiedFolds({ labels, folds: 2, seed: 7 });
    expect(folds).toEqual(stratifiedFolds({ labels, folds: 2, seed: 7 }));
    const count = (label: string, fold: number): number => labels.filter((value, row) => value === label && folds[row] === fold).length;
    expect([count('a', 0), count('a', 1)]).toEqual([3, 3]);
    expect([count('b', 0), count('b', 1)]).toEqual([2, 2]);
    expect(Math.abs(folds.filter((fold) => fold === 0).length - folds.filter((fold) => fold === 1).length)).toBeLessThanOrEqual(1);
    expect(() => stratifiedFolds({ labels: ['a'], folds: 2, seed: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }) as Error);
  });
});

describe('benchTriage', () => {
  it('times the requested number of predictions and sizes the serialized model', () => {
    const report = benchTriage({
      examples: [{ text: 'a', label: 'x' }, { text: 'b', label: 'y' }],
      messages: ['one', 'two'],
      count: 25,
      warmup: 0,
      trainer: () => ({ labels: ['x', 'y'], predict: () => ({ intent: 'x', confidence: 1, ranking: [] }), toJSON: () => ({ payload: 'abc' }) as never }),
    });
    expect(report).toMatchObject({ examples: 2, labels: 2, messages: 25, modelBytes: JSON.stringify({ payload: 'abc' }).length });
    expect(report.throughputPerSecond).toBeGreaterThan(0);
    expect(() => benchTriage({ examples: [], messages: [] })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }) as Error);
  });
});
