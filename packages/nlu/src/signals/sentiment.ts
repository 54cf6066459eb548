/**
 * Sentiment (wink-nlp's lexicon-based score) and frustration (rules over caps, repeated
 * punctuation, insults, profanity, repetition and exasperation phrases).
 */
import type { Sentiment } from '@switchboard/core';
import { normalizeText } from '../text/normalize.js';
import { getWink } from '../wink.js';
import { ANY_ABUSE, PROFANITY } from './lexicon.js';

const MAX_CHARS = 5_000;
const REPEATED_PUNCTUATION = /[!?]{3,}|[!?]{2}/g;
const REPETITION = /\b(?:(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+time|how\s+many\s+times|(?:still|yet)\s+(?:not|no|haven't|hasn't|have\s+not|has\s+not|didn't|did\s+not|waiting|nothing|broken)|again\s+and\s+again|keep\s+(?:asking|telling|saying|getting)|already\s+(?:told|asked|explained|sent|called)|for\s+the\s+last\s+time|no\s+one\s+(?:has|is|will|ever)|nobody\s+(?:has|is|will|ever)|(?:days|weeks|months)\s+(?:now|and\s+(?:still|nothing)))\b/gi;
const EXASPERATION = /\b(?:ridiculous|unacceptable|absurd|outrageous|useless|pathetic|worst|terrible|horrible|awful|disgusting|disgusted|furious|livid|angry|pissed|fed\s+up|sick\s+of|tired\s+of|had\s+enough|joke|insane|unbelievable|incompetent|incompetence|scam|rip[-\s]?off|nightmare|disappointed|frustrated|frustrating|annoyed|annoying|wtf|smh)\b/gi;

/**
 * Words that name a support transaction or a product option, not a feeling: "cancel my order",
 * "ordered by mistake", "sorry, I meant…", "pressure 9 bar". wink's general-purpose lexicon scores
 * them negative, which made routine requests read as unhappy customers. They are left out of the
 * lexicon score (frustration cues still count).
 */
export const TRANSACTIONAL_TERMS = /\b(?:cancel(?:l?ed|l?ing|lation|s)?|default(?= (?:shipping |delivery )?address)|(?:by|a|in)\s+(?:mistake|error|accident)|mistakenly|accidentally|sorry|pardon|(?:pressure\s+)?\d+(?:\.\d+)?\s*bar|pressure)\b/gi;

function count(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

/**
 * Frustration in [0, 1] from surface cues, independent of the sentiment lexicon: shouting (most
 * letters of 3+ words in capitals) +0.3; `!!`/`??` +0.1 each, `!!!` +0.2 each (at most 0.3);
 * insults or abuse at the desk +0.5; other profanity +0.2; repetition ("third time", "still
 * not", "how many times") +0.3 each (at most 0.45); exasperation words ("ridiculous",
 * "unacceptable") +0.2 each (at most 0.4); plus 0.3 × the negative part of `sentimentScore`.
 */
export function measureFrustration(text: string, sentimentScore = 0): number {
  const normalized = normalizeText(text.slice(0, MAX_CHARS * 2)).slice(0, MAX_CHARS);
  const capitalWords = normalized.match(/\b\p{L}{3,}\b/gu) ?? [];
  const shouted = capitalWords.filter((word) => word === word.toUpperCase() && word !== word.toLowerCase());
  let score = 0;
  if (shouted.length >= 2 && shouted.length / capitalWords.length >= 0.6) score += 0.3;
  const punctuation = normalized.match(REPEATED_PUNCTUATION) ?? [];
  score += Math.min(0.3, punctuation.reduce((sum, run) => sum + (run.length >= 3 ? 0.2 : 0.1), 0));
  if (ANY_ABUSE.test(normalized)) score += 0.5;
  else if (PROFANITY.test(normalized)) score += 0.2;
  score += Math.min(0.45, 0.3 * count(normalized, REPETITION));
  score += Math.min(0.4, 0.2 * count(normalized, EXASPERATION));
  score += 0.3 * Math.max(0, -sentimentScore);
  return Math.round(Math.min(1, score) * 1000) / 1000;
}

/**
 * Scores the sentiment of customer text with wink-nlp (its English lite model's sentiment, in
 * [-1, 1]) and measures frustration ({@link measureFrustration}). When frustration is 0.4 or
 * more the score is capped at `-frustration / 2`, so "Great. Third time I ask!!!" reads negative.
 * Label: `positive` when score ≥ 0.15, `negative` when ≤ -0.15, else `neutral`.
 *
 * English only in substance: other languages mostly get `neutral` with frustration from
 * punctuation and caps. Reads the first 5,000 characters. Loads wink-nlp on first use.
 *
 * @param text - Any string.
 * @param options.neutralize - Removes words that carry no feeling here before the lexicon score
 *   (the local triager drops catalog product names and options: "charcoal", "plain", "Jigsaw
 *   Puzzle" are products, not moods). Frustration cues are read from the text as written.
 * @returns A core `Sentiment` (`score` in [-1, 1], `frustration` in [0, 1]). Never throws.
 * @see https://winkjs.org/wink-nlp/its-as-helper.html (its.sentiment)
 * @example
 * ```ts
 * analyzeSentiment('This is the THIRD time I ask!!! Ridiculous.') // { label: 'negative', score: -0.395, frustration: 0.79 }
 * ```
 */
export function analyzeSentiment(text: string, options: { neutralize?: (normalized: string) => string } = {}): Sentiment {
  const source = typeof text === 'string' ? text : '';
  const normalized = normalizeText(source.slice(0, MAX_CHARS * 2)).slice(0, MAX_CHARS);
  let lexiconScore = 0;
  if (normalized.length > 0) {
    const wink = getWink();
    const neutral = (options.neutralize ? options.neutralize(normalized) : normalized).replace(TRANSACTIONAL_TERMS, ' ');
    // eslint-disable-next-line @typescript-eslint/unbound-method -- wink's `its` helpers are plain functions, passed by design
    const value = Number(wink.readDoc(neutral).out(wink.its.sentiment));
    lexiconScore = Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : 0;
  }
  const frustration = measureFrustration(normalized, lexiconScore);
  const score = Math.round((frustration >= 0.4 ? Math.min(lexiconScore, -frustration / 2) : lexiconScore) * 1000) / 1000;
  const label = score >= 0.15 ? 'positive' : score <= -0.15 ? 'negative' : 'neutral';
  return { label, score, frustration };
}
