/**
 * Urgency of a customer message: `urgent`, `high`, `normal` or `low`, with the reasons found.
 */
import type { Sentiment, TriageSignals, Urgency } from '@switchboard/core';
import { analyzeSentiment } from './sentiment.js';
import { detectSignals, signalText } from './signals.js';
import { HIGH_CUES, LOW_CUES, NO_RUSH, URGENT_CUES, VIOLENCE_PATTERNS } from './lexicon.js';

/** What {@link assessUrgency} returns. */
export interface UrgencyAssessment {
  urgency: Urgency;
  /** Why, most important first (`'legal threat'`, `'money at risk: duplicate or wrong charge'`…); empty for `normal` without cues. */
  reasons: string[];
}

/** Frustration at or above this makes a message `high`. */
export const HIGH_FRUSTRATION = 0.6;

/**
 * Assesses urgency from phrase rules (English):
 *
 * - `urgent`: legal or violent threats, safety (fire, injury, shock), fraud or unauthorized
 *   charges, a hacked account, a total outage ("site is down", "can't check out at all").
 * - `high`: money at risk (double charged, charged twice, refund missing), a very frustrated
 *   customer (frustration ≥ 0.6), deadlines ("need it today", "asap", "by Friday") unless the
 *   customer says there is no rush.
 * - `low`: feedback, newsletter, general information, "no rush" — when nothing above applies.
 * - `normal`: everything else.
 *
 * @param text - Customer text; any string.
 * @param signals - Signals already computed by `detectSignals` (computed here when omitted).
 * @param sentiment - Sentiment already computed by `analyzeSentiment` (computed here when omitted; loads wink-nlp).
 * @returns The level and its reasons. Never throws.
 * @example
 * ```ts
 * assessUrgency('I was charged twice for order #W2611340').urgency // 'high'
 * ```
 */
export function assessUrgency(text: string, signals?: TriageSignals, sentiment?: Sentiment): UrgencyAssessment {
  const prepared = signalText(text);
  const found = signals ?? detectSignals(prepared);
  const urgentReasons: string[] = [];
  if (found.legalThreat) urgentReasons.push(VIOLENCE_PATTERNS.some((pattern) => pattern.test(prepared)) ? 'threat of violence' : 'legal threat');
  for (const cue of URGENT_CUES) if (cue.pattern.test(prepared)) urgentReasons.push(cue.reason);
  if (urgentReasons.length > 0) return { urgency: 'urgent', reasons: urgentReasons };

  const highReasons: string[] = [];
  const noRush = NO_RUSH.test(prepared);
  for (const cue of HIGH_CUES) {
    if (cue.reason.startsWith('deadline') && noRush) continue;
    if (cue.pattern.test(prepared)) highReasons.push(cue.reason);
  }
  const frustration = (sentiment ?? analyzeSentiment(prepared)).frustration;
  if (frustration >= HIGH_FRUSTRATION) highReasons.push(`very frustrated customer (${frustration.toFixed(2)})`);
  if (highReasons.length > 0) return { urgency: 'high', reasons: highReasons };

  const lowReasons = LOW_CUES.filter((cue) => cue.pattern.test(prepared)).map((cue) => cue.reason);
  if (lowReasons.length > 0) return { urgency: 'low', reasons: lowReasons };
  return { urgency: 'normal', reasons: [] };
}
