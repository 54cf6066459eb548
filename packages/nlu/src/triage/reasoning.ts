/**
 * The one-line `reasoning` of a local triage decision. Names entity types, never their values,
 * so the line is safe for logs.
 */
import { NONE_INTENT, type Entities, type TriageSignals } from '@switchboard/core';
import type { IntentPrediction } from '../classifier/intent-classifier.js';

const ENTITY_LABELS: readonly [keyof Entities, string][] = [
  ['orderIds', 'order id'],
  ['emails', 'email'],
  ['personNames', 'name'],
  ['zipCodes', 'zip'],
  ['amounts', 'amount'],
  ['dates', 'date'],
  ['products', 'product'],
  ['trackingIds', 'tracking id'],
  ['phoneNumbers', 'phone'],
];

/** E.g. `top intent track_order 0.93 (threshold 0.41); order id found; urgency: refund missing; 2 subtasks`. */
export function describeDecision(input: {
  prediction: IntentPrediction;
  threshold: number;
  urgencyReasons: readonly string[];
  entities: Entities;
  signals: TriageSignals;
  subtasks: number;
  text: string;
}): string {
  const { prediction } = input;
  const top = prediction.ranking[0];
  const parts: string[] = [];
  if (input.text.length === 0) parts.push('empty message');
  if (prediction.intent === NONE_INTENT) {
    parts.push(top === undefined ? 'no intent' : `no intent above threshold ${input.threshold.toFixed(2)} (best ${top.intent} ${top.probability.toFixed(2)})`);
  } else {
    parts.push(`top intent ${prediction.intent} ${prediction.confidence.toFixed(2)} (threshold ${input.threshold.toFixed(2)})`);
  }
  const found = ENTITY_LABELS.filter(([key]) => input.entities[key].length > 0).map(([, label]) => label);
  if (found.length > 0) parts.push(`${found.join(', ')} found`);
  if (input.signals.humanRequested) parts.push('human requested');
  if (input.signals.legalThreat) parts.push('legal/threat language');
  if (input.signals.abusive) parts.push('abusive');
  if (input.signals.language !== 'en' && input.signals.language !== 'und') parts.push(`language ${input.signals.language}`);
  if (input.urgencyReasons.length > 0) parts.push(`urgency: ${input.urgencyReasons.join(', ')}`);
  if (input.subtasks > 1) parts.push(`${input.subtasks} subtasks`);
  return parts.join('; ');
}
