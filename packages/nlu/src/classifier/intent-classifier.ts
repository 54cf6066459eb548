/**
 * The trained intent classifier: featurizer + softmax head + temperature + out-of-scope threshold.
 */
import { NONE_INTENT } from '@switchboard/core';
import { outOfScopeScoreOf, type OutOfScopeScore } from './calibration.js';
import type { HashedTfidfFeaturizer } from './featurizer.js';
import { packFloat32, packInt32, type SerializedIntentClassifier } from './model-format.js';
import { computeLogits, softmaxInPlace, type SoftmaxModel } from './softmax-regression.js';

/** One entry of a prediction's ranking. */
export interface IntentProbability {
  intent: string;
  /** Calibrated probability, 0–1. */
  probability: number;
}

/** What {@link IntentClassifier.predict} returns. */
export interface IntentPrediction {
  /** The top label, or {@link NONE_INTENT} (`'none'`) when its out-of-scope score is below the threshold. */
  intent: string;
  /** Calibrated probability of the top label (0–1), also when `intent` is `'none'`. */
  confidence: number;
  /** The (up to) 5 most probable labels, most probable first; never contains `'none'` unless it is a trained label. */
  ranking: IntentProbability[];
}

/** How the classifier was fitted; reported by evals, stored with the model. */
export interface TrainingDiagnostics {
  /** Training examples. */
  examples: number;
  /** Cross-validation folds used for calibration (0 when the set was too small to cross-validate). */
  folds: number;
  /** Share of out-of-fold predictions that were correct, 0–1 (0 without cross-validation). */
  crossValidationAccuracy: number;
  /** Share of out-of-fold predictions at or above the threshold, 0–1 (0 without cross-validation). */
  crossValidationCoverage: number;
  /** Seed used for shuffles and folds. */
  seed: number;
  /** Passes over the data per model (softmax head; 1 for the SVM head, which stops on its own tolerance). */
  epochs: number;
  /** The linear head (absent in snapshots made before the SVM head: those are `'softmax'`). */
  head?: 'svm' | 'softmax';
  /**
   * With `outOfScopePrior`: the prior, the number of out-of-scope proxies (examples of classes
   * held out of their fold model), the out-of-scope score chosen (absent before it was chosen: `'probability'`), and the cross-validated in-scope accuracy, out-of-scope
   * recall and expected accuracy (all 0–1) at the chosen threshold — the training-data estimate
   * of what a test set with that share of out-of-scope messages would score.
   */
  outOfScope?: { prior: number; proxies: number; score?: OutOfScopeScore; inScopeAccuracy: number; recall: number; expectedAccuracy: number };
}

/**
 * A trained intent classifier. Create with `trainIntentClassifier`, persist with `toJSON()`, and
 * restore with `loadIntentClassifier`; predictions after a round-trip are identical.
 */
export interface IntentClassifier {
  /** The trained labels, sorted. */
  readonly labels: readonly string[];
  /**
   * Out-of-scope threshold on {@link IntentClassifier.outOfScopeScore}: below it `intent` is
   * `'none'`. A probability (0–1) for `'probability'`; a decision value or logit margin (any
   * finite number) for `'decision'` and `'margin'`.
   */
  readonly threshold: number;
  /** What the threshold is compared with (see `OutOfScopeScore`); `'probability'` unless trained with an `outOfScopePrior` on the SVM head. */
  readonly outOfScopeScore: OutOfScopeScore;
  /** Temperature dividing the logits before the softmax (> 0; > 1 softens, < 1 sharpens). */
  readonly temperature: number;
  readonly diagnostics: Readonly<TrainingDiagnostics>;
  /** Classifies one message. Never throws; empty text gets near-uniform probabilities and `'none'`. */
  predict(text: string): IntentPrediction;
  /** Calibrated probabilities, one per label in `labels` order, summing to 1. */
  probabilities(text: string): Float64Array;
  /** A JSON-safe snapshot (format `switchboard.intent-classifier`, version 1); `JSON.stringify` calls it. */
  toJSON(): SerializedIntentClassifier;
}

/** The parts a classifier is made of. */
export interface IntentClassifierParts {
  labels: readonly string[];
  threshold: number;
  /** @defaultValue 'probability' */
  outOfScopeScore?: OutOfScopeScore;
  temperature: number;
  featurizer: HashedTfidfFeaturizer;
  head: SoftmaxModel;
  diagnostics: TrainingDiagnostics;
}

const RANKING_SIZE = 5;

/** Assembles a classifier from fitted parts (from training or from a loaded snapshot). */
export function assembleIntentClassifier(parts: IntentClassifierParts): IntentClassifier {
  const labels = Object.freeze([...parts.labels]);
  const outOfScopeScore = parts.outOfScopeScore ?? 'probability';
  const logitsOf = (text: string): Float64Array => computeLogits(parts.head, parts.featurizer.encode(typeof text === 'string' ? text : ''));
  const probabilities = (text: string): Float64Array => softmaxInPlace(logitsOf(text), parts.temperature);
  return Object.freeze({
    labels,
    threshold: parts.threshold,
    outOfScopeScore,
    temperature: parts.temperature,
    diagnostics: Object.freeze({ ...parts.diagnostics }),
    probabilities,
    predict(text: string): IntentPrediction {
      const logits = logitsOf(text);
      const score = outOfScopeScore === 'probability' ? undefined : outOfScopeScoreOf({ logits, kind: outOfScopeScore, temperature: parts.temperature }).score;
      const values = softmaxInPlace(logits, parts.temperature);
      const ranking = labels
        .map((intent, index) => ({ intent, probability: values[index] as number }))
        .sort((left, right) => right.probability - left.probability)
        .slice(0, RANKING_SIZE);
      const top = ranking[0] ?? { intent: NONE_INTENT, probability: 0 };
      return { intent: (score ?? top.probability) >= parts.threshold ? top.intent : NONE_INTENT, confidence: top.probability, ranking };
    },
    toJSON: () => serializeParts(parts),
  });
}

function serializeParts(parts: IntentClassifierParts): SerializedIntentClassifier {
  return {
    format: 'switchboard.intent-classifier',
    version: 1,
    labels: [...parts.labels],
    threshold: parts.threshold,
    ...(parts.outOfScopeScore === undefined || parts.outOfScopeScore === 'probability' ? {} : { outOfScopeScore: parts.outOfScopeScore }),
    temperature: parts.temperature,
    featurizer: {
      kind: parts.featurizer.kind,
      config: { ...parts.featurizer.config },
      keys: packInt32(parts.featurizer.vocabulary.keys),
      idf: packFloat32(parts.featurizer.vocabulary.idf),
      ...(parts.featurizer.sentenceEmbedding === undefined
        ? {}
        : { sentenceEmbedding: { source: parts.featurizer.sentenceEmbedding.embeddings.source, share: parts.featurizer.sentenceEmbedding.share, dimensions: parts.featurizer.sentenceEmbedding.embeddings.dimensions } }),
    },
    head: { weights: packFloat32(parts.head.weights), bias: packFloat32(parts.head.bias) },
    diagnostics: { ...parts.diagnostics },
  };
}
