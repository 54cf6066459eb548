/**
 * Training pipeline of the intent classifier: featurize → cross-validate (out-of-fold logits) →
 * fit temperature and out-of-scope threshold → train the final head on all examples.
 */
import { InvalidInputError } from '@switchboard/core';
import { z } from 'zod';
import { chooseThreshold, fitTemperature, topPredictions } from './calibration.js';
import { outOfFoldLogits } from './cross-validation.js';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from './features.js';
import { countFeatures, fitHashedTfidfFeaturizer } from './featurizer.js';
import { assembleIntentClassifier, type IntentClassifier, type TrainingDiagnostics } from './intent-classifier.js';
import { FeatureConfigSchema } from './model-format.js';
import { trainSoftmaxRegression } from './softmax-regression.js';

/** One labelled training utterance. */
export interface IntentExample {
  text: string;
  label: string;
}

/** Options of {@link trainIntentClassifier}; every field is optional. */
export interface TrainIntentClassifierOptions {
  /** Seed for shuffles and folds; the same seed and data give the same model. @defaultValue 1 */
  seed?: number;
  /** Passes over the data (1–1000). @defaultValue `clamp(ceil(20000 / examples), 5, 200)` — about 20,000 SGD steps */
  epochs?: number;
  /** Initial SGD step size (> 0), decayed linearly to 10%. @defaultValue 1 */
  learningRate?: number;
  /** L2 penalty per example step (≥ 0). @defaultValue `clamp(1 / examples, 1e-5, 1e-2)` — like C = 1 in scikit-learn's LogisticRegression */
  l2?: number;
  /** Cross-validation folds for calibration (0, or 2–20; 0 disables: temperature 1, lowest threshold). @defaultValue 5 */
  folds?: number;
  /** Share (0.5–1) of correct cross-validated predictions the out-of-scope threshold must keep. @defaultValue 0.95 */
  targetCoverage?: number;
  /** Featurizer settings; see `DEFAULT_FEATURE_CONFIG`. */
  features?: Partial<FeatureConfig>;
  /** Drop features seen in fewer training texts (≥ 1). @defaultValue 1 */
  minDocumentFrequency?: number;
}

const OptionsSchema = z
  .object({
    seed: z.number().int().optional(),
    epochs: z.number().int().min(1).max(1000).optional(),
    learningRate: z.number().positive().finite().optional(),
    l2: z.number().min(0).finite().optional(),
    folds: z.union([z.literal(0), z.number().int().min(2).max(20)]).optional(),
    targetCoverage: z.number().min(0.5).max(1).optional(),
    features: FeatureConfigSchema.partial().optional(),
    minDocumentFrequency: z.number().int().min(1).optional(),
  })
  .strict();

const ExamplesSchema = z.array(z.object({ text: z.string(), label: z.string().regex(/\S/, 'must not be blank') })).min(2);

/**
 * Trains an intent classifier.
 *
 * Method: hashed word uni/bigrams and character 2–5-grams (digit runs → one placeholder), TF-IDF
 * with sublinear TF and per-group L2 normalization (unknown words still count toward the norm);
 * a softmax regression trained with seeded per-example SGD and L2; then, from stratified k-fold
 * out-of-fold predictions on `examples` only: a temperature (NLL-optimal, within [0.5, 10]) and
 * the out-of-scope threshold — the value that keeps `targetCoverage` (95%) of the correct
 * cross-validated predictions, clamped to [min(0.5, 2 / labels), 0.9] (`chooseThreshold`).
 *
 * Deterministic given `seed` and the examples in the same order. Cost: 1 + `folds` trainings;
 * about 1–3 s for 2,000 short examples and 27 labels on one core. For messages unlike every
 * trained intent the prediction is `'none'`; to model out-of-scope explicitly, add examples
 * labelled `'none'`. Use an LLM triager instead when there are no labelled examples.
 *
 * @param examples - Labelled utterances; at least 2 distinct labels; texts may be empty.
 * @param options - See {@link TrainIntentClassifierOptions}.
 * @returns The trained classifier; `labels` are sorted.
 * @throws InvalidInputError `INVALID_INPUT` when there are fewer than 2 examples or labels, a
 *   label is blank, or an option is out of range (`details.issues` names the field).
 * @see https://arxiv.org/abs/1706.04599 (temperature scaling)
 * @example
 * ```ts
 * const classifier = trainIntentClassifier([
 *   { text: 'where is my order', label: 'track_order' },
 *   { text: 'I want my money back', label: 'get_refund' },
 * ], { seed: 7 });
 * classifier.predict('where is my parcel').intent; // 'track_order'
 * ```
 */
