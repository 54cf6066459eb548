import { describe, expect, it } from 'vitest';
import { choosePriorThreshold, chooseThreshold, fitTemperature, negativeLogLikelihood, outOfScopeScoreOf, TEMPERATURE_RANGE, topPredictions } from './calibration.js';
import { assignStratifiedFolds } from './cross-validation.js';
import { createRandom } from './random.js';

/** Logits whose true class wins only `accuracy` of the time, with margin `margin`. */
function syntheticLogits(input: { examples: number; accuracy: number; margin: number; seed: number }): { logits: Float64Array[]; targets: Int32Array } {
  const random = createRandom(input.seed);
  const logits: Float64Array[] = [];
  const targets = new Int32Array(input.examples);
  for (let example = 0; example < input.examples; example += 1) {
    const target = example % 3;
    targets[example] = target;
    const winner = random() < input.accuracy ? target : (target + 1) % 3;
    const row = new Float64Array(3);
    row[winner] = input.margin;
    logits.push(row);
  }
  return { logits, targets };
}

describe('fitTemperature', () => {
  it('softens overconfident logits (T > 1) and minimizes the negative log-likelihood', () => {
    const data = syntheticLogits({ examples: 600, accuracy: 0.7, margin: 8, seed: 1 });
    const temperature = fitTemperature(data);
    expect(temperature).toBeGreaterThan(2);
    const best = negativeLogLikelihood({ ...data, temperature });
    expect(best).toBeLessThan(negativeLogLikelihood({ ...data, temperature: 1 }));
    expect(best).toBeLessThanOrEqual(negativeLogLikelihood({ ...data, temperature: temperature * 1.2 }) + 1e-9);
    expect(best).toBeLessThanOrEqual(negativeLogLikelihood({ ...data, temperature: temperature / 1.2 }) + 1e-9);
  });

  it('makes confidence match accuracy after scaling', () => {
    const data = syntheticLogits({ examples: 900, accuracy: 0.8, margin: 10, seed: 2 });
    const temperature = fitTemperature(data);
    const predictions = topPredictions({ ...data, temperature });
    const meanConfidence = predictions.reduce((sum, prediction) => sum + prediction.confidence, 0) / predictions.length;
    const accuracy = predictions.filter((prediction) => prediction.correct).length / predictions.length;
    expect(Math.abs(meanConfidence - accuracy)).toBeLessThan(0.03);
  });

  it('never sharpens below the minimum temperature, even for perfectly separated data', () => {
    const data = syntheticLogits({ examples: 90, accuracy: 1, margin: 1, seed: 3 });
    expect(fitTemperature(data)).toBeCloseTo(TEMPERATURE_RANGE.minimum, 3);
    expect(fitTemperature({ logits: [], targets: new Int32Array(0) })).toBe(1);
  });
});

describe('chooseThreshold', () => {
  it('keeps the target share of correct predictions above the threshold', () => {
    const predictions = Array.from({ length: 100 }, (_, index) => ({ confidence: 0.3 + index * 0.006, correct: true }));
    const threshold = chooseThreshold({ predictions, classes: 10, targetCoverage: 0.95 });
    const kept = predictions.filter((prediction) => prediction.confidence >= threshold).length;
    expect(kept).toBe(95);
  });

  it('ignores wrong predictions when placing the threshold', () => {
    const correct = Array.from({ length: 20 }, () => ({ confidence: 0.8, correct: true }));
    const wrong = Array.from({ length: 20 }, () => ({ confidence: 0.35, correct: false }));
    expect(chooseThreshold({ predictions: [...correct, ...wrong], classes: 10, targetCoverage: 0.95 })).toBe(0.8);
  });

  it('clamps to [min(0.5, 2 / classes), 0.9]', () => {
    const sure = [{ confidence: 0.999, correct: true }];
    expect(chooseThreshold({ predictions: sure, classes: 5, targetCoverage: 0.95 })).toBe(0.9);
    const unsure = [{ confidence: 0.05, correct: true }];
    expect(chooseThreshold({ predictions: unsure, classes: 10, targetCoverage: 0.95 })).toBe(0.2);
    expect(chooseThreshold({ predictions: [], classes: 2, targetCoverage: 0.95 })).toBe(0.5);
  });
});

