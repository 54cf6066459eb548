/**
 * Restores a classifier saved with `IntentClassifier.toJSON()`.
 */
import { InvalidInputError } from '@switchboard/core';
import { createHashedTfidfFeaturizer } from './featurizer.js';
import { assembleIntentClassifier, type IntentClassifier } from './intent-classifier.js';
import { SerializedIntentClassifierSchema, unpackFloat32, unpackInt32 } from './model-format.js';

/**
 * Loads a classifier from its JSON snapshot (the object, or the string `JSON.stringify` made).
 * Predictions are identical to the classifier that was saved.
 *
 * Use `trainIntentClassifier` to make a new one.
 *
 * @param json - A `SerializedIntentClassifier` value, or its JSON text.
 * @returns The classifier.
 * @throws InvalidInputError `INVALID_INPUT` when the value is not valid JSON, does not match the
 *   schema (format, version, array lengths, unique labels) or holds non-finite numbers;
 *   `details.issues` lists the failing paths.
 * @example
 * ```ts
 * const restored = loadIntentClassifier(JSON.parse(JSON.stringify(classifier)));
 * ```
 */
export function loadIntentClassifier(json: unknown): IntentClassifier {
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
  return assembleIntentClassifier({
    labels: model.labels,
    threshold: model.threshold,
    ...(model.outOfScopeScore === undefined ? {} : { outOfScopeScore: model.outOfScopeScore }),
    temperature: model.temperature,
    featurizer: createHashedTfidfFeaturizer({ config: Object.freeze({ ...model.featurizer.config }), keys, idf }),
    head: { classes: model.labels.length, weights, bias },
    diagnostics: model.diagnostics,
  });
}
