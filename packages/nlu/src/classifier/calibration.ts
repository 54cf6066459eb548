/**
 * Probability calibration (temperature scaling) and the out-of-scope threshold, both fitted on
 * out-of-fold logits from cross-validation on the training data only.
 * @see https://arxiv.org/abs/1706.04599 (Guo et al. 2017, "On Calibration of Modern Neural Networks")
 */
import { softmaxInPlace } from './softmax-regression.js';

/**
 * Temperatures are searched in this range; the bounds keep a perfectly separated training set
 * from driving T to 0. The lower bound is small because SVM decision values are margins of
 * about ±1 (the NLL-optimal T on BANKING77, CLINC150 and HINT3 out-of-fold scores is 0.1–0.3),
 * while softmax-regression logits need T near 1.
 */
export const TEMPERATURE_RANGE = Object.freeze({ minimum: 0.02, maximum: 10 });

/** Lower temperature bound for the softmax-regression head, whose logits are already probability-scaled (its bound before the SVM head). */
export const SOFTMAX_MINIMUM_TEMPERATURE = 0.5;

/** Mean negative log-likelihood of `targets` under `softmax(logits / temperature)`. */
export function negativeLogLikelihood(input: { logits: readonly Float64Array[]; targets: Int32Array; temperature: number }): number {
  if (input.logits.length === 0) return 0;
  let total = 0;
  for (let example = 0; example < input.logits.length; example += 1) {
    const row = input.logits[example] as Float64Array;
    let maximum = -Infinity;
    for (const logit of row) maximum = Math.max(maximum, logit / input.temperature);
    let sum = 0;
    for (const logit of row) sum += Math.exp(logit / input.temperature - maximum);
    const targetLogit = (row[input.targets[example] as number] as number) / input.temperature;
    total += Math.log(sum) + maximum - targetLogit;
  }
  return total / input.logits.length;
}

/**
 * Finds the temperature `T` minimizing the negative log-likelihood of the out-of-fold logits
 * (golden-section search over `ln T`; the loss is convex in `1 / T`), within {@link TEMPERATURE_RANGE}
 * (`minimum` raises the lower bound: the softmax head keeps 0.5, see {@link SOFTMAX_MINIMUM_TEMPERATURE}).
 *
 * @returns `T` (> 0); 1 when there are no logits.
 */
export function fitTemperature(input: { logits: readonly Float64Array[]; targets: Int32Array; minimum?: number }): number {
  if (input.logits.length === 0) return 1;
  const loss = (logTemperature: number): number => negativeLogLikelihood({ ...input, temperature: Math.exp(logTemperature) });
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = Math.log(input.minimum ?? TEMPERATURE_RANGE.minimum);
  let high = Math.log(TEMPERATURE_RANGE.maximum);
  let left = high - ratio * (high - low);
  let right = low + ratio * (high - low);
  let leftLoss = loss(left);
  let rightLoss = loss(right);
  for (let iteration = 0; iteration < 40; iteration += 1) {
    if (leftLoss <= rightLoss) {
      high = right;
      right = left;
      rightLoss = leftLoss;
      left = high - ratio * (high - low);
      leftLoss = loss(left);
    } else {
      low = left;
      left = right;
      leftLoss = rightLoss;
      right = low + ratio * (high - low);
      rightLoss = loss(right);
    }
  }
  return Math.exp((low + high) / 2);
}

/** Top probability and whether the top class is the target, per example, after temperature scaling. */
export function topPredictions(input: { logits: readonly Float64Array[]; targets: Int32Array; temperature: number }): { confidence: number; correct: boolean }[] {
  return input.logits.map((row, example) => {
    const probabilities = softmaxInPlace(Float64Array.from(row), input.temperature);
    let best = 0;
    for (let label = 1; label < probabilities.length; label += 1) {
      if ((probabilities[label] as number) > (probabilities[best] as number)) best = label;
    }
    return { confidence: probabilities[best] as number, correct: best === input.targets[example] };
  });
}

