/**
 * The text featurizer of the intent classifier: hashed word and character n-grams weighted by
 * TF-IDF, optionally followed by a pretrained sentence vector (`wordEmbeddings`). The classifier
 * head, calibration and threshold only see {@link SparseVector}s.
 */
import { extractFeatureCounts, featureTokens, type FeatureConfig } from './features.js';
import { buildVocabulary, fitVocabulary, vectorize, type SparseVector, type TfidfVocabulary } from './tfidf.js';
import { sentenceEmbedding, type WordEmbeddings } from './word-embeddings.js';

/** Turns text into a vector of `dimensions` columns. Deterministic and pure. */
export interface TextFeaturizer {
  /** Number of columns of every vector. */
  readonly dimensions: number;
  encode(text: string): SparseVector;
}

/**
 * Pretrained sentence vectors appended after the n-gram columns: the n-gram part is scaled to
 * `1 − share` of the squared norm and the (unit) sentence vector to `share`.
 */
export interface SentenceEmbeddingView {
  readonly embeddings: WordEmbeddings;
  /** Share (0 < share < 1) of the squared vector norm given to the sentence vector. */
  readonly share: number;
}

/** What one text contributes before fitting: raw n-gram counts and, with a {@link SentenceEmbeddingView}, its sentence vector. */
export interface TextFeatures {
  readonly counts: ReadonlyMap<number, number>;
  readonly sentence?: Float64Array;
}

/** The hashed TF-IDF featurizer with its fitted vocabulary. */
export interface HashedTfidfFeaturizer extends TextFeaturizer {
  readonly kind: 'hashed-tfidf';
  readonly config: FeatureConfig;
  readonly vocabulary: TfidfVocabulary;
  /** The appended sentence vectors (columns `vocabulary.keys.length` onwards), when trained with word embeddings. */
  readonly sentenceEmbedding?: SentenceEmbeddingView;
  /** Encodes features already extracted with {@link extractTextFeatures} (same config and view). */
  encodeFeatures(features: TextFeatures): SparseVector;
}

/**
 * Raw features of `texts`, the input of {@link fitHashedTfidfFeaturizer} (computed once, reused per fold).
 *
 * @param options.sentenceEmbedding - Also compute each text's sentence vector. @defaultValue none
 */
export function extractTextFeatures(texts: readonly string[], options: { config: FeatureConfig; sentenceEmbedding?: SentenceEmbeddingView | undefined }): TextFeatures[] {
  return texts.map((text) => textFeatures(text, options.config, options.sentenceEmbedding));
}

function textFeatures(text: string, config: FeatureConfig, view: SentenceEmbeddingView | undefined): TextFeatures {
  const counts = extractFeatureCounts(text, config);
  return view === undefined ? { counts } : { counts, sentence: sentenceEmbedding(featureTokens(text, config.maxChars), view.embeddings) };
}

/**
 * Fits the vocabulary and IDF weights on the features of training texts (labels unused).
 *
 * @param options.minDocumentFrequency - Keep features seen in at least this many texts (≥ 1).
 * @param options.sentenceEmbedding - Append sentence vectors (the features must carry them). @defaultValue none
 */
export function fitHashedTfidfFeaturizer(
  features: readonly TextFeatures[],
  options: { config: FeatureConfig; minDocumentFrequency: number; sentenceEmbedding?: SentenceEmbeddingView | undefined },
): HashedTfidfFeaturizer {
  const vocabulary = fitVocabulary(
    features.map((feature) => feature.counts),
    options,
  );
  return createHashedTfidfFeaturizer({ config: options.config, keys: vocabulary.keys, idf: vocabulary.idf, sentenceEmbedding: options.sentenceEmbedding });
}

/** Rebuilds a fitted featurizer from its stored parts (keys and IDF weights, one per column; the sentence-vector view, if any). */
export function createHashedTfidfFeaturizer(parts: { config: FeatureConfig; keys: Int32Array; idf: Float32Array; sentenceEmbedding?: SentenceEmbeddingView | undefined }): HashedTfidfFeaturizer {
  const vocabulary = buildVocabulary(parts);
  const { config, sentenceEmbedding: view } = parts;
  const columns = vocabulary.keys.length;
  const encodeFeatures = (features: TextFeatures): SparseVector => {
    const sparse = vectorize(features.counts, vocabulary);
    return view === undefined ? sparse : appendDense(sparse, { dense: features.sentence ?? new Float64Array(view.embeddings.dimensions), offset: columns, share: view.share });
  };
  return {
    kind: 'hashed-tfidf',
    config,
    vocabulary,
    ...(view === undefined ? {} : { sentenceEmbedding: view }),
    dimensions: columns + (view?.embeddings.dimensions ?? 0),
    encodeFeatures,
    encode: (text) => encodeFeatures(textFeatures(text, config, view)),
  };
}

/** `[√(1 − share) · sparse, √share · dense]`, the dense part at columns `offset` onwards (zeros kept out). */
function appendDense(sparse: SparseVector, input: { dense: Float64Array; offset: number; share: number }): SparseVector {
  const sparseScale = Math.sqrt(1 - input.share);
  const denseScale = Math.sqrt(input.share);
  let nonZero = 0;
  for (const value of input.dense) if (value !== 0) nonZero += 1;
  const indices = new Int32Array(sparse.indices.length + nonZero);
  const values = new Float64Array(indices.length);
  indices.set(sparse.indices);
  for (let slot = 0; slot < sparse.values.length; slot += 1) values[slot] = (sparse.values[slot] as number) * sparseScale;
  let slot = sparse.indices.length;
  input.dense.forEach((value, index) => {
    if (value === 0) return;
    indices[slot] = input.offset + index;
    values[slot] = value * denseScale;
    slot += 1;
  });
  return { indices, values };
}
