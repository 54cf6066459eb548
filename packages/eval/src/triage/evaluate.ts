/**
 * Train → predict → score for the triage classifier: a held-out test set, or stratified K-fold
 * cross-validation on the training file alone.
 */
import { trainIntentClassifier, type IntentPrediction, type TrainIntentClassifierOptions } from '@switchboard/nlu';
import { latencySummary } from '../stats.js';
import { stratifiedFolds } from './folds.js';
import { predictionLabel, trainingExamples, type LabeledText } from './labels.js';
import { computeTriageMetrics, type TriageMetrics } from './metrics.js';

/** What the eval needs from a trained classifier (`IntentClassifier` from `@switchboard/nlu` fits). */
export interface TriageClassifier {
  /** Out-of-scope threshold on the top probability (0–1), reported in the markdown report. */
  readonly threshold: number;
  predict(text: string): Pick<IntentPrediction, 'intent' | 'confidence' | 'ranking'>;
}

/**
 * Trains a classifier on examples; defaults to `trainIntentClassifier` from `@switchboard/nlu`.
 * `outOfScopePrior` is the expected share of out-of-scope test messages the classifier should
 * choose its rejection threshold for (0: never reject); see {@link outOfScopePriorFor}.
 */
export type TriageTrainer = (examples: readonly LabeledText[], options: { seed: number; outOfScopePrior: number }) => TriageClassifier;

/**
 * Prior share of out-of-scope messages the eval asks the classifier to plan for (0–1).
 *
 * The scored metric counts `oos` as one more class. When the run declares no out-of-scope
 * class (no `--oos-label`, not CLINC150) and the training rows hold none, every test row
 * belongs to a trained intent or to a label the classifier cannot know, so rejecting to `none`
 * can only lose accuracy: the prior is 0 and the classifier predicts its top label
 * (closed-set). For CLINC150 the prior is the out-of-scope share its authors built the
 * evaluation with, {@link CLINC150_OUT_OF_SCOPE_PRIOR} (prior knowledge published with the
 * dataset, not read from test rows). Any other declared out-of-scope class gets
 * {@link DECLARED_OUT_OF_SCOPE_PRIOR} (0.5): nothing in the training data says how common
 * out-of-scope test rows are, so a lost in-scope row and a missed out-of-scope row weigh the
 * same (balanced accuracy; HINT3's published test shares are 42–72 %).
 *
 * @param input.declared - The run names an out-of-scope class (`--oos-label`, or the CLINC150 format).
 * @param input.trainHasOutOfScope - The training rows contain out-of-scope rows (`oos`).
 * @param input.clinc150 - The run reads the CLINC150 format. @defaultValue false
 * @returns 0, {@link CLINC150_OUT_OF_SCOPE_PRIOR} or {@link DECLARED_OUT_OF_SCOPE_PRIOR}.
 */
export function outOfScopePriorFor(input: { declared: boolean; trainHasOutOfScope: boolean; clinc150?: boolean }): number {
  if (input.clinc150 === true) return CLINC150_OUT_OF_SCOPE_PRIOR;
  return input.declared || input.trainHasOutOfScope ? DECLARED_OUT_OF_SCOPE_PRIOR : 0;
}

/** Out-of-scope prior when a run declares an out-of-scope class; see {@link outOfScopePriorFor}. */
export const DECLARED_OUT_OF_SCOPE_PRIOR = 0.5;

/**
 * Out-of-scope prior for CLINC150: 1,000 out-of-scope queries among 5,500 in its evaluation
 * split (4,500 in-scope, 30 per intent), as the dataset's authors designed it.
 * @see https://arxiv.org/abs/1909.02027 (Larson et al. 2019, section 2: data_full test = 4,500 in-scope + 1,000 out-of-scope)
 */
export const CLINC150_OUT_OF_SCOPE_PRIOR = 1_000 / 5_500;

/**
 * The `switchboard eval triage --json` object: {@link TriageMetrics} plus timing.
 * `trainMs`: wall-clock milliseconds to train (the mean over folds with cross-validation);
 * `predictMs`: per-message prediction latency percentiles in milliseconds (nearest rank).
 */
export interface TriageEvalReport extends TriageMetrics {
  trainMs: number;
  predictMs: { p50: number; p95: number; p99: number };
}

/** One scored test row. `predicted` and `topLabel` use `oos` for out-of-scope. */
export interface TriagePrediction {
  text: string;
  truth: string;
  predicted: string;
  /** The classifier's top probability (0–1), also when it predicted out-of-scope. */
  confidence: number;
  /** The most probable label ignoring the out-of-scope threshold (closed-set top-1). */
  topLabel: string;
}

/** A report plus what the markdown report needs: every prediction and the threshold(s) used. */
export interface TriageEvaluation {
  report: TriageEvalReport;
  predictions: TriagePrediction[];
  /** The classifier's out-of-scope threshold; one per fold with cross-validation. */
  thresholds: number[];
}

/** Options of {@link evaluateTriage}. */
export interface EvaluateTriageOptions {
  /** Training examples (never test rows). */
  train: readonly LabeledText[];
  /** Test rows; out-of-scope rows labelled `oos`. */
  test: readonly LabeledText[];
  /** Classifier seed. @defaultValue 1 */
  seed?: number;
  /** Expected out-of-scope share the classifier plans for, 0–1 (see {@link outOfScopePriorFor}). @defaultValue 0 */
  outOfScopePrior?: number;
  /** @defaultValue `trainIntentClassifier` with `{ seed, outOfScopePrior, head: 'svm' }` (and `wordEmbeddings` when set) */
  trainer?: TriageTrainer;
  /** Opt-in pretrained word vectors for the default trainer (`trainIntentClassifier`'s `wordEmbeddings`; ignored with `trainer`). @defaultValue none */
  wordEmbeddings?: TrainIntentClassifierOptions['wordEmbeddings'];
}

