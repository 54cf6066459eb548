/**
 * Email addresses and phone numbers.
 *
 * Emails are lowercased. Phone numbers are returned as digits with a leading `+` when the
 * customer wrote a country code (`(555) 123-4567` → `5551234567`, `+44 20 7946 0958` →
 * `+442079460958`). Formatted numbers (separators between digit groups) are accepted anywhere;
 * bare runs of 10–11 digits only right after a phone word (`phone`, `call`, `cell`, `mobile`,
 * `text`, `reach me at`), since elsewhere they are more often order or tracking numbers.
 */
import type { EntityMatch } from './spans.js';
import { matchAll } from './spans.js';

const EMAIL = /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\p{L}\p{N}])/gu;
const FORMATTED_PHONE = /(?<![\p{L}\p{N}+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{4}(?![\p{L}\p{N}])/gu;
const KEYWORD_PHONE = /\b(?:phone|call|cell|mobile|tel|text|whatsapp|reach me|contact me)\b[^\d\n]{0,20}?(\+?\d{10,11})(?![\p{L}\p{N}])/giu;

/** Email addresses, lowercased. */
export function findEmails(text: string): EntityMatch<string>[] {
  return [...matchAll(text, EMAIL)].map((match) => ({ start: match.index, end: match.index + match[0].length, value: match[0].toLowerCase() }));
}

/** Phone numbers, as digits (with `+` when a country code was written). */
export function findPhoneNumbers(text: string): EntityMatch<string>[] {
  const matches: EntityMatch<string>[] = [];
  for (const match of matchAll(text, FORMATTED_PHONE)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length < 10 || digits.length > 15) continue;
    matches.push({ start: match.index, end: match.index + match[0].length, value: match[0].trimStart().startsWith('+') ? `+${digits}` : digits });
  }
  for (const match of matchAll(text, KEYWORD_PHONE)) {
    const number = match[1] ?? '';
    const start = match.index + match[0].length - number.length;
    matches.push({ start, end: start + number.length, value: number });
  }
  return matches;
}
