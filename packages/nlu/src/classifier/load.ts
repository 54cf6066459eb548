/**
 * Restores a classifier saved with `IntentClassifier.toJSON()`.
 */
import { ConfigurationError, InvalidInputError } from '@switchboard/core';
import { createHashedTfidfFeaturizer } from './featurizer.js';
import { assembleIntentClassifier, type IntentClassifier } from './intent-classifier.js';
import { SerializedIntentClassifierSchema, unpackFloat32, unpackInt32, type SerializedIntentClassifier } from './model-format.js';
import { loadWordEmbeddings, WORD_EMBEDDING_SOURCES, type WordEmbeddings, type WordEmbeddingSource } from './word-embeddings.js';

/**
 * Loads a classifier from its JSON snapshot (the object, or the string `JSON.stringify` made).
 * Predictions are identical to the classifier that was saved.
 *
 * Use `trainIntentClassifier` to make a new one.
 *
 * @param json - A `SerializedIntentClassifier` value, or its JSON text.
 * @param options.wordEmbeddings - For a snapshot trained with `wordEmbeddings`: the same table
 *   (its `source` must match). @defaultValue the packaged source named in the snapshot, loaded
 *   once per process
 * @returns The classifier.
 * @throws InvalidInputError `INVALID_INPUT` when the value is not valid JSON, does not match the
 *   schema (format, version, array lengths, unique labels) or holds non-finite numbers;
 *   `details.issues` lists the failing paths.
 * @throws ConfigurationError `CONFIG_INVALID` when the snapshot needs word embeddings that are
 *   neither passed in nor an installed package (`details.source`).
 * @example
 * ```ts
 * const restored = loadIntentClassifier(JSON.parse(JSON.stringify(classifier)));
 * ```
 */
export function loadIntentClassifier(json: unknown, options: { wordEmbeddings?: WordEmbeddings } = {}): IntentClassifier {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch (error) {
      throw new InvalidInputError('INVALID_INPUT', 'Intent classifier snapshot is not valid JSON', { cause: error });
    }
  }
  const parsed = SerializedIntentClassifierSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new InvalidInputError('INVALID_INPUT', 'Intent classifier snapshot is malformed', { details: { issues }, cause: parsed.error });
  }
  const model = parsed.data;
  const keys = unpackInt32(model.featurizer.keys);
  const idf = unpackFloat32(model.featurizer.idf);
  const weights = unpackFloat32(model.head.weights);
  const bias = unpackFloat32(model.head.bias);
  if (![idf, weights, bias].every((values) => values.every((number) => Number.isFinite(number)))) {
    throw new InvalidInputError('INVALID_INPUT', 'Intent classifier snapshot holds non-finite numbers', { details: { issues: ['head or featurizer: non-finite value'] } });
  }
  const sentenceEmbedding = sentenceEmbeddingOf(model.featurizer.sentenceEmbedding, options.wordEmbeddings);
  return assembleIntentClassifier({
    labels: model.labels,
    threshold: model.threshold,
    ...(model.outOfScopeScore === undefined ? {} : { outOfScopeScore: model.outOfScopeScore }),
    temperature: model.temperature,
    featurizer: createHashedTfidfFeaturizer({ config: Object.freeze({ ...model.featurizer.config }), keys, idf, sentenceEmbedding }),
    head: { classes: model.labels.length, weights, bias },
    diagnostics: model.diagnostics,
  });
}

function sentenceEmbeddingOf(stored: SerializedIntentClassifier['featurizer']['sentenceEmbedding'], given: WordEmbeddings | undefined) {
  if (stored === undefined) return undefined;
  const embeddings = given?.source === stored.source ? given : packagedEmbeddings(stored.source);
  if (embeddings.dimensions !== stored.dimensions) {
    throw new ConfigurationError(`Word embeddings ${stored.source} have ${embeddings.dimensions} dimensions; the snapshot was trained with ${stored.dimensions}`, { details: { source: stored.source } });
  }
  return { embeddings, share: stored.share };
}

function packagedEmbeddings(source: string): WordEmbeddings {
  if (!(WORD_EMBEDDING_SOURCES as readonly string[]).includes(source)) {
    throw new ConfigurationError(`The snapshot was trained with word embeddings "${source}": pass the same table as options.wordEmbeddings`, { details: { source } });
  }
  return loadWordEmbeddings(source as WordEmbeddingSource);
}
