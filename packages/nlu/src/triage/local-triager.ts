/**
 * The local (offline) triager: intent classifier + entities + sentiment + signals + urgency +
 * subtasks, producing a complete core `TriageDecision` in well under a millisecond of model time.
 */
import { emptyEntities, NONE_INTENT, type TriageDecision, type Triager, type TriageInput } from '@switchboard/core';
import type { IntentClassifier, IntentPrediction } from '../classifier/intent-classifier.js';
import type { CatalogIndex } from '../entities/catalog.js';
import { extractEntities } from '../entities/extract.js';
import { analyzeSentiment } from '../signals/sentiment.js';
import { detectSignals } from '../signals/signals.js';
import { assessUrgency } from '../signals/urgency.js';
import { normalizeText } from '../text/normalize.js';
import { describeDecision } from './reasoning.js';
import { splitSubtasks } from './subtasks.js';

/** Options of {@link createLocalTriager}. */
export interface LocalTriagerOptions {
  /** A trained intent classifier. */
  classifier: IntentClassifier;
  /** Intent → category (`track_order` → `ORDER`); intents missing here, and `none`, get category `NONE`. */
  intentCategory: Readonly<Record<string, string>>;
  /** Catalog for product mentions; without it `entities.products` is empty. */
  catalog?: CatalogIndex;
  /** Below this confidence (0–1) the decision asks for a second opinion (LLM triage in hybrid mode). @defaultValue 0.6 */
  secondOpinionThreshold?: number;
  /** "Now" for relative dates ("yesterday"); without it relative dates are not extracted. */
  clock?: { now(): Date };
  /** Characters of the message the classifier reads (the rest still feeds entities and signals, up to their own limits). @defaultValue 2000 */
  maxClassifiedChars?: number;
}

/** Category used when the intent is `none` or has no category. */
export const NONE_CATEGORY = 'NONE';
const DEFAULT_SECOND_OPINION_THRESHOLD = 0.6;
const DEFAULT_MAX_CLASSIFIED_CHARS = 2_000;

/**
 * Creates the local triager (core `Triager` port, id `local`).
 *
 * The decision: `intent`/`confidence` from the classifier on the first 2,000 characters (the more
 * confident of the text as written and, with a catalog, the text with product names read as
 * "item" and their option values dropped);
 * `category` from `intentCategory` (`NONE` for `none`); `urgency` from `assessUrgency`;
 * `entities`, `sentiment`, `signals`; `subtasks` (split on clear conjunctions when every part
 * is confidently classified to different intents, else one subtask for the whole message);
 * a one-line `reasoning` without customer data; `needsSecondOpinion` when confidence is below
 * `secondOpinionThreshold` or the intent is `none`.
 *
 * Use an LLM triager (engines) for free-form or non-English messages; wire both in the hybrid.
 *
 * @param options - See {@link LocalTriagerOptions}.
 * @returns The triager. `triage` never rejects: empty, huge (100 KB), emoji, control-character
 *   or non-English input yields a schema-valid decision (`none` when nothing fits).
 * @example
 * ```ts
 * const triager = createLocalTriager({ classifier, intentCategory: { track_order: 'ORDER' }, clock: systemClock });
 * const decision = await triager.triage({ text: 'where is order #W2611340?', conversation });
 * ```
 */