function defaultTrainer(wordEmbeddings: TrainIntentClassifierOptions['wordEmbeddings']): TriageTrainer {
  return (examples, options) => trainIntentClassifier(examples, { seed: options.seed, outOfScopePrior: options.outOfScopePrior, head: 'svm', ...(wordEmbeddings === undefined ? {} : { wordEmbeddings }) });
}

/**
 * Trains on `train`, predicts every `test` row and scores the predictions (the classifier's
 * `'none'` counts as the class `oos`).
 *
 * @returns The report, the per-row predictions and the threshold.
 * @throws whatever the trainer throws (`trainIntentClassifier`: InvalidInputError `INVALID_INPUT`
 *   for fewer than 2 labels).
 * @example
 * ```ts
 * const { report } = evaluateTriage(loadTriageData({ format: 'csv', trainPath, testPath, labelField: 'category' }));
 * ```
 */
export function evaluateTriage(options: EvaluateTriageOptions): TriageEvaluation {
  const trainer = options.trainer ?? defaultTrainer(options.wordEmbeddings);
  const started = performance.now();
  const classifier = trainer(options.train, { seed: options.seed ?? 1, outOfScopePrior: options.outOfScopePrior ?? 0 });
  const trainMs = performance.now() - started;
  const { predictions, latencies } = predictAll(classifier, options.test);
  return { report: buildReport({ predictions, latencies, trainMs }), predictions, thresholds: [classifier.threshold] };
}

/** Options of {@link crossValidateTriage}. */
export interface CrossValidateTriageOptions {
  /** All labelled rows of the training file; out-of-scope rows (`oos`) are tested but not trained on. */
  rows: readonly LabeledText[];
  /** K, 2 ≤ K ≤ rows. */
  folds: number;
  /** Seed of the fold assignment and of each classifier. @defaultValue 1 */
  seed?: number;
  /** Train on out-of-scope rows of the other folds as class `oos`. @defaultValue false */
  withOosTrain?: boolean;
  /** Expected out-of-scope share the classifier plans for, 0–1 (see {@link outOfScopePriorFor}). @defaultValue 0 */
  outOfScopePrior?: number;
  trainer?: TriageTrainer;
  /** Opt-in pretrained word vectors for the default trainer (ignored with `trainer`). @defaultValue none */
  wordEmbeddings?: TrainIntentClassifierOptions['wordEmbeddings'];
}

/**
 * Stratified K-fold cross-validation: for each fold, trains on the other K − 1 folds and predicts
 * the held-out fold. Metrics are computed once over the pooled out-of-fold predictions (every row
 * is predicted exactly once, so `n` = rows); `trainMs` is the mean training time per fold and
 * `predictMs` the percentiles over all pooled predictions.
 *
 * Use it when a dataset has no test split you may use (HINT3: its test sets are sealed).
 *
 * @throws InvalidInputError `INVALID_INPUT` when `folds` is out of range, and whatever the trainer throws.
 */
export function crossValidateTriage(options: CrossValidateTriageOptions): TriageEvaluation {
  const trainer = options.trainer ?? defaultTrainer(options.wordEmbeddings);
  const seed = options.seed ?? 1;
  const assignment = stratifiedFolds({ labels: options.rows.map((row) => row.label), folds: options.folds, seed });
  const pooled: { predictions: TriagePrediction[]; latencies: number[] } = { predictions: [], latencies: [] };
  const thresholds: number[] = [];
  let trainMsTotal = 0;
  for (let fold = 0; fold < options.folds; fold += 1) {
    const held = options.rows.filter((_, row) => assignment[row] === fold);
    const rest = options.rows.filter((_, row) => assignment[row] !== fold);
    const started = performance.now();
    const classifier = trainer(trainingExamples(rest, { withOosTrain: options.withOosTrain ?? false }), { seed, outOfScopePrior: options.outOfScopePrior ?? 0 });
    trainMsTotal += performance.now() - started;
    thresholds.push(classifier.threshold);
    const { predictions, latencies } = predictAll(classifier, held);
    pooled.predictions.push(...predictions);
    pooled.latencies.push(...latencies);
  }
  return { report: buildReport({ ...pooled, trainMs: trainMsTotal / options.folds }), predictions: pooled.predictions, thresholds };
}

function predictAll(classifier: TriageClassifier, rows: readonly LabeledText[]): { predictions: TriagePrediction[]; latencies: number[] } {
  const latencies = new Array<number>(rows.length);
  const predictions = rows.map((row, index) => {
    const started = performance.now();
    const prediction = classifier.predict(row.text);
    latencies[index] = performance.now() - started;
    const top = prediction.ranking[0]?.intent ?? prediction.intent;
    return { text: row.text, truth: row.label, predicted: predictionLabel(prediction.intent), confidence: prediction.confidence, topLabel: predictionLabel(top) };
  });
  return { predictions, latencies };
}

function buildReport(input: { predictions: readonly TriagePrediction[]; latencies: readonly number[]; trainMs: number }): TriageEvalReport {
  const metrics = computeTriageMetrics({ truth: input.predictions.map((row) => row.truth), predicted: input.predictions.map((row) => row.predicted) });
  return { ...metrics, trainMs: Math.round(input.trainMs * 10) / 10, predictMs: latencySummary(input.latencies) };
}
