/**
 * The text featurizer of the intent classifier: hashed word and character n-grams weighted by
 * TF-IDF. The classifier head, calibration and threshold only see {@link SparseVector}s, so a
 * different featurizer (for example sentence embeddings as dense vectors) can replace this one.
 */
import { extractFeatureCounts, type FeatureConfig } from './features.js';
import { buildVocabulary, fitVocabulary, vectorize, type SparseVector, type TfidfVocabulary } from './tfidf.js';

/** Turns text into a vector of `dimensions` columns. Deterministic and pure. */
export interface TextFeaturizer {
  /** Number of columns of every vector. */
  readonly dimensions: number;
  encode(text: string): SparseVector;
}

/** The hashed TF-IDF featurizer with its fitted vocabulary. */
export interface HashedTfidfFeaturizer extends TextFeaturizer {
  readonly kind: 'hashed-tfidf';
  readonly config: FeatureConfig;
  readonly vocabulary: TfidfVocabulary;
  /** Encodes counts already extracted with `extractFeatureCounts(text, config)`. */
  encodeCounts(counts: ReadonlyMap<number, number>): SparseVector;
}

/** Raw feature counts of `texts`, the input of {@link fitHashedTfidfFeaturizer} (computed once, reused per fold). */
export function countFeatures(texts: readonly string[], config: FeatureConfig): Map<number, number>[] {
  return texts.map((text) => extractFeatureCounts(text, config));
}

/**
 * Fits the vocabulary and IDF weights on the feature counts of training texts (labels unused).
 *
 * @param options.minDocumentFrequency - Keep features seen in at least this many texts (≥ 1).
 */
export function fitHashedTfidfFeaturizer(
  counts: readonly ReadonlyMap<number, number>[],
  options: { config: FeatureConfig; minDocumentFrequency: number },
): HashedTfidfFeaturizer {
  const vocabulary = fitVocabulary(counts, options);
  return createHashedTfidfFeaturizer({ config: options.config, keys: vocabulary.keys, idf: vocabulary.idf });
}

/** Rebuilds a fitted featurizer from its stored parts (keys and IDF weights, one per column). */
export function createHashedTfidfFeaturizer(parts: { config: FeatureConfig; keys: Int32Array; idf: Float32Array }): HashedTfidfFeaturizer {
  const vocabulary = buildVocabulary(parts);
  const { config } = parts;
  return {
    kind: 'hashed-tfidf',
    config,
    vocabulary,
    dimensions: vocabulary.keys.length,
    encodeCounts: (counts) => vectorize(counts, vocabulary),
    encode: (text) => vectorize(extractFeatureCounts(text, config), vocabulary),
  };
}
