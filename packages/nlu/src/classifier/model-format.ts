/**
 * The persisted form of an intent classifier (`toJSON()` / `loadIntentClassifier`), version 1.
 * Numeric arrays are little-endian binary encoded as base64, so a model with 100k weights stays
 * a few hundred kilobytes of JSON and round-trips bit for bit.
 */
import { Buffer } from 'node:buffer';
import { z } from 'zod';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A base64 string whose decoded length is a multiple of 4 bytes (one float32 or int32 each). */
const PackedArraySchema = z
  .string()
  .regex(BASE64, 'must be base64')
  .refine((value) => value.length % 4 === 0 && Buffer.byteLength(value, 'base64') % 4 === 0, 'must encode 4-byte values');

export const FeatureConfigSchema = z.object({
  hashBits: z.number().int().min(8).max(24),
  wordNgramMax: z.number().int().min(1).max(2),
  charNgramMin: z.number().int().min(1).max(8),
  charNgramMax: z.number().int().min(1).max(8),
  charWeight: z.number().min(0).max(1),
  maxChars: z.number().int().min(1),
});

export const TrainingDiagnosticsSchema = z.object({
  examples: z.number().int().min(0),
  folds: z.number().int().min(0),
  crossValidationAccuracy: z.number().min(0).max(1),
  crossValidationCoverage: z.number().min(0).max(1),
  seed: z.number().int(),
  epochs: z.number().int().min(1),
  head: z.enum(['svm', 'softmax']).optional(),
  outOfScope: z
    .object({ prior: z.number().min(0).max(1), proxies: z.number().int().min(0), score: z.enum(['probability', 'decision', 'margin']).optional(), inScopeAccuracy: z.number().min(0).max(1), recall: z.number().min(0).max(1), expectedAccuracy: z.number().min(0).max(1) })
    .optional(),
});

/** Schema of {@link SerializedIntentClassifier}; lengths of the packed arrays are checked too. */
export const SerializedIntentClassifierSchema = z
  .object({
    format: z.literal('switchboard.intent-classifier'),
    version: z.literal(1),
    labels: z.array(z.string().min(1)).min(2),
    /** On `outOfScopeScore`: 0–1 for a probability, any finite number for a decision value or margin. */
    threshold: z.number().finite(),
    /** What the threshold applies to (absent: `'probability'`, as in every snapshot before this field). */
    outOfScopeScore: z.enum(['probability', 'decision', 'margin']).optional(),
    temperature: z.number().positive().finite(),
    featurizer: z.object({
      kind: z.literal('hashed-tfidf'),
      config: FeatureConfigSchema,
      /** Feature key per column (int32). */
      keys: PackedArraySchema,
      /** IDF weight per column (float32). */
      idf: PackedArraySchema,
      /**
       * Trained with `wordEmbeddings`: the word-vector source (an npm package name, or the
       * `source` of a table passed in), the share of the squared norm the sentence vector carries
       * and its length; its columns follow the `keys` columns. Absent: n-gram features only.
       */
      sentenceEmbedding: z.object({ source: z.string().min(1), share: z.number().gt(0).lt(1), dimensions: z.number().int().min(1) }).optional(),
    }),
    head: z.object({
      /** `[columns × labels]` float32, row-major. */
      weights: PackedArraySchema,
      /** One float32 per label. */
      bias: PackedArraySchema,
    }),
    diagnostics: TrainingDiagnosticsSchema,
  })
  .superRefine((model, context) => {
    const count = (packed: string): number => Buffer.byteLength(packed, 'base64') / 4;
    const columns = count(model.featurizer.keys) + (model.featurizer.sentenceEmbedding?.dimensions ?? 0);
    const issue = (message: string, path: (string | number)[]): void => {
      context.addIssue({ code: 'custom', message, path });
    };
    if ((model.outOfScopeScore ?? 'probability') === 'probability' && (model.threshold < 0 || model.threshold > 1)) issue('a probability threshold must be within [0, 1]', ['threshold']);
    if (new Set(model.labels).size !== model.labels.length) issue('labels must be unique', ['labels']);
    if (model.featurizer.config.charNgramMin > model.featurizer.config.charNgramMax) issue('charNgramMin must be ≤ charNgramMax', ['featurizer', 'config']);
    if (count(model.featurizer.idf) !== count(model.featurizer.keys)) issue('idf must have one value per key', ['featurizer', 'idf']);
    if (count(model.head.bias) !== model.labels.length) issue('bias must have one value per label', ['head', 'bias']);
    if (count(model.head.weights) !== columns * model.labels.length) issue('weights must be columns × labels', ['head', 'weights']);
  });

/** The JSON form of a trained intent classifier (format `switchboard.intent-classifier`, version 1). */
export type SerializedIntentClassifier = z.infer<typeof SerializedIntentClassifierSchema>;

/** Encodes float32 values as little-endian base64. */
export function packFloat32(values: Float32Array): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((value, index) => view.setFloat32(index * 4, value, true));
  return Buffer.from(view.buffer).toString('base64');
}

/** Encodes int32 values as little-endian base64. */
export function packInt32(values: Int32Array): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((value, index) => view.setInt32(index * 4, value, true));
  return Buffer.from(view.buffer).toString('base64');
}

function unpack(packed: string): DataView {
  const bytes = Buffer.from(packed, 'base64');
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Decodes {@link packFloat32} output. */
export function unpackFloat32(packed: string): Float32Array {
  const view = unpack(packed);
  const values = new Float32Array(view.byteLength / 4);
  for (let index = 0; index < values.length; index += 1) values[index] = view.getFloat32(index * 4, true);
  return values;
}

/** Decodes {@link packInt32} output. */
export function unpackInt32(packed: string): Int32Array {
  const view = unpack(packed);
  const values = new Int32Array(view.byteLength / 4);
  for (let index = 0; index < values.length; index += 1) values[index] = view.getInt32(index * 4, true);
  return values;
}

