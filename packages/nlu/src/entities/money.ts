/**
 * Money amounts with an explicit currency: `$12.50`, `US$ 1,200`, `€30`, `£5`, `30 EUR`,
 * `USD 40`, `12 dollars`, `50 cents`, `12,50 €`. Amounts without a currency ("a refund of 160")
 * are not reported. Every currency is stored in hundredths (`amountCents`), JPY included.
 */
import type { Money } from '@switchboard/core';
import type { EntityMatch } from './spans.js';
import { matchAll } from './spans.js';

const SYMBOLS: Readonly<Record<string, string>> = { $: 'USD', 'US$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'C$': 'CAD', 'A$': 'AUD' };
const CODES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'CHF', 'INR', 'MXN', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'BRL', 'CNY'];
const WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD', dollars: 'USD', buck: 'USD', bucks: 'USD', usd: 'USD',
  euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', quid: 'GBP',
  yen: 'JPY', rupee: 'INR', rupees: 'INR',
};
const CENT_WORDS = new Set(['cent', 'cents']);

/** `1,234.56`, `1234`, `12.5`, `12,50` (decimal comma with exactly two decimals). */
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?|\d+,\d{2}(?!\d))`;
const SYMBOL = String.raw`(US\$|C\$|A\$|\$|€|£|¥|₹)`;
const CODE = `(${CODES.join('|')})`;
const WORD = `(${[...Object.keys(WORDS), ...CENT_WORDS].join('|')})`;

const SYMBOL_BEFORE = new RegExp(String.raw`${SYMBOL}\s?${NUMBER}(?![\d\p{L}])`, 'gu');
const CODE_BEFORE = new RegExp(String.raw`(?<![\p{L}])${CODE}\s?${NUMBER}(?![\d\p{L}])`, 'gu');
const AFTER = new RegExp(String.raw`(?<![\d.,\p{L}$€£¥₹])${NUMBER}\s?(?:${SYMBOL}|${CODE}(?!\p{L})|${WORD}\b)`, 'giu');

function parseAmount(text: string): number | undefined {
  const decimalComma = /^\d+,\d{2}$/.test(text);
  const value = Number(decimalComma ? text.replace(',', '.') : text.replace(/,/g, ''));
  return Number.isFinite(value) ? Math.round(value * 100) : undefined;
}

/** Adds an amount match when it parses and has a currency (a module function: see `dates.ts`). */
function push(matches: EntityMatch<Money>[], match: RegExpExecArray, money: { amount: string | undefined; currency: string | undefined; inCents?: boolean }): void {
  const parsed = parseAmount(money.amount ?? '');
  if (parsed === undefined || money.currency === undefined) return;
  const amountCents = money.inCents === true ? Math.round(parsed / 100) : parsed;
  matches.push({ start: match.index, end: match.index + match[0].length, value: { amountCents, currency: money.currency } });
}

/** Money amounts with a currency symbol, code or word. */
export function findAmounts(text: string): EntityMatch<Money>[] {
  const matches: EntityMatch<Money>[] = [];
  for (const match of matchAll(text, SYMBOL_BEFORE)) push(matches, match, { amount: match[2], currency: SYMBOLS[match[1] ?? ''] });
  for (const match of matchAll(text, CODE_BEFORE)) push(matches, match, { amount: match[2], currency: match[1] });
  for (const match of matchAll(text, AFTER)) {
    const [, amount, symbol, code, word] = match;
    const lowerWord = word?.toLowerCase() ?? '';
    if (symbol !== undefined) push(matches, match, { amount, currency: SYMBOLS[symbol] });
    else if (code !== undefined) push(matches, match, { amount, currency: code.toUpperCase() });
    else if (CENT_WORDS.has(lowerWord)) push(matches, match, { amount, currency: 'USD', inCents: true });
    else push(matches, match, { amount, currency: WORDS[lowerWord] });
  }
  return matches;
}
