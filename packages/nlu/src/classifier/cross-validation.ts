/**
 * Stratified k-fold cross-validation producing out-of-fold logits, the data the temperature and
 * the out-of-scope threshold are fitted on (never the examples a model was trained on). The
 * featurizer is refitted on each fold's training part, so held-out examples meet unseen words
 * as new messages do. Optionally whole classes are held out too, so that their examples stand
 * in for out-of-scope messages (open-set cross-validation).
 */
import { createRandom, shuffleInPlace } from './random.js';
import { computeLogits, type SoftmaxModel } from './softmax-regression.js';
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

/** Trains a linear head (softmax regression or one-vs-rest SVMs) on encoded examples; `seed` varies per fold. */
export type HeadTrainer = (data: { vectors: readonly SparseVector[]; targets: Int32Array; features: number; classes: number }, seed: number) => SoftmaxModel;

/** What cross-validation needs: per-example inputs, targets, and how to fit an encoder on a subset. */
export interface CrossValidationData<Input> {
  inputs: readonly Input[];
  targets: Int32Array;
  classes: number;
  fitEncoder: (inputs: readonly Input[]) => FittedEncoder<Input>;
  trainHead: HeadTrainer;
}

/** Out-of-fold scores; every logit row has `classes` entries. */
export interface OutOfFoldScores {
  /**
   * In-scope logits per example (`undefined` when the example's class was held out in its own
   * fold, see `holdOutClasses`): from a model that never saw the example.
   */
  inScope: (Float64Array | undefined)[];
  /**
   * Out-of-scope proxies (empty unless `holdOutClasses`): logits of every example from the fold
   * model that never saw its class, the held-out classes' logits set to `-Infinity` — how the
   * classifier scores a message whose intent it was not trained on.
   */
  outOfScope: Float64Array[];
}

/**
 * Trains one model per fold on the other folds and scores the held-out fold.
 *
 * With `holdOutClasses` (needs ≥ 3 classes), the classes are also dealt (seeded) into `folds`
 * groups, and the model of fold `k` is trained without group `k`'s classes: every example of
 * those classes becomes an out-of-scope proxy, at no extra training cost. The in-scope scores
 * then come from models that know about `1 − 1/folds` of the classes.
 */
export function outOfFoldScores<Input>(data: CrossValidationData<Input>, options: { folds: number; seed: number; holdOutClasses: boolean }): OutOfFoldScores {
  const assignment = assignStratifiedFolds(data.targets, options);
  const classGroup = options.holdOutClasses && data.classes >= 3 ? assignClassGroups(data.classes, options) : undefined;
  const inScope: (Float64Array | undefined)[] = data.inputs.map(() => undefined);
  const outOfScope: Float64Array[] = [];
  for (let fold = 0; fold < options.folds; fold += 1) {
    const excluded = (example: number): boolean => classGroup !== undefined && classGroup[data.targets[example] as number] === fold;
    const trainIndices: number[] = [];
    const heldOut: number[] = [];
    assignment.forEach((assigned, example) => {
      if (assigned === fold) heldOut.push(example);
      else if (!excluded(example)) trainIndices.push(example);
    });
    if (heldOut.length === 0 || trainIndices.length === 0) continue;
    const trainInputs = trainIndices.map((example) => data.inputs[example] as Input);
    const encoder = data.fitEncoder(trainInputs);
    const model = data.trainHead(
      {
        vectors: trainInputs.map((input) => encoder.encode(input)),
        targets: Int32Array.from(trainIndices.map((example) => data.targets[example] as number)),
        features: encoder.dimensions,
        classes: data.classes,
      },
      options.seed + fold + 1,
    );
    const score = (example: number): Float64Array => {
      const row = computeLogits(model, encoder.encode(data.inputs[example] as Input));
      if (classGroup !== undefined) classGroup.forEach((group, label) => group === fold && (row[label] = -Infinity));
      return row;
    };
    for (const example of heldOut) if (!excluded(example)) inScope[example] = score(example);
    if (classGroup !== undefined) data.inputs.forEach((_, example) => excluded(example) && outOfScope.push(score(example)));
  }
  return { inScope, outOfScope };
}

/** Deals class indices (seeded shuffle) round-robin into `folds` groups; returns the group per class. */
function assignClassGroups(classes: number, options: { folds: number; seed: number }): Int32Array {
  const order = shuffleInPlace(Array.from({ length: classes }, (_, label) => label), createRandom(options.seed ^ 0x2545f491));
  const groups = new Int32Array(classes);
  order.forEach((label, position) => (groups[label] = position % options.folds));
  return groups;
}
