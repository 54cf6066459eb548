/**
 * Multi-intent splitting (v1): a message is split on clear conjunctions and each part is
 * classified on its own; the split is kept only when every part is confidently classified and
 * the parts carry different intents.
 */
import { NONE_INTENT, type Subtask } from '@switchboard/core';
import type { IntentClassifier, IntentPrediction } from '../classifier/intent-classifier.js';

/** Clear boundaries between requests: "and also", ". Also", "; ", ". Another thing", ". Plus". */
const CLEAR_BOUNDARY = /\s+and\s+also\s+|(?<=[.!?])\s+(?:also|additionally|plus|besides|another\s+thing)\b[,:]?\s*|;\s+/i;
/** A plain " and ", used only when both sides have at least 3 words and the later side does not continue a list. */
const PLAIN_AND = /\s+and\s+/i;
const MAX_PARTS = 4;
const MIN_WORDS_FOR_PLAIN_AND = 3;
/** A part after a plain " and " that starts like a noun phrase ("the lamp for a blue one") continues a list, not a new request. */
const LIST_CONTINUATION = /^(?:the|a|an|my|one|this|that|these|those|some|both|another|its|his|her|their|our|your|item|items)\b/i;

/** What the splitter needs: the classifier, the category map, and the confidence a part needs. */
export interface SubtaskContext {
  classifier: Pick<IntentClassifier, 'predict'>;
  categoryOf: (intent: string) => string;
  /** Minimum calibrated confidence for a part to count as confidently classified (0–1). */
  minConfidence: number;
}

function toSubtask(text: string, prediction: IntentPrediction, context: SubtaskContext): Subtask {
  return { text, intent: prediction.intent, category: context.categoryOf(prediction.intent), confidence: prediction.confidence };
}

function confident(prediction: IntentPrediction, context: SubtaskContext): boolean {
  return prediction.intent !== NONE_INTENT && prediction.confidence >= context.minConfidence;
}

/** Splits `text` into parts on `boundary`; undefined when there are fewer than 2 or more than MAX_PARTS non-empty parts. */
function splitOn(text: string, boundary: RegExp): string[] | undefined {
  const parts = text.split(boundary).map((part) => part.trim().replace(/^[,.;:]+|[,;:]+$/g, '').trim()).filter((part) => part.length > 0);
  return parts.length >= 2 && parts.length <= MAX_PARTS ? parts : undefined;
}

/** Classifies each part; returns subtasks (consecutive parts with the same intent merged) when the split holds. */
function trySplit(parts: readonly string[], context: SubtaskContext): Subtask[] | undefined {
  const predictions = parts.map((part) => context.classifier.predict(part));
  if (!predictions.every((prediction) => confident(prediction, context))) return undefined;
  const subtasks: Subtask[] = [];
  predictions.forEach((prediction, index) => {
    const previous = subtasks.at(-1);
    const text = parts[index] ?? '';
    if (previous !== undefined && previous.intent === prediction.intent) {
      previous.text = `${previous.text}; ${text}`;
      previous.confidence = Math.min(previous.confidence, prediction.confidence);
    } else {
      subtasks.push(toSubtask(text, prediction, context));
    }
  });
  return subtasks.length >= 2 ? subtasks : undefined;
}

/**
 * The subtasks of a message: one per request when the message splits cleanly into confidently
 * classified parts with different intents, otherwise one subtask equal to the whole message
 * with `whole` (its prediction).
 */
export function splitSubtasks(text: string, whole: IntentPrediction, context: SubtaskContext): Subtask[] {
  const clear = splitOn(text, CLEAR_BOUNDARY);
  const fromClear = clear === undefined ? undefined : trySplit(clear, context);
  if (fromClear !== undefined) return fromClear;
  const plain = splitOn(text, PLAIN_AND);
  const plainUsable = plain !== undefined && plain.every((part, index) => part.split(/\s+/).length >= MIN_WORDS_FOR_PLAIN_AND && (index === 0 || !LIST_CONTINUATION.test(part)));
  const fromPlain = plainUsable ? trySplit(plain, context) : undefined;
  return fromPlain ?? [toSubtask(text, whole, context)];
}
