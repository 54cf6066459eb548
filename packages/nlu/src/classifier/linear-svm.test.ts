import { describe, expect, it } from 'vitest';
import { trainLinearSvm } from './linear-svm.js';
import { createRandom } from './random.js';
import { computeLogits } from './softmax-regression.js';
import type { SparseVector } from './tfidf.js';

/** Unit-norm sparse vectors: class `c` lights up columns `3c … 3c + 2` plus shared noise columns 30–39. */
function syntheticData(input: { examples: number; classes: number; seed: number }): { vectors: SparseVector[]; targets: Int32Array } {
  const random = createRandom(input.seed);
  const vectors: SparseVector[] = [];
  const targets = new Int32Array(input.examples);
  for (let example = 0; example < input.examples; example += 1) {
    const target = example % input.classes;
    targets[example] = target;
    const columns = [3 * target + Math.floor(random() * 3), 30 + Math.floor(random() * 10)].sort((left, right) => left - right);
    const raw = columns.map((column) => (column >= 30 ? 0.6 : 1));
    const norm = Math.hypot(...raw);
    vectors.push({ indices: Int32Array.from(columns), values: Float64Array.from(raw.map((value) => value / norm)) });
  }
  return { vectors, targets };
}

const OPTIONS = { cost: 1, tolerance: 0.1, maxPasses: 50, seed: 1 };

describe('trainLinearSvm', () => {
  it('separates the classes: the true class has the largest decision value on unseen examples', () => {
    const train = syntheticData({ examples: 200, classes: 5, seed: 1 });
    const model = trainLinearSvm({ ...train, features: 40, classes: 5 }, OPTIONS);
    const test = syntheticData({ examples: 100, classes: 5, seed: 2 });
    test.vectors.forEach((vector, example) => {
      const logits = [...computeLogits(model, vector)];
      expect(logits.indexOf(Math.max(...logits))).toBe(test.targets[example]);
    });
  });

  it('puts training examples on the right side of each one-vs-rest margin', () => {
    const train = syntheticData({ examples: 120, classes: 4, seed: 3 });
    const model = trainLinearSvm({ ...train, features: 40, classes: 4 }, OPTIONS);
    train.vectors.forEach((vector, example) => {
      const logits = computeLogits(model, vector);
      logits.forEach((value, label) => (label === train.targets[example] ? expect(value).toBeGreaterThan(0) : expect(value).toBeLessThan(0)));
    });
  });

  it('is deterministic given the seed and stores [features × classes] float32 weights', () => {
    const train = syntheticData({ examples: 60, classes: 3, seed: 4 });
    const first = trainLinearSvm({ ...train, features: 40, classes: 3 }, OPTIONS);
    const second = trainLinearSvm({ ...train, features: 40, classes: 3 }, OPTIONS);
    expect(first.weights).toBeInstanceOf(Float32Array);
    expect(first.weights).toHaveLength(40 * 3);
    expect(first.bias).toHaveLength(3);
    expect(second).toEqual(first);
  });

  it('regularizes more with a smaller cost: weights shrink', () => {
    const train = syntheticData({ examples: 100, classes: 4, seed: 5 });
    const norm = (cost: number): number => Math.hypot(...trainLinearSvm({ ...train, features: 40, classes: 4 }, { ...OPTIONS, cost }).weights);
    expect(norm(0.01)).toBeLessThan(norm(1));
  });
});
