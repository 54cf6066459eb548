/**
 * Text normalization and word tokenization shared by every nlu component.
 */

const CONTROL_CHARACTERS = /(?![\n\t])\p{Cc}/gu;
const INVISIBLE_CHARACTERS = /[\u200B\u2060\uFEFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HORIZONTAL_WHITESPACE = /[^\S\n]+/g;
const SPACES_AROUND_NEWLINES = / ?\n ?/g;
const EXCESS_NEWLINES = /\n{3,}/g;
const WORD_TOKEN = /[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu;
const TYPOGRAPHIC_APOSTROPHES = /[\u2018\u2019\u02BC]/g;

/** The last text {@link normalizeText} normalized, and the result (see there). */
let lastInput = '';
let lastOutput = '';

/**
 * Normalizes customer text: Unicode NFKC, control characters removed (newline and tab kept,
 * carriage returns become newlines), zero-width characters and lone surrogates removed, runs of
 * spaces and tabs collapsed to one space, at most one blank line kept, ends trimmed.
 *
 * Case is preserved; use {@link tokenize} for lowercased tokens.
 *
 * @param text - Any string, including empty or very long input.
 * @returns The normalized text (possibly empty). Never throws.
 * @example
 * ```ts
 * normalizeText('  Ｈｅｌｌｏ\u0007   world \r\n') // 'Hello world'
 * ```
 */
export function normalizeText(text: string): string {
  // The analyzers of one message (signals, language, sentiment, frustration, urgency, entities)
  // each normalize the same text, some of them what another already normalized: remember the last
  // result. Normalizing is idempotent, so its output normalizes to itself.
  if (text === lastInput || text === lastOutput) return lastOutput;
  const normalized = text
    .replace(LONE_SURROGATES, '')
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .replace(INVISIBLE_CHARACTERS, '')
    .replace(HORIZONTAL_WHITESPACE, ' ')
    .replace(SPACES_AROUND_NEWLINES, '\n')
    .replace(EXCESS_NEWLINES, '\n\n')
    .trim();
  lastInput = text;
  lastOutput = normalized;
  return normalized;
}

/**
 * Splits text into lowercased word tokens: runs of letters, marks and digits, with inner
 * apostrophes kept (`don't`); punctuation, symbols and emoji are dropped. Digits are kept as
 * written (`w2611340`).
 *
 * Use for features and keyword rules; use {@link normalizeText} when the original casing or
 * punctuation matters (entity extraction).
 *
 * @param text - Any string; it is normalized first.
 * @returns Tokens in order of appearance (may be empty).
 * @example
 * ```ts
 * tokenize("I DON'T have order #W2611340!") // ['i', "don't", 'have', 'order', 'w2611340']
 * ```
 */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text).replace(TYPOGRAPHIC_APOSTROPHES, "'").toLowerCase();
  return normalized.match(WORD_TOKEN) ?? [];
}
