/**
 * @switchboard/nlu — offline NLP for triage: text normalization and tokens, the intent
 * classifier (train / predict / serialize), entity extraction, sentiment, signals and urgency,
 * knowledge retrieval, and the local triager. Imports `@switchboard/core` only (plus wink-nlp,
 * minisearch and zod).
 */
export { normalizeText, tokenize } from './text/normalize.js';

export { trainIntentClassifier, type IntentExample, type TrainIntentClassifierOptions } from './classifier/train.js';
export { loadIntentClassifier } from './classifier/load.js';
export type { IntentClassifier, IntentPrediction, IntentProbability, TrainingDiagnostics } from './classifier/intent-classifier.js';
export { SerializedIntentClassifierSchema, type SerializedIntentClassifier } from './classifier/model-format.js';
export { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from './classifier/features.js';
export type { OutOfScopeScore } from './classifier/calibration.js';

export { createCatalogIndex, type CatalogIndex } from './entities/catalog.js';
export { extractEntities, type ExtractEntitiesOptions } from './entities/extract.js';

export { analyzeSentiment } from './signals/sentiment.js';
export { detectSignals } from './signals/signals.js';
export { detectLanguage } from './signals/language.js';
export { assessUrgency, HIGH_FRUSTRATION, type UrgencyAssessment } from './signals/urgency.js';

export { createKnowledgeBase, DEFAULT_MIN_SCORE, type KnowledgeBaseOptions } from './retrieval/knowledge-base.js';

export { createLocalTriager, NONE_CATEGORY, type LocalTriagerOptions } from './triage/local-triager.js';
