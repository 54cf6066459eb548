/**
 * Stratified k-fold cross-validation producing out-of-fold logits, the data the temperature and
 * the out-of-scope threshold are fitted on (never the examples a model was trained on). The
 * featurizer is refitted on each fold's training part, so held-out examples meet unseen words
 * as new messages do.
 */
import { createRandom, shuffleInPlace } from './random.js';
import { computeLogits, trainSoftmaxRegression, type SoftmaxTrainingOptions } from './softmax-regression.js';
import type { SparseVector } from './tfidf.js';

/**
 * Assigns each example to one of `folds` folds, stratified by target: the examples of each
 * class are shuffled (seeded) and dealt round-robin, continuing where the previous class ended.
 *
 * @returns Fold index per example (`0 ≤ fold < folds`).
 */
export function assignStratifiedFolds(targets: Int32Array, options: { folds: number; seed: number }): Int32Array {
  const random = createRandom(options.seed ^ 0x5bd1e995);
  const byClass = new Map<number, number[]>();
  targets.forEach((target, example) => {
    const members = byClass.get(target) ?? [];
    members.push(example);
    byClass.set(target, members);
  });
  const assignment = new Int32Array(targets.length);
  let next = 0;
  for (const target of [...byClass.keys()].sort((left, right) => left - right)) {
    for (const example of shuffleInPlace(byClass.get(target) ?? [], random)) {
      assignment[example] = next % options.folds;
      next += 1;
    }
  }
  return assignment;
}

/** An encoder fitted on some inputs (for example a TF-IDF vocabulary over feature counts). */
export interface FittedEncoder<Input> {
  readonly dimensions: number;
  encode(input: Input): SparseVector;
}

/** What cross-validation needs: per-example inputs, targets, and how to fit an encoder on a subset. */
export interface CrossValidationData<Input> {
  inputs: readonly Input[];
  targets: Int32Array;
  classes: number;
  fitEncoder: (inputs: readonly Input[]) => FittedEncoder<Input>;
}

/**
 * Trains one model per fold on the other folds and returns its logits for the held-out fold.
 *
 * @returns `logits[example]`: one array of `classes` logits per example, from a model that never saw it.
 */
export function outOfFoldLogits<Input>(data: CrossValidationData<Input>, options: SoftmaxTrainingOptions & { folds: number }): Float64Array[] {
  const assignment = assignStratifiedFolds(data.targets, options);
  const logits: Float64Array[] = data.inputs.map(() => new Float64Array(data.classes));
  for (let fold = 0; fold < options.folds; fold += 1) {
    const trainIndices: number[] = [];
    const heldOut: number[] = [];
    assignment.forEach((assigned, example) => (assigned === fold ? heldOut : trainIndices).push(example));
    if (heldOut.length === 0 || trainIndices.length === 0) continue;
    const trainInputs = trainIndices.map((example) => data.inputs[example] as Input);
    const encoder = data.fitEncoder(trainInputs);
    const model = trainSoftmaxRegression(
      {
        vectors: trainInputs.map((input) => encoder.encode(input)),
        targets: Int32Array.from(trainIndices.map((example) => data.targets[example] as number)),
        features: encoder.dimensions,
        classes: data.classes,
      },
      { ...options, seed: options.seed + fold + 1 },
    );
    for (const example of heldOut) {
      const row = logits[example];
      if (row !== undefined) computeLogits(model, encoder.encode(data.inputs[example] as Input), row);
    }
  }
  return logits;
}