export function createLocalTriager(options: LocalTriagerOptions): Triager {
  const secondOpinionThreshold = options.secondOpinionThreshold ?? DEFAULT_SECOND_OPINION_THRESHOLD;
  const maxClassifiedChars = options.maxClassifiedChars ?? DEFAULT_MAX_CLASSIFIED_CHARS;
  const categoryOf = (intent: string): string => (intent === NONE_INTENT ? NONE_CATEGORY : (options.intentCategory[intent] ?? NONE_CATEGORY));
  // Long item descriptions drown the request words ("exchange the black laser Gaming Mouse (…) for …"): the classifier
  // also reads the text with product names as "item" and their options dropped, and the more confident reading wins.
  const catalog = options.catalog;
  const classifier = {
    predict(text: string): IntentPrediction {
      const raw = options.classifier.predict(text);
      if (!catalog) return raw;
      const masked = catalog.maskProducts(text);
      if (masked === text.toLowerCase().trim()) return raw;
      const delexicalized = options.classifier.predict(masked);
      return delexicalized.confidence > raw.confidence ? delexicalized : raw;
    },
  };
  const decide = (input: TriageInput): TriageDecision => {
    const text = typeof input.text === 'string' ? input.text : '';
    const classified = normalizeText(text.slice(0, maxClassifiedChars * 4)).slice(0, maxClassifiedChars);
    const prediction = classifier.predict(classified);
    const signals = detectSignals(text);
    const sentiment = analyzeSentiment(text, catalog ? { neutralize: (normalized) => catalog.stripCatalogWords(normalized) } : {});
    const { urgency, reasons } = assessUrgency(text, signals, sentiment);
    const entities = extractEntities(text, { catalog: options.catalog, referenceDate: options.clock?.now() });
    const subtasks = splitSubtasks(classified, prediction, { classifier, categoryOf, minConfidence: secondOpinionThreshold });
    const needsSecondOpinion = prediction.confidence < secondOpinionThreshold || prediction.intent === NONE_INTENT;
    return {
      category: categoryOf(prediction.intent),
      intent: prediction.intent,
      urgency,
      confidence: clampUnit(prediction.confidence),
      entities,
      sentiment,
      signals,
      subtasks: subtasks.map((subtask) => ({ ...subtask, confidence: clampUnit(subtask.confidence) })),
      alternatives: prediction.ranking
        .filter((entry) => entry.intent !== prediction.intent && entry.intent !== NONE_INTENT)
        .slice(0, 3)
        .map((entry) => ({ intent: entry.intent, confidence: clampUnit(entry.probability) })),
      reasoning: describeDecision({ prediction, threshold: options.classifier.threshold, urgencyReasons: reasons, entities, signals, subtasks: subtasks.length, text: classified }),
      decidedBy: 'local',
      needsSecondOpinion,
    };
  };
  return {
    id: 'local',
    triage(input: TriageInput): Promise<TriageDecision> {
      try {
        const decision = decide(input);
        return Promise.resolve(hasValidScores(decision) ? decision : fallbackDecision(options.classifier));
      } catch {
        return Promise.resolve(fallbackDecision(options.classifier));
      }
    },
  };
}

/**
 * What the types of a decision built by `decide` cannot promise: the sentiment scores are finite
 * and in range (`TriageDecisionSchema`: score −1…1, frustration 0…1; confidences are clamped where
 * they are set). Checked instead of parsing the whole decision with zod on every message (12 % of
 * the triage's time, docs/benchmarks.md "Load"); a schema test covers the full shape.
 */
function hasValidScores(decision: TriageDecision): boolean {
  const { score, frustration } = decision.sentiment;
  return Number.isFinite(score) && score >= -1 && score <= 1 && Number.isFinite(frustration) && frustration >= 0 && frustration <= 1;
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** The decision used if an unexpected failure happens inside triage: `none`, second opinion needed. */
function fallbackDecision(classifier: IntentClassifier): TriageDecision {
  const prediction: IntentPrediction = { intent: NONE_INTENT, confidence: 0, ranking: [] };
  return {
    category: NONE_CATEGORY,
    intent: prediction.intent,
    urgency: 'normal',
    confidence: 0,
    entities: emptyEntities(),
    alternatives: [],
    sentiment: { label: 'neutral', score: 0, frustration: 0 },
    signals: { humanRequested: false, legalThreat: false, abusive: false, language: 'und' },
    subtasks: [{ text: '', intent: NONE_INTENT, category: NONE_CATEGORY, confidence: 0 }],
    reasoning: `local triage failed; defaulted to none (classifier threshold ${classifier.threshold.toFixed(2)})`,
    decidedBy: 'local',
    needsSecondOpinion: true,
  };
}
