/**
 * Order ids and tracking ids.
 *
 * Order ids: the store format is `#W` + 7 digits (τ-bench retail, e.g. `#W2611340`). Accepted
 * as `#W2611340`, `W2611340`, `#2611340`, and after an order word (`order 2611340`,
 * `order #2611340`, `order number 2611340`, `purchase no. 2611340`); all become `#W2611340`.
 * Other digit runs of 4–20 digits after an order word (`order`, `purchase`, `invoice`, `bill`,
 * `receipt`, `transaction`) are order ids too, kept as written without the `#`
 * (`cancel purchase 00123842` → `00123842`).
 *
 * Tracking ids: runs of 8–34 letters and digits with at least 8 digits, in the same sentence
 * shortly after `tracking` (`tracking number 357962501027`) or just before it.
 */
import type { EntityMatch } from './spans.js';
import { matchAll } from './spans.js';

const STORE_ORDER_ID = /(?<![\p{L}\p{N}])#?\s?[Ww](\d{7})(?!\p{N})|(?<![\p{L}\p{N}#])#(\d{7})(?!\p{N})/gu;
const ORDER_WORD = String.raw`(?:order|purchase|invoice|bill|receipt|transaction)s?`;
const ID_FILLER = String.raw`(?:\s*(?:number|num|nbr|nr|no|id|ref|reference|is|was|:|#|=|-)\.?)*`;
const KEYWORD_ORDER_ID = new RegExp(String.raw`\b${ORDER_WORD}${ID_FILLER}\s*#?\s*(\d{4,20})(?![\p{N}\p{L}])`, 'giu');

const TRACKING_WORD = /\btracking\b/giu;
const TRACKING_CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z0-9]{8,34}(?![\p{L}\p{N}])/gu;
const SENTENCE_END = /[.!?\n]/;
const TRACKING_WINDOW_AFTER = 80;
const TRACKING_WINDOW_BEFORE = 40;

/** Order ids in the store format (`#W` + 7 digits), normalized. */
export function findStoreOrderIds(text: string): EntityMatch<string>[] {
  return [...matchAll(text, STORE_ORDER_ID)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    value: `#W${match[1] ?? match[2] ?? ''}`,
  }));
}

/** Digit runs after an order word: 7 digits become `#W…`, other lengths are kept as written. */
export function findKeywordOrderIds(text: string): EntityMatch<string>[] {
  return [...matchAll(text, KEYWORD_ORDER_ID)].map((match) => {
    const digits = match[1] ?? '';
    const start = match.index + match[0].length - digits.length;
    return { start, end: start + digits.length, value: digits.length === 7 ? `#W${digits}` : digits };
  });
}

/**
 * Tracking ids near the word `tracking`: the first candidate in the same sentence within 80
 * characters after it, else the last candidate within 40 characters before it. Uppercased.
 */
export function findTrackingIds(text: string): EntityMatch<string>[] {
  const matches: EntityMatch<string>[] = [];
  for (const keyword of matchAll(text, TRACKING_WORD)) {
    const afterStart = keyword.index + keyword[0].length;
    const after = clipAtSentenceEnd(text.slice(afterStart, afterStart + TRACKING_WINDOW_AFTER));
    const afterCandidate = trackingCandidates(after, afterStart)[0];
    const beforeStart = Math.max(0, keyword.index - TRACKING_WINDOW_BEFORE);
    const before = text.slice(beforeStart, keyword.index);
    const sentenceStart = Math.max(...[...'.!?\n'].map((mark) => before.lastIndexOf(mark)));
    const beforeCandidate = trackingCandidates(before.slice(sentenceStart + 1), beforeStart + sentenceStart + 1).at(-1);
    const chosen = afterCandidate ?? beforeCandidate;
    if (chosen) matches.push(chosen);
  }
  return matches;
}

function clipAtSentenceEnd(window: string): string {
  const end = window.search(SENTENCE_END);
  return end === -1 ? window : window.slice(0, end);
}

function trackingCandidates(window: string, offset: number): EntityMatch<string>[] {
  return [...matchAll(window, TRACKING_CANDIDATE)]
    .filter((match) => (match[0].match(/\d/g) ?? []).length >= 8)
    .map((match) => ({ start: offset + match.index, end: offset + match.index + match[0].length, value: match[0].toUpperCase() }));
}