/**
 * Chooses the out-of-scope threshold from cross-validated predictions of in-scope training data.
 *
 * Rule: the threshold is the highest value that still keeps `targetCoverage` of the *correct*
 * out-of-fold predictions at or above it (the `(1 - targetCoverage)` quantile of their calibrated
 * confidences, taking the lower order statistic), clamped to `[min(0.5, 2 / classes), 0.9]`.
 * So about `1 - targetCoverage` of messages the model would get right are sent to `none`, plus
 * most of those it would get wrong (their confidences are lower), and text unlike anything in
 * training, whose probabilities are near uniform. Without out-of-scope examples in training,
 * this coverage-based rule is used rather than a precision target, because on easy label sets
 * a precision target is met at any threshold and would never reject anything.
 *
 * @param input.classes - Number of labels (≥ 2).
 * @param input.targetCoverage - Share of correct predictions to keep, 0–1 (typically 0.95).
 * @returns The threshold on the top calibrated probability, in `[min(0.5, 2 / classes), 0.9]`.
 */
export function chooseThreshold(input: {
  predictions: readonly { confidence: number; correct: boolean }[];
  classes: number;
  targetCoverage: number;
}): number {
  const lowest = Math.min(0.5, 2 / input.classes);
  const highest = 0.9;
  const confidences = input.predictions
    .filter((prediction) => prediction.correct)
    .map((prediction) => prediction.confidence)
    .sort((left, right) => left - right);
  if (confidences.length === 0) return lowest;
  const rank = Math.floor((1 - input.targetCoverage) * confidences.length);
  const quantile = confidences[Math.min(confidences.length - 1, Math.max(0, rank))] as number;
  return Math.min(highest, Math.max(lowest, quantile));
}

/** Top calibrated probability of each logit row (rows may hold `-Infinity` for masked classes). */
export function topConfidences(input: { logits: readonly Float64Array[]; temperature: number }): number[] {
  return input.logits.map((row) => {
    const probabilities = softmaxInPlace(Float64Array.from(row), input.temperature);
    let best = 0;
    for (const probability of probabilities) best = Math.max(best, probability);
    return best;
  });
}

/**
 * What the out-of-scope threshold is compared with, per message (higher = more in scope):
 * - `'probability'` — the top calibrated probability, 0–1 (maximum softmax probability);
 * - `'decision'` — the top raw logit (for the SVM head, the largest one-vs-rest decision value:
 *   "does any intent's classifier claim the message?"); it does not depend on how many other
 *   intents were trained, unlike the probability, which spreads over more labels when there
 *   are more of them — and the cross-validation models that hold intents out know fewer;
 * - `'margin'` — the top raw logit minus the second (how clearly one intent wins).
 */
export type OutOfScopeScore = 'probability' | 'decision' | 'margin';

/** Every {@link OutOfScopeScore}, in the order ties are broken (first wins). */
export const OUT_OF_SCOPE_SCORES: readonly OutOfScopeScore[] = Object.freeze(['probability', 'decision', 'margin']);

/**
 * The out-of-scope score of one logit row (entries may be `-Infinity` for masked classes; at
 * least one is finite). `probability` needs `temperature` (> 0).
 *
 * @returns The score and the index of the top class.
 * @see https://arxiv.org/abs/1610.02136 (Hendrycks & Gimpel 2017, maximum softmax probability baseline)
 */
export function outOfScopeScoreOf(input: { logits: Float64Array; kind: OutOfScopeScore; temperature: number }): { score: number; top: number } {
  const { logits } = input;
  let top = 0;
  for (let label = 1; label < logits.length; label += 1) if ((logits[label] as number) > (logits[top] as number)) top = label;
  const best = logits[top] as number;
  switch (input.kind) {
    case 'decision':
      return { score: best, top };
    case 'margin': {
      let second = -Infinity;
      for (let label = 0; label < logits.length; label += 1) if (label !== top) second = Math.max(second, logits[label] as number);
      return { score: Number.isFinite(second) ? best - second : Number.MAX_VALUE, top };
    }
    case 'probability': {
      let total = 0;
      for (const logit of logits) total += Math.exp((logit - best) / input.temperature);
      return { score: 1 / total, top };
    }
  }
}

