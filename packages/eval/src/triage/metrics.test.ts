import { describe, expect, it } from 'vitest';
import { computeTriageMetrics } from './metrics.js';

describe('computeTriageMetrics', () => {
  it('matches hand-computed scores on 8 rows with 3 labels + oos', () => {
    // row:        1    2    3    4    5      6    7      8
    // truth:      a    a    a    b    b      c    oos    oos
    // predicted:  a    a    b    b    oos    c    oos    a
    //
    // confusion (rows true, columns predicted; order a, b, c, oos):
    //   a   [2, 1, 0, 0]  support 3
    //   b   [0, 1, 0, 1]  support 2
    //   c   [0, 0, 1, 0]  support 1
    //   oos [1, 0, 0, 1]  support 2
    // predicted totals (column sums): a 3, b 2, c 1, oos 2
    // a:   P = 2/3, R = 2/3, F1 = 2/3
    // b:   P = 1/2, R = 1/2, F1 = 1/2
    // c:   P = 1,   R = 1,   F1 = 1
    // oos: P = 1/2, R = 1/2, F1 = 1/2
    // macroF1 = (2/3 + 1/2 + 1 + 1/2) / 4 = 2.6667 / 4 = 0.6667
    // accuracy = 5 correct (rows 1, 2, 4, 6, 7) / 8 = 0.625
    // inScopeAccuracy = 4 correct of 6 in-scope rows (rows 1, 2, 4, 6) = 0.6667
    // oosRecall = 1 of 2 oos rows predicted oos (row 7) = 0.5
    // oosPrecision = 1 of 2 oos predictions (rows 5, 7) is an oos row = 0.5
    const metrics = computeTriageMetrics({
      truth: ['a', 'a', 'a', 'b', 'b', 'c', 'oos', 'oos'],
      predicted: ['a', 'a', 'b', 'b', 'oos', 'c', 'oos', 'a'],
    });
    expect(metrics.n).toBe(8);
    expect(metrics.labels).toEqual(['a', 'b', 'c', 'oos']);
    expect(metrics.accuracy).toBe(0.625);
    expect(metrics.macroF1).toBe(0.6667);
    expect(metrics.inScopeAccuracy).toBe(0.6667);
    expect(metrics.oosRecall).toBe(0.5);
    expect(metrics.oosPrecision).toBe(0.5);
    expect(metrics.perLabel).toEqual({
      a: { precision: 0.6667, recall: 0.6667, f1: 0.6667, support: 3 },
      b: { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
      c: { precision: 1, recall: 1, f1: 1, support: 1 },
      oos: { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
    });
    expect(metrics.confusion).toEqual({
      labels: ['a', 'b', 'c', 'oos'],
      matrix: [
        [2, 1, 0, 0],
        [0, 1, 0, 1],
        [0, 0, 1, 0],
        [1, 0, 0, 1],
      ],
    });
  });

  it('puts the JSON keys in the documented order, with oos fields only when the test set has oos rows', () => {
    const withOos = computeTriageMetrics({ truth: ['a', 'oos'], predicted: ['a', 'a'] });
    expect(Object.keys(withOos)).toEqual(['n', 'labels', 'accuracy', 'macroF1', 'inScopeAccuracy', 'oosRecall', 'oosPrecision', 'perLabel', 'confusion']);
    const closed = computeTriageMetrics({ truth: ['a', 'b'], predicted: ['a', 'oos'] });
    expect(Object.keys(closed)).toEqual(['n', 'labels', 'accuracy', 'macroF1', 'perLabel', 'confusion']);
  });

  it('counts labels that are only predicted, or never predicted, with F1 0 in the macro average', () => {
    // truth a, b; predicted a, d → labels a, b, d
    // a: P 1/1, R 1/1, F1 1; b: never predicted → P 0, R 0/1, F1 0; d: support 0 → P 0/1, R 0, F1 0
    // macroF1 = (1 + 0 + 0) / 3 = 0.3333; accuracy 1/2
    const metrics = computeTriageMetrics({ truth: ['a', 'b'], predicted: ['a', 'd'] });
    expect(metrics.labels).toEqual(['a', 'b', 'd']);
    expect(metrics.macroF1).toBe(0.3333);
    expect(metrics.accuracy).toBe(0.5);
    expect(metrics.perLabel.d).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    expect(metrics.perLabel.b).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
  });

  it('reports oos precision 0 when nothing was predicted out-of-scope', () => {
    const metrics = computeTriageMetrics({ truth: ['oos', 'a'], predicted: ['a', 'a'] });
    expect(metrics).toMatchObject({ oosRecall: 0, oosPrecision: 0, inScopeAccuracy: 1, accuracy: 0.5 });
  });

  it('refuses lists of different lengths', () => {
    expect(() => computeTriageMetrics({ truth: ['a'], predicted: [] })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }) as Error);
  });
});
