/**
 * Text helpers of the write playbooks: tokens with their offsets, compact forms for matching
 * catalog option values, and the customer's yes / no at a confirmation.
 */

/** One word of a message: lower-case text and its offsets in the original string. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** A clause boundary (`,` `;` `.` `!` `?` `(` `)` or a line break; not `:`) sits between the previous token and this one. */
  boundary: boolean;
}

/** Letters and digits, with decimals ("1.5l", "5.8") and a trailing "%" ("80%") kept in one token. */
const TOKEN = /\p{N}+(?:\.\p{N}+)?\p{L}*%?|\p{L}+(?:\p{N}+\p{L}*)*/gu;
const BOUNDARY = /[,;.!?()\n]/;

/** The words of `text`, lower-cased, with offsets and clause boundaries. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    tokens.push({ text: match[0].toLowerCase(), start, end: start + match[0].length, boundary: tokens.length === 0 || BOUNDARY.test(text.slice(previousEnd, start)) });
    previousEnd = start + match[0].length;
  }
  return tokens;
}

/** Lower-case letters and digits only, for comparing option values ("4 ft" = "4-ft" = "4ft"). */
export function compact(text: string): string {
  return tokenize(text).map((token) => token.text).join('');
}

/** `word` without a plural "s" ("lenses" → "lense", "boots" → "boot"), for loose word comparison. */
export function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

const AFFIRMATIVE = /^\s*(?:y|yes|yeah|yep|yup|sure|correct|confirm(?:ed)?|i confirm|go ahead|please do|please proceed|proceed|that'?s (?:right|correct)|absolutely|definitely|ok(?:ay)?,? (?:go ahead|do it|yes)|do it)\b/i;
const NEGATIVE = /^\s*(?:n|no(?!\s+(?:longer|need))|nope|nah|don'?t|do not|wait|stop|cancel that|not (?:yet|now|right)|never ?mind|hold on)\b/i;

/** The customer said yes to the stated action ("yes", "yes please", "go ahead", "confirm"). */
export function isAffirmative(text: string): boolean {
  return AFFIRMATIVE.test(text) && !/\b(?:but|except|instead|actually|wait)\b/i.test(text);
}

/** The customer said no or asked to hold ("no", "wait", "don't", "never mind"). */
export function isNegative(text: string): boolean {
  return NEGATIVE.test(text);
}

/** Whether `tokens` contain `phrase` (space-separated words) as consecutive tokens. */
export function hasPhrase(tokens: readonly Token[], phrase: string): boolean {
  return findPhrase(tokens, phrase) >= 0;
}

/** Index of the first token of `phrase` in `tokens`, or -1. */
export function findPhrase(tokens: readonly Token[], phrase: string, from = 0): number {
  const words = phrase.split(' ');
  for (let index = from; index + words.length <= tokens.length; index += 1) {
    if (words.every((word, offset) => tokens[index + offset]?.text === word)) return index;
  }
  return -1;
}
