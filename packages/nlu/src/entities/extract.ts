/**
 * Entity extraction: runs every extractor over the normalized text, lets higher-precedence
 * entities claim their characters first, and deduplicates each list.
 */
import type { Entities } from '@switchboard/core';
import { normalizeText } from '../text/normalize.js';
import type { CatalogIndex } from './catalog.js';
import { findEmails, findPhoneNumbers } from './contact.js';
import { findDates } from './dates.js';
import { findKeywordOrderIds, findStoreOrderIds, findTrackingIds } from './identifiers.js';
import { findAmounts } from './money.js';
import { findPersonNames } from './person-names.js';
import { ClaimedSpans, dedupe, valuesOf } from './spans.js';
import { findZipCodes } from './zip-codes.js';

/** Options of {@link extractEntities}. */
export interface ExtractEntitiesOptions {
  /** Catalog to match product names and option values against; without it `products` is empty. */
  catalog?: CatalogIndex;
  /** "Now" for relative dates ("yesterday") and dates without a year; without it those are skipped. */
  referenceDate?: Date;
  /** Only the first this many characters (after normalization) are read. @defaultValue 20000 */
  maxChars?: number;
}

const DEFAULT_MAX_CHARS = 20_000;

/**
 * Extracts order ids, emails, person names, zip codes, money amounts, dates, tracking ids,
 * phone numbers and catalog products from customer text.
 *
 * Precedence when spans overlap (the first claims the characters): emails, store order ids
 * (`#W…`), tracking ids, money, phone numbers, order ids after order words, dates, person names,
 * zip codes. The formats each extractor accepts are documented in its module
 * (`entities/identifiers.ts`, `contact.ts`, `money.ts`, `dates.ts`, `person-names.ts`,
 * `zip-codes.ts`, `catalog.ts`).
 *
 * Use the LLM triager when entities must be read from free paraphrase ("the order I placed
 * before my birthday").
 *
 * @param text - Customer text; any string (empty, huge, emoji, control characters).
 * @param options - See {@link ExtractEntitiesOptions}.
 * @returns Schema-valid `Entities` (core `EntitiesSchema`); every list deduplicated, in order of
 *   appearance. Never throws.
 * @example
 * ```ts
 * extractEntities('Cancel order 2611340, I was charged $12.50 yesterday', { referenceDate: new Date('2024-03-15') });
 * // { orderIds: ['#W2611340'], amounts: [{ amountCents: 1250, currency: 'USD' }], dates: ['2024-03-14'], … }
 * ```
 */
export function extractEntities(text: string, options: ExtractEntitiesOptions = {}): Entities {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const source = typeof text === 'string' ? text.slice(0, maxChars * 2) : '';
  const normalized = normalizeText(source).slice(0, maxChars);
  const claims = new ClaimedSpans();
  const emails = claims.claim(findEmails(normalized));
  const storeOrderIds = claims.claim(findStoreOrderIds(normalized));
  const trackingIds = claims.claim(findTrackingIds(normalized));
  const amounts = claims.claim(findAmounts(normalized));
  const phoneNumbers = claims.claim(findPhoneNumbers(normalized));
  const keywordOrderIds = claims.claim(findKeywordOrderIds(normalized));
  const orderIds = [...storeOrderIds, ...keywordOrderIds].sort((left, right) => left.start - right.start);
  const dates = claims.claim(findDates(normalized, options.referenceDate));
  const personNames = claims.claim(findPersonNames(normalized));
  const zipCodes = claims.claim(findZipCodes(normalized, personNames.map((match) => match.end)));
  return {
    orderIds: dedupe(valuesOf(orderIds)),
    emails: dedupe(valuesOf(emails)),
    personNames: dedupe(valuesOf(personNames)),
    zipCodes: dedupe(valuesOf(zipCodes)),
    amounts: dedupe(valuesOf(amounts)),
    dates: dedupe(valuesOf(dates)),
    products: dedupe(options.catalog?.findProducts(normalized) ?? []),
    trackingIds: dedupe(valuesOf(trackingIds)),
    phoneNumbers: dedupe(valuesOf(phoneNumbers)),
  };
}
