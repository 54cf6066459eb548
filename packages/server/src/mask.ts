/**
 * Masking personal data — email addresses, phone numbers, payment card numbers, street
 * addresses — in log lines and stored audit events, unless the sensitive-data switch is on.
 *
 * Masking errs on the side of hiding: a run of 13–19 digits is treated as a card number whether
 * or not it passes the Luhn check, and "<number> <words> <street suffix>" as an address. Order
 * ids (`#W1234567`), item ids (10 digits) and tracking numbers (12 digits) stay readable.
 */

/** What replaces each kind of personal data. */
export const MASKS = Object.freeze({ email: '[email]', phone: '[phone]', card: '[card]', address: '[address]' });

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** 13–19 digits, optionally grouped by single spaces or dashes (`4111 1111 1111 1111`); not the digits of a decimal fraction. */
const CARD = /(?<![\p{L}\p{N}.])\d(?:[ -]?\d){12,18}(?![\p{L}\p{N}]|\.\d)/gu;
/** Formatted phone numbers: `+1 (555) 010-2030`, `555-010-2030`, `+44 20 7946 0958`, `+15550102030`. */
const PHONE = /(?<![\p{L}\p{N}+])(?:\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,3}|\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{4}|\d{3}[\s.-]\d{3,4}[\s.-]\d{4})(?![\p{L}\p{N}])/gu;
const STREET_SUFFIX = 'street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|circle|parkway|pkwy|highway|hwy|square|trail|broadway|view';
/** `<house number> <up to four words> <street suffix>`, optionally followed by `Suite/Apt <n>`. */
const ADDRESS = new RegExp(`\\b\\d{1,6}\\s+(?:[A-Za-z][A-Za-z.'-]*\\s+){0,4}(?:${STREET_SUFFIX})\\b\\.?(?:,?\\s+(?:suite|apt|unit|#)\\s*[\\w-]+)?`, 'gi');

/** Record keys whose string values are personal data whatever they look like. */
const PERSONAL_KEYS = new Set(['email', 'to', 'phone', 'address1', 'address2', 'street', 'zip', 'claimedemail', 'card_number', 'cardnumber', 'first_name', 'last_name']);

/**
 * Replaces personal data in `text` with `[email]`, `[phone]`, `[card]` and `[address]`.
 * Safe on serialized JSON: the masks contain no quotes or backslashes.
 * @param text - Any text (a log line, a message, an audit field).
 * @returns The text with every match masked; unchanged when nothing matched.
 * @example maskPersonalData('mail ada@example.com') // 'mail [email]'
 */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, MASKS.email).replace(ADDRESS, MASKS.address).replace(CARD, MASKS.card).replace(PHONE, MASKS.phone);
}

/**
 * Masks every string inside `value` (arrays and plain objects, recursively); values of
 * {@link PERSONAL_KEYS} (`email`, `zip`, `address1`…) are masked entirely.
 * @returns A masked copy; numbers, booleans and `null` are kept.
 */
export function maskDeep(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key !== undefined && PERSONAL_KEYS.has(key.toLowerCase()) ? '[redacted]' : maskPersonalData(value);
  if (Array.isArray(value)) return value.map((item) => maskDeep(item));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([field, item]) => [field, maskDeep(item, field)]));
  }
  return value;
}

/**
 * Finds unmasked personal data in `text` (the privacy tests scan logs with it).
 * @returns One entry per match, with its kind; empty when the text is clean.
 */
export function findPersonalData(text: string): { kind: keyof typeof MASKS; match: string }[] {
  const found: { kind: keyof typeof MASKS; match: string }[] = [];
  const kinds: [keyof typeof MASKS, RegExp][] = [['email', EMAIL], ['address', ADDRESS], ['card', CARD], ['phone', PHONE]];
  for (const [kind, pattern] of kinds) for (const match of text.matchAll(pattern)) found.push({ kind, match: match[0] });
  return found;
}
