/**
 * Probability calibration (temperature scaling) and the out-of-scope threshold, both fitted on
 * out-of-fold logits from cross-validation on the training data only.
 * @see https://arxiv.org/abs/1706.04599 (Guo et al. 2017, "On Calibration of Modern Neural Networks")
 */
import { softmaxInPlace } from './softmax-regression.js';

/** Temperatures are searched in this range; the bounds keep a perfectly separated training set from driving T to 0. */
export const TEMPERATURE_RANGE = Object.freeze({ minimum: 0.5, maximum: 10 });

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
 * (golden-section search over `ln T`; the loss is convex in `1 / T`), within {@link TEMPERATURE_RANGE}.
 *
 * @returns `T` (> 0); 1 when there are no logits.
 */
export function fitTemperature(input: { logits: readonly Float64Array[]; targets: Int32Array }): number {
  if (input.logits.length === 0) return 1;
  const loss = (logTemperature: number): number => negativeLogLikelihood({ ...input, temperature: Math.exp(logTemperature) });
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = Math.log(TEMPERATURE_RANGE.minimum);
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
