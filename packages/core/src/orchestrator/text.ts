import { InvalidInputError } from '../errors.js';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/g;

/**
 * Validates and normalizes an inbound customer message: NFKC, control and zero-width characters
 * removed, runs of spaces collapsed, trimmed.
 *
 * @param text - raw text as received.
 * @param maxChars - maximum length after normalization, in characters.
 * @returns the normalized text.
 * @throws InvalidInputError `MESSAGE_EMPTY` when nothing is left after normalization.
 * @throws InvalidInputError `MESSAGE_TOO_LARGE` when longer than `maxChars` (details: `maxChars`, `chars`).
 */
export function validateCustomerText(text: string, maxChars: number): string {
  const normalized = text.normalize('NFKC').replace(CONTROL_CHARACTERS, ' ').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  if (normalized === '') throw new InvalidInputError('MESSAGE_EMPTY', 'The message is empty. Please type your question.');
  if (normalized.length > maxChars) {
    throw new InvalidInputError('MESSAGE_TOO_LARGE', `The message is too long (${normalized.length} characters; the limit is ${maxChars}). Please shorten it or split it into several messages.`, {
      details: { maxChars, chars: normalized.length },
    });
  }
  return normalized;
}