export function trainIntentClassifier(examples: readonly IntentExample[], options: TrainIntentClassifierOptions = {}): IntentClassifier {
  const parsedOptions = OptionsSchema.safeParse(options);
  if (!parsedOptions.success) throw invalid('Invalid intent classifier options', parsedOptions.error);
  const parsedExamples = ExamplesSchema.safeParse(examples);
  if (!parsedExamples.success) throw invalid('Invalid intent training examples', parsedExamples.error);
  const labels = [...new Set(parsedExamples.data.map((example) => example.label))].sort();
  if (labels.length < 2) {
    throw new InvalidInputError('INVALID_INPUT', 'Intent training needs at least 2 distinct labels', { details: { labels: labels.length } });
  }
  const settings = resolveSettings(parsedOptions.data, examples.length);
  if (settings.features.charNgramMin > settings.features.charNgramMax) {
    throw new InvalidInputError('INVALID_INPUT', 'Invalid intent classifier options', { details: { issues: ['features: charNgramMin must be ≤ charNgramMax'] } });
  }
  const counts = countFeatures(parsedExamples.data.map((example) => example.text), settings.features);
  const fitEncoder = (subset: readonly ReadonlyMap<number, number>[]) => {
    const fitted = fitHashedTfidfFeaturizer(subset, { config: settings.features, minDocumentFrequency: settings.minDocumentFrequency });
    return { featurizer: fitted, dimensions: fitted.dimensions, encode: (input: ReadonlyMap<number, number>) => fitted.encodeCounts(input) };
  };
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const targets = Int32Array.from(parsedExamples.data.map((example) => labelIndex.get(example.label) ?? 0));
  const optimizer = { epochs: settings.epochs, learningRate: settings.learningRate, l2: settings.l2, seed: settings.seed };
  const folds = Math.min(settings.folds, examples.length);
  const calibration = folds >= 2
    ? calibrate({ logits: outOfFoldLogits({ inputs: counts, targets, classes: labels.length, fitEncoder }, { ...optimizer, folds }), targets, classes: labels.length, targetCoverage: settings.targetCoverage })
    : { temperature: 1, threshold: chooseThreshold({ predictions: [], classes: labels.length, targetCoverage: settings.targetCoverage }), accuracy: 0, coverage: 0 };
  const { temperature, threshold } = calibration;
  const diagnostics: TrainingDiagnostics = {
    examples: examples.length,
    folds: folds >= 2 ? folds : 0,
    crossValidationAccuracy: calibration.accuracy,
    crossValidationCoverage: calibration.coverage,
    seed: settings.seed,
    epochs: settings.epochs,
  };
  const { featurizer, dimensions, encode } = fitEncoder(counts);
  const head = trainSoftmaxRegression({ vectors: counts.map(encode), targets, features: dimensions, classes: labels.length }, optimizer);
  return assembleIntentClassifier({ labels, threshold, temperature, featurizer, head, diagnostics });
}

/** Temperature and threshold from out-of-fold logits, with the out-of-fold accuracy and coverage they imply. */
function calibrate(input: { logits: readonly Float64Array[]; targets: Int32Array; classes: number; targetCoverage: number }) {
  const temperature = fitTemperature(input);
  const predictions = topPredictions({ ...input, temperature });
  const threshold = chooseThreshold({ predictions, classes: input.classes, targetCoverage: input.targetCoverage });
  const share = (keep: (prediction: { confidence: number; correct: boolean }) => boolean): number =>
    predictions.length === 0 ? 0 : predictions.filter(keep).length / predictions.length;
  return { temperature, threshold, accuracy: share((prediction) => prediction.correct), coverage: share((prediction) => prediction.confidence >= threshold) };
}

function resolveSettings(options: z.infer<typeof OptionsSchema>, examples: number) {
  return {
    seed: options.seed ?? 1,
    epochs: options.epochs ?? Math.min(200, Math.max(5, Math.ceil(20_000 / examples))),
    learningRate: options.learningRate ?? 1,
    l2: options.l2 ?? Math.min(1e-2, Math.max(1e-5, 1 / examples)),
    folds: options.folds ?? 5,
    targetCoverage: options.targetCoverage ?? 0.95,
    features: { ...DEFAULT_FEATURE_CONFIG, ...options.features },
    minDocumentFrequency: options.minDocumentFrequency ?? 1,
  };
}

function invalid(message: string, error: z.ZodError): InvalidInputError {
  const issues = error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return new InvalidInputError('INVALID_INPUT', message, { details: { issues }, cause: error });
}
