/**
 * TF-IDF weighting over hashed feature keys: a vocabulary of the keys seen in training, smooth
 * IDF, sublinear term frequency and per-group L2 normalization.
 * @see https://scikit-learn.org/stable/modules/feature_extraction.html#tfidf-term-weighting
 */
import { CHARACTER_GROUP, featureGroup, type FeatureConfig } from './features.js';

/** A sparse row vector: parallel arrays of column indices (ascending) and values. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** The fitted vocabulary: column `c` holds feature key `keys[c]` with weight `idf[c]`. */
export interface TfidfVocabulary {
  readonly config: FeatureConfig;
  /** Feature keys, one per column. */
  readonly keys: Int32Array;
  /** Smooth inverse document frequency, one per column: `ln((1 + n) / (1 + df)) + 1`. */
  readonly idf: Float32Array;
  /** Feature group (word 0, character 1), one per column. */
  readonly groups: Uint8Array;
  /** Feature key → column. */
  readonly columnOf: ReadonlyMap<number, number>;
  /** Weight given to keys outside the vocabulary when normalizing: the largest IDF. */
  readonly unknownIdf: number;
}

/**
 * Builds the vocabulary from training documents (feature counts per document), keeping keys
 * seen in at least `minDocumentFrequency` documents.
 */
export function fitVocabulary(
  documents: readonly ReadonlyMap<number, number>[],
  options: { config: FeatureConfig; minDocumentFrequency: number },
): TfidfVocabulary {
  const documentFrequency = new Map<number, number>();
  for (const document of documents) {
    for (const key of document.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  }
  const kept = [...documentFrequency.entries()]
    .filter(([, frequency]) => frequency >= options.minDocumentFrequency)
    .sort(([left], [right]) => left - right);
  const keys = new Int32Array(kept.map(([key]) => key));
  const idf = new Float32Array(kept.map(([, frequency]) => Math.log((1 + documents.length) / (1 + frequency)) + 1));
  return buildVocabulary({ keys, idf, config: options.config });
}

/** Rebuilds the lookup structures of a vocabulary from its stored keys and IDF weights. */
export function buildVocabulary(input: { keys: Int32Array; idf: Float32Array; config: FeatureConfig }): TfidfVocabulary {
  const columnOf = new Map<number, number>();
  const groups = new Uint8Array(input.keys.length);
  input.keys.forEach((key, column) => {
    columnOf.set(key, column);
    groups[column] = featureGroup(key, input.config);
  });
  let unknownIdf = 1;
  for (const value of input.idf) unknownIdf = Math.max(unknownIdf, value);
  return { config: input.config, keys: input.keys, idf: input.idf, groups, columnOf, unknownIdf };
}

/**
 * Turns feature counts into a TF-IDF vector: `(1 + ln tf) * idf` per key, each group
 * L2-normalized and scaled so that character features carry `charWeight` of the squared norm.
 *
 * Keys outside the vocabulary get no column but still count toward their group's norm, with
 * the largest IDF. So a message made mostly of words the model never saw ("what is the capital
 * of France" for a shop) gets a short vector, small logits and near-uniform probabilities,
 * instead of being judged only by the few generic words it shares with the training data.
 */
export function vectorize(counts: ReadonlyMap<number, number>, vocabulary: TfidfVocabulary): SparseVector {
  const { config } = vocabulary;
  const columns: number[] = [];
  const values: number[] = [];
  const squaredNorms = [0, 0];
  for (const [key, count] of counts) {
    const column = vocabulary.columnOf.get(key);
    const value = (1 + Math.log(count)) * (column === undefined ? vocabulary.unknownIdf : (vocabulary.idf[column] as number));
    const group = column === undefined ? featureGroup(key, config) : (vocabulary.groups[column] as number);
    squaredNorms[group] = (squaredNorms[group] as number) + value * value;
    if (column === undefined) continue;
    columns.push(column);
    values.push(value);
  }
  const groupScale = [0, 0].map((_, group) => {
    const norm = Math.sqrt(squaredNorms[group] as number);
    const share = group === CHARACTER_GROUP ? config.charWeight : 1 - config.charWeight;
    return norm > 0 ? Math.sqrt(share) / norm : 0;
  });
  const order = columns.map((_, position) => position).sort((left, right) => (columns[left] as number) - (columns[right] as number));
  const indices = new Int32Array(order.length);
  const scaled = new Float64Array(order.length);
  order.forEach((position, slot) => {
    const column = columns[position] as number;
    indices[slot] = column;
    scaled[slot] = (values[position] as number) * (groupScale[vocabulary.groups[column] as number] as number);
  });
  return { indices, values: scaled };
}
