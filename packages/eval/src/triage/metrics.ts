/**
 * Classification metrics of the triage eval, with out-of-scope as one more class (`oos`).
 */
import { InvalidInputError } from '@switchboard/core';
import { OOS_LABEL } from './labels.js';

/** Precision, recall and F1 of one label (each 0–1) and its support (test rows with that true label). */
export interface LabelScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Confusion matrix: `matrix[i][j]` counts rows whose true label is `labels[i]` and predicted label is `labels[j]`. */
export interface ConfusionMatrix {
  labels: string[];
  matrix: number[][];
}

/**
 * The metric part of a triage report. Ratios are 0–1, rounded to 4 decimals.
 *
 * - `labels`: every label in the true ∪ predicted labels, sorted, with `oos` last when present.
 * - `accuracy`: share of rows whose predicted label equals the true label (`oos` is one more class).
 * - `macroF1`: unweighted mean of `perLabel[label].f1` over `labels` — as scikit-learn's
 *   `f1_score(average='macro')` with its default labels and `zero_division=0`: a label that is only
 *   predicted (support 0) counts with F1 0; a label never predicted has precision 0.
 * - `inScopeAccuracy`, `oosRecall`, `oosPrecision`: only when the true labels contain `oos`.
 *   In-scope accuracy is accuracy over rows whose true label is not `oos` (predicting `oos` is
 *   wrong); OOS recall is the share of `oos` rows predicted `oos`; OOS precision the share of
 *   `oos` predictions that are `oos` rows (0 when nothing was predicted `oos`).
 */
export interface TriageMetrics {
  n: number;
  labels: string[];
  accuracy: number;
  macroF1: number;
  inScopeAccuracy?: number;
  oosRecall?: number;
  oosPrecision?: number;
  perLabel: Record<string, LabelScores>;
  confusion: ConfusionMatrix;
}

/**
 * Scores predicted labels against true labels (both already mapped so out-of-scope is `oos`;
 * see `predictionLabel`). Use `evaluateTriage` to train, predict and score in one call.
 *
 * @param input.truth - True label per test row.
 * @param input.predicted - Predicted label per test row, same length and order as `truth`.
 * @returns See {@link TriageMetrics}; all ratios 0 for an empty input.
 * @throws InvalidInputError `INVALID_INPUT` when the two lists differ in length.
 * @example
 * ```ts
 * computeTriageMetrics({ truth: ['a', 'oos'], predicted: ['a', 'a'] }).oosRecall; // 0
 * ```
 */
export function computeTriageMetrics(input: { truth: readonly string[]; predicted: readonly string[] }): TriageMetrics {
  const { truth, predicted } = input;
  if (truth.length !== predicted.length) {
    throw new InvalidInputError('INVALID_INPUT', 'truth and predicted must have the same length', { details: { truth: truth.length, predicted: predicted.length } });
  }
  const labels = sortLabels(new Set([...truth, ...predicted]));
  const index = new Map(labels.map((label, position) => [label, position]));
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  for (const [row, label] of truth.entries()) {
    const guess = predicted[row] as string;
    const line = matrix[index.get(label) as number] as number[];
    const column = index.get(guess) as number;
    line[column] = (line[column] as number) + 1;
    if (guess === label) correct += 1;
  }
  const perLabel: Record<string, LabelScores> = {};
  let f1Sum = 0;
  for (const [position, label] of labels.entries()) {
    const truePositives = (matrix[position] as number[])[position] as number;
    const support = sum(matrix[position] as number[]);
    const predictedCount = sum(matrix.map((line) => line[position] as number));
    const precision = ratio(truePositives, predictedCount);
    const recall = ratio(truePositives, support);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    f1Sum += f1;
    perLabel[label] = { precision: round(precision), recall: round(recall), f1: round(f1), support };
  }
  const oos = truth.includes(OOS_LABEL) ? outOfScopeScores({ truth, predicted }) : {};
  return { n: truth.length, labels, accuracy: round(ratio(correct, truth.length)), macroF1: round(labels.length === 0 ? 0 : f1Sum / labels.length), ...oos, perLabel, confusion: { labels, matrix } };
}

function outOfScopeScores(input: { truth: readonly string[]; predicted: readonly string[] }): Pick<TriageMetrics, 'inScopeAccuracy' | 'oosRecall' | 'oosPrecision'> {
  const { truth, predicted } = input;
  const inScope = truth.flatMap((label, row) => (label === OOS_LABEL ? [] : [predicted[row] === label]));
  const outOfScope = truth.flatMap((label, row) => (label === OOS_LABEL ? [predicted[row] === OOS_LABEL] : []));
  const oosPredictions = predicted.flatMap((label, row) => (label === OOS_LABEL ? [truth[row] === OOS_LABEL] : []));
  return { inScopeAccuracy: round(share(inScope)), oosRecall: round(share(outOfScope)), oosPrecision: round(share(oosPredictions)) };
}

/** Sorted labels with {@link OOS_LABEL} last. */
function sortLabels(labels: Set<string>): string[] {
  const sorted = [...labels].filter((label) => label !== OOS_LABEL).sort();
  return labels.has(OOS_LABEL) ? [...sorted, OOS_LABEL] : sorted;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function share(flags: readonly boolean[]): number {
  return ratio(flags.filter(Boolean).length, flags.length);
}

/** Rounds a ratio to 4 decimals. */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