/** {@link outOfScopeScoreOf} per row, with whether the top class is the target (for in-scope rows). */
export function scorePredictions(input: { logits: readonly Float64Array[]; targets?: Int32Array; kind: OutOfScopeScore; temperature: number }): { confidence: number; correct: boolean }[] {
  return input.logits.map((logits, example) => {
    const { score, top } = outOfScopeScoreOf({ logits, kind: input.kind, temperature: input.temperature });
    return { confidence: score, correct: input.targets !== undefined && top === input.targets[example] };
  });
}

/**
 * Chooses the out-of-scope threshold that maximizes the expected accuracy on traffic with a
 * share `prior` of out-of-scope messages, where a message counts as right when it is in scope,
 * accepted and correctly labelled, or out of scope and rejected (sent to `none`):
 *
 * `accuracy(t) = (1 − prior) · P(correct ∧ confidence ≥ t | in scope) + prior · P(confidence < t | out of scope)`.
 *
 * Both distributions come from cross-validation on the training data only: `inScope` from
 * out-of-fold predictions, `outOfScope` from examples of classes held out of the fold model
 * (or from out-of-scope training rows). With `prior` 0 nothing is rejected (threshold 0), which
 * is the accuracy-optimal rule when every message belongs to a trained intent.
 *
 * @param input.prior - Expected share of out-of-scope messages, 0 ≤ prior < 1.
 * @returns `{ threshold, expectedAccuracy, inScopeAccuracy, outOfScopeRecall }` at the chosen
 *   threshold (0–1 each); the lowest threshold among ties; 0 when `prior` is 0 or there are no
 *   out-of-scope proxies.
 * @see https://arxiv.org/abs/1909.02027 (Larson et al. 2019, CLINC150: in-scope accuracy and OOS recall)
 */
export function choosePriorThreshold(input: {
  inScope: readonly { confidence: number; correct: boolean }[];
  outOfScope: readonly number[];
  prior: number;
}): { threshold: number; expectedAccuracy: number; inScopeAccuracy: number; outOfScopeRecall: number } {
  const inScopeCount = Math.max(1, input.inScope.length);
  const closedSetAccuracy = input.inScope.filter((prediction) => prediction.correct).length / inScopeCount;
  const closedSet = { threshold: 0, expectedAccuracy: (1 - input.prior) * closedSetAccuracy, inScopeAccuracy: closedSetAccuracy, outOfScopeRecall: 0 };
  if (input.prior <= 0 || input.outOfScope.length === 0) return closedSet;
  // Sweep the candidate thresholds upwards: at threshold t, in-scope rows below t are lost, out-of-scope rows below t are won.
  const events = [
    ...input.inScope.map((prediction) => ({ confidence: prediction.confidence, inScopeCorrect: prediction.correct ? 1 : 0, outOfScope: 0 })),
    ...input.outOfScope.map((confidence) => ({ confidence, inScopeCorrect: 0, outOfScope: 1 })),
  ].sort((left, right) => left.confidence - right.confidence);
  let best = closedSet;
  let lostCorrect = 0;
  let rejectedOutOfScope = 0;
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index] as (typeof events)[number];
    lostCorrect += event.inScopeCorrect;
    rejectedOutOfScope += event.outOfScope;
    const next = events[index + 1];
    if (next !== undefined && next.confidence === event.confidence) continue;
    const inScopeAccuracy = closedSetAccuracy - lostCorrect / inScopeCount;
    const outOfScopeRecall = rejectedOutOfScope / input.outOfScope.length;
    const expectedAccuracy = (1 - input.prior) * inScopeAccuracy + input.prior * outOfScopeRecall;
    if (expectedAccuracy > best.expectedAccuracy + 1e-12) {
      // Reject everything at or below this confidence: the threshold sits halfway to the next value.
      const threshold = next === undefined ? event.confidence + Math.max(1e-9, Math.abs(event.confidence) * 1e-9) : (event.confidence + next.confidence) / 2;
      best = { threshold, expectedAccuracy, inScopeAccuracy, outOfScopeRecall };
    }
  }
  return best;
}