describe('choosePriorThreshold', () => {
  const random = createRandom(11);
  // In-scope: 90% correct, confident when correct; out-of-scope proxies: mostly low confidence, overlapping.
  const inScope = Array.from({ length: 400 }, (_, index) => (index % 10 === 0 ? { confidence: 0.2 + 0.4 * random(), correct: false } : { confidence: 0.3 + 0.7 * random(), correct: true }));
  const outOfScope = Array.from({ length: 300 }, () => 0.7 * random());
  const expected = (threshold: number, prior: number): number =>
    (1 - prior) * (inScope.filter((row) => row.correct && row.confidence >= threshold).length / inScope.length) +
    prior * (outOfScope.filter((confidence) => confidence < threshold).length / outOfScope.length);

  it('never rejects with prior 0 (closed set): threshold 0, closed-set accuracy', () => {
    expect(choosePriorThreshold({ inScope, outOfScope, prior: 0 })).toEqual({ threshold: 0, expectedAccuracy: 0.9, inScopeAccuracy: 0.9, outOfScopeRecall: 0 });
  });

  it('finds the threshold that maximizes the expected accuracy (checked against a fine grid)', () => {
    for (const prior of [0.2, 0.5, 0.8]) {
      const chosen = choosePriorThreshold({ inScope, outOfScope, prior });
      expect(chosen.expectedAccuracy).toBeCloseTo(expected(chosen.threshold, prior), 10);
      for (let grid = 0; grid <= 1; grid += 0.001) expect(expected(grid, prior)).toBeLessThanOrEqual(chosen.expectedAccuracy + 1e-12);
    }
  });

  it('rejects more as out-of-scope traffic becomes more common', () => {
    const thresholds = [0.1, 0.5, 0.9].map((prior) => choosePriorThreshold({ inScope, outOfScope, prior }).threshold);
    expect(thresholds[0]).toBeLessThan(thresholds[1] as number);
    expect(thresholds[1]).toBeLessThan(thresholds[2] as number);
  });

  it('separates cleanly separated distributions perfectly', () => {
    const chosen = choosePriorThreshold({ inScope: [{ confidence: 0.9, correct: true }, { confidence: 0.8, correct: true }], outOfScope: [0.1, 0.3], prior: 0.5 });
    expect(chosen).toMatchObject({ expectedAccuracy: 1, inScopeAccuracy: 1, outOfScopeRecall: 1 });
    expect(chosen.threshold).toBeGreaterThan(0.3);
    expect(chosen.threshold).toBeLessThanOrEqual(0.8);
  });
});

describe('assignStratifiedFolds', () => {
  it('spreads every class evenly over the folds, deterministically', () => {
    const targets = Int32Array.from({ length: 50 }, (_, index) => index % 2);
    const folds = assignStratifiedFolds(targets, { folds: 5, seed: 4 });
    for (let fold = 0; fold < 5; fold += 1) {
      const members = [...targets].filter((_, index) => folds[index] === fold);
      expect(members.filter((target) => target === 0)).toHaveLength(5);
      expect(members.filter((target) => target === 1)).toHaveLength(5);
    }
    expect(assignStratifiedFolds(targets, { folds: 5, seed: 4 })).toEqual(folds);
  });
});

describe('outOfScopeScoreOf', () => {
  it('scores the top class by probability, decision value or margin over the runner-up', () => {
    const logits = Float64Array.from([0.2, 1.5, -0.4]);
    expect(outOfScopeScoreOf({ logits, kind: 'decision', temperature: 1 })).toEqual({ score: 1.5, top: 1 });
    expect(outOfScopeScoreOf({ logits, kind: 'margin', temperature: 1 }).score).toBeCloseTo(1.3, 12);
    const probability = Math.exp(1.5) / (Math.exp(0.2) + Math.exp(1.5) + Math.exp(-0.4));
    expect(outOfScopeScoreOf({ logits, kind: 'probability', temperature: 1 }).score).toBeCloseTo(probability, 12);
  });

  it('keeps the decision value when more intents are trained, while the top probability drops', () => {
    const few = Float64Array.from([1, -1, -1]);
    const many = Float64Array.from([1, ...new Array<number>(120).fill(-1)]);
    const score = (logits: Float64Array, kind: 'decision' | 'probability') => outOfScopeScoreOf({ logits, kind, temperature: 0.5 }).score;
    expect(score(many, 'decision')).toBe(score(few, 'decision'));
    expect(score(many, 'probability')).toBeLessThan(score(few, 'probability') - 0.1);
  });

  it('ignores classes masked with -Infinity (held out of a cross-validation model)', () => {
    const logits = Float64Array.from([-Infinity, 0.3, -0.5]);
    expect(outOfScopeScoreOf({ logits, kind: 'margin', temperature: 1 }).score).toBeCloseTo(0.8, 12);
    expect(outOfScopeScoreOf({ logits, kind: 'probability', temperature: 1 }).top).toBe(1);
  });
});

describe('choosePriorThreshold on unbounded scores', () => {
  it('places the threshold between the out-of-scope and in-scope decision values, also below 0 and above 1', () => {
    const inScope = [2.5, 3, 3.5, 4].map((confidence) => ({ confidence, correct: true }));
    expect(choosePriorThreshold({ inScope, outOfScope: [1.5, 2, 2.2], prior: 0.5 }).threshold).toBeCloseTo(2.35, 12);
    const negative = [-0.5, -0.2, 0.1].map((confidence) => ({ confidence, correct: true }));
    const chosen = choosePriorThreshold({ inScope: negative, outOfScope: [-1.2, -0.9], prior: 0.5 });
    expect(chosen.threshold).toBeCloseTo(-0.7, 12);
    expect(chosen.outOfScopeRecall).toBe(1);
  });
});
