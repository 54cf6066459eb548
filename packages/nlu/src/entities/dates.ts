/**
 * Dates, as ISO `YYYY-MM-DD`: ISO dates (`2024-03-14`), US numeric dates (`3/14/2024`,
 * `3-14-24`; day first when the first number is above 12), month names (`March 3, 2024`,
 * `3rd of March`, `Mar 3`), and relative dates (`today`, `yesterday`, `tomorrow`,
 * `the day before yesterday`, `last week`, `3 days ago`, `two weeks ago`, `last Monday`).
 *
 * Relative dates and dates without a year need `referenceDate` and are skipped without it;
 * a date without a year takes the reference year. Calendar arithmetic is in UTC.
 */
import type { EntityMatch } from './spans.js';
import { matchAll } from './spans.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:,?\s+(\d{4}))?`;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBER_WORDS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const ISO_DATE = /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/g;
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])/g;
const MONTH_DAY = new RegExp(String.raw`\b${MONTH_NAME}\s+${DAY}\b${YEAR}`, 'giu');
const DAY_MONTH = new RegExp(String.raw`\b${DAY}(?:\s+of)?\s+${MONTH_NAME}\b${YEAR}`, 'giu');
const RELATIVE_DAY = /\b(the day before yesterday|yesterday|today|tonight|tomorrow)\b/gi;
const AGO = /\b(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)\s+ago\b/gi;
const LAST_WEEK = /\blast\s+week\b/gi;
const LAST_WEEKDAY = new RegExp(String.raw`\blast\s+(${WEEKDAYS.join('|')})\b`, 'gi');

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a valid calendar date, or undefined. */
function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function shiftDays(reference: Date, days: number): string {
  const midnight = Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate());
  return new Date(midnight + days * DAY_MS).toISOString().slice(0, 10);
}

function monthIndex(name: string): number {
  return MONTHS.findIndex((month) => month.startsWith(name.toLowerCase().replace('.', '').slice(0, 3))) + 1;
}

/** Adds a date match when `value` is a date (a module function: a closure per call costs an allocation and, under tsx, a name). */
function push(matches: EntityMatch<string>[], match: RegExpExecArray, value: string | undefined): void {
  if (value !== undefined) matches.push({ start: match.index, end: match.index + match[0].length, value });
}

/** Dates found in `text`; see the module comment for the accepted forms. */
export function findDates(text: string, referenceDate?: Date): EntityMatch<string>[] {
  const matches: EntityMatch<string>[] = [];
  const reference = referenceDate !== undefined && Number.isFinite(referenceDate.getTime()) ? referenceDate : undefined;
  for (const match of matchAll(text, ISO_DATE)) push(matches, match, isoDate(Number(match[1]), Number(match[2]), Number(match[3])));
  for (const match of matchAll(text, NUMERIC_DATE)) {
    const [first, second, year] = [Number(match[1]), Number(match[3]), match[4] ?? ''];
    const fullYear = year.length === 2 ? 2000 + Number(year) : Number(year);
    push(matches, match, first > 12 ? isoDate(fullYear, second, first) : isoDate(fullYear, first, second));
  }
  for (const [pattern, monthGroup, dayGroup] of [[MONTH_DAY, 1, 2], [DAY_MONTH, 2, 1]] as const) {
    for (const match of matchAll(text, pattern)) {
      const year = match[3] !== undefined ? Number(match[3]) : reference?.getUTCFullYear();
      if (year !== undefined) push(matches, match, isoDate(year, monthIndex(match[monthGroup] ?? ''), Number(match[dayGroup])));
    }
  }
  if (reference === undefined) return matches;
  const offsets: Readonly<Record<string, number>> = { 'the day before yesterday': -2, yesterday: -1, today: 0, tonight: 0, tomorrow: 1 };
  for (const match of matchAll(text, RELATIVE_DAY)) push(matches, match, shiftDays(reference, offsets[(match[1] ?? '').toLowerCase()] ?? 0));
  for (const match of matchAll(text, AGO)) {
    const count = NUMBER_WORDS[(match[1] ?? '').toLowerCase()] ?? Number(match[1]);
    push(matches, match, shiftDays(reference, -count * ((match[2] ?? '').toLowerCase().startsWith('week') ? 7 : 1)));
  }
  for (const match of matchAll(text, LAST_WEEK)) push(matches, match, shiftDays(reference, -7));
  for (const match of matchAll(text, LAST_WEEKDAY)) {
    const target = WEEKDAYS.indexOf((match[1] ?? '').toLowerCase());
    const back = ((reference.getUTCDay() - target + 7) % 7) || 7;
    push(matches, match, shiftDays(reference, -back));
  }
  return matches;
}
