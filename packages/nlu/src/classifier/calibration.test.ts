import { describe, expect, it } from 'vitest';
import { chooseThreshold, fitTemperature, negativeLogLikelihood, TEMPERATURE_RANGE, topPredictions } from './calibration.js';
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
