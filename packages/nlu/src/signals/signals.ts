/**
 * Triage signals the escalation policy acts on: explicit human request, legal or violent
 * threat, abuse aimed at the desk, and the message language.
 */
import { anyPattern, type TriageSignals } from '@switchboard/core';
import { normalizeText } from '../text/normalize.js';
import { detectLanguage } from './language.js';
import { ANY_ABUSE, HUMAN_REQUEST_NEGATION, HUMAN_REQUEST_PATTERNS, LEGAL_PATTERNS, VIOLENCE_PATTERNS } from './lexicon.js';

const MAX_CHARS = 20_000;

/** The lists as single patterns (`anyPattern`): each is scanned once per message. */
const ANY_HUMAN_REQUEST = anyPattern(HUMAN_REQUEST_PATTERNS);
const LEGAL_OR_VIOLENCE = anyPattern([...LEGAL_PATTERNS, ...VIOLENCE_PATTERNS]);

/** Normalized text with straight apostrophes, for the phrase patterns. */
export function signalText(text: string): string {
  const source = typeof text === 'string' ? text : '';
  return normalizeText(source.slice(0, MAX_CHARS * 2))
    .slice(0, MAX_CHARS)
    .replace(/[\u2018\u2019\u02BC]/g, "'");
}

/** Whether the customer explicitly asks for a human, ignoring negated requests. */
export function requestsHuman(text: string): boolean {
  // Most messages ask for no one: one scan rules that out before each pattern is located.
  if (!ANY_HUMAN_REQUEST.test(text)) return false;
  return HUMAN_REQUEST_PATTERNS.some((pattern) => {
    const match = pattern.exec(text);
    if (match === null) return false;
    return !HUMAN_REQUEST_NEGATION.test(text.slice(Math.max(0, match.index - 40), match.index));
  });
}

/**
 * Detects the signals of one customer message.
 *
 * - `humanRequested`: an explicit request ("I want to talk to a person", "real person please",
 *   "speak to someone", "operator please", a message that is just "agent"). Not questions about
 *   the bot ("are you a bot?"), mentions of a past agent ("the agent was rude"), or negated
 *   requests ("I don't need to talk to a human").
 * - `legalThreat`: lawyer/attorney, sue/lawsuit/legal action/court, chargebacks and disputes,
 *   reports to the BBB, FTC or authorities, and threats of violence.
 * - `abusive`: insults or profanity aimed at the desk ("you are useless idiots", "stupid bot",
 *   "f*** you"); swearing about a thing ("where is my damn order") is not abuse.
 * - `language`: see `detectLanguage`.
 *
 * English phrase rules: in other languages only `language` is meaningful. Reads the first
 * 20,000 characters.
 *
 * @returns A core `TriageSignals`. Never throws.
 * @example
 * ```ts
 * detectSignals('I want to talk to a real person, or I call my lawyer')
 * // { humanRequested: true, legalThreat: true, abusive: false, language: 'en' }
 * ```
 */
export function detectSignals(text: string): TriageSignals {
  const prepared = signalText(text);
  return {
    humanRequested: requestsHuman(prepared),
    legalThreat: LEGAL_OR_VIOLENCE.test(prepared),
    abusive: ANY_ABUSE.test(prepared),
    language: detectLanguage(prepared),
  };
}
