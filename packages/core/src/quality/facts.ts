/**
 * Checkable facts in free text: the order ids, amounts, dates, ids, contacts and policy numbers a
 * reply states. Used on the drafted reply (what must be grounded) and on evidence texts (what
 * grounds it), so both sides normalize the same way.
 */

/** What a fact is. `long_id` is any run of ≥ 8 digits (τ item/product ids: 10, tracking ids: 12). */
export type FactKind =
  | 'email'
  | 'phone'
  | 'amount'
  | 'ticket_id'
  | 'order_id'
  | 'card_last_four'
  | 'date'
  | 'percent'
  | 'duration'
  | 'long_id';

/**
 * One fact found in a text. `text` is the span as written, `start`/`end` its UTF-16 offsets.
 * `key` is the normalized value two facts are compared by:
 * - `order_id`: upper case without `#` or `-` (`#W1234567` and `w1234567` → `W1234567`);
 * - `amount`: integer cents (`$1,380.79`, `1380.79 USD` → `138079`);
 * - `date`: `YYYY-MM-DD`, `MM-DD` without a year, `weekday:friday`, or `relative:tomorrow`;
 * - `duration`: `low-high:unit`, unit `min` (minutes, hours, days, weeks), `bday` (business or
 *   working days) or `mon` (months, years), so `24 hours` = `1 day` = `1440-1440:min`;
 * - `phone`: the last 10 digits; `email`: lower case; `percent`: the number; ids: as written,
 *   upper case.
 */
export interface Fact {
  kind: FactKind;
  text: string;
  key: string;
  start: number;
  end: number;
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/** Month names as written in replies: capitalized, so "you may 2…" is not May 2. */
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .map((name) => `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`)
  .join('|');

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, 'forty-five': 45, 'forty-eight': 48, sixty: 60, ninety: 90,
};
const NUMBER = `(?:\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;

/** Minutes per duration unit; business days and months are their own scales. */
const UNIT_SCALE: Readonly<Record<string, { unit: 'min' | 'bday' | 'mon'; factor: number }>> = {
  minute: { unit: 'min', factor: 1 },
  hour: { unit: 'min', factor: 60 },
  day: { unit: 'min', factor: 1440 },
  week: { unit: 'min', factor: 10_080 },
  month: { unit: 'mon', factor: 1 },
  year: { unit: 'mon', factor: 12 },
};

const PATTERNS = {
  email: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g,
  phone: /(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)/g,
  isoDate: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)/g,
  currencyFirst: /(?:(?:US|CA|AU)?[$€£]|\b(?:USD|EUR|GBP)\s?)\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?![\d,]\d)/g,
  currencyAfter: /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s?(?:USD|EUR|GBP|dollars?|euros?|bucks)\b/gi,
  bareDecimal: /(?<![\d.,$€£#])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?!\d|\.\d|\s?%)/g,
  ticket: /\bT[-_](?=[A-Za-z0-9]*\d)[A-Za-z0-9]{1,16}\b/g,
  orderId: /(?<![A-Za-z0-9])#?[Ww]\d{7}(?!\d)/g,
  cardLastFour: /\b(?:ending(?:\s+in)?|ends\s+(?:in|with)|last\s+(?:four|4)(?:\s+digits)?(?:\s+(?:of|are|is))?)\s*:?\s*(\d{4})(?!\d)|(?:[*xX•]{2,}[\s-]?)+(\d{4})(?!\d)/g,
  monthDay: new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?!\\d)`, 'g'),
  dayMonth: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAMES})\\b(?:\\.?,?\\s+(\\d{4}))?(?!\\d)`, 'g'),
  slashDate: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g,
  weekday: /\b(?:by|on|until|till|before|this|next|coming)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g,
  tomorrow: /\btomorrow\b/gi,
  percent: /(?<![\d.])(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)/gi,
  duration: new RegExp(
    `(?<![\\w.])(${NUMBER})(?:(?:\\s?[-–—]\\s?|\\s+to\\s+|\\s+and\\s+)(${NUMBER}))?[\\s-]?(?:(business|working|calendar)[\\s-])?(minute|hour|day|week|month|year)s?\\b`,
    'gi',
  ),
  longId: /(?<![\w-])\d{8,}(?![\w-])/g,
  freeOrderId: /\border\s+(?:(?:number|no\.?|id|#)\s*)?[:#]?\s*([A-Za-z0-9][A-Za-z0-9-]{2,19})\b/gi,
} as const;

const ANY_DIGIT = /\d/;

/** Integer cents from an integer part (commas allowed) and up to two decimals. */
export function toCents(whole: string, decimals: string | undefined): number {
  const cents = decimals === undefined ? 0 : Number.parseInt(decimals.padEnd(2, '0'), 10);
  return Number.parseInt(whole.replace(/,/g, ''), 10) * 100 + cents;
}

function parseNumber(text: string): number {
  return NUMBER_WORDS[text.toLowerCase()] ?? Number.parseFloat(text);
}

/** Canonical duration key (`low-high:unit`) from a count (or range) and a unit. */
export function durationKey(input: { low: number; high?: number; unit: string; business?: boolean }): string | undefined {
  const scale = UNIT_SCALE[input.unit.toLowerCase().replace(/s$/, '')];
  if (!scale) return undefined;
  const unit = input.business ? 'bday' : scale.unit;
  const factor = input.business ? 1 : scale.factor;
  const round = (value: number): number => Math.round(value * factor * 1000) / 1000;
  return `${round(input.low)}-${round(input.high ?? input.low)}:${unit}`;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** `YYYY-MM-DD` or `MM-DD`; undefined when the month or day is out of range. */
function dateKey(input: { year?: number; month: number; day: number }): string | undefined {
  if (input.month < 1 || input.month > 12 || input.day < 1 || input.day > 31) return undefined;
  return input.year === undefined ? `${pad(input.month)}-${pad(input.day)}` : `${input.year}-${pad(input.month)}-${pad(input.day)}`;
}

const fullYear = (text: string | undefined): number | undefined => (text === undefined ? undefined : text.length === 2 ? 2000 + Number(text) : Number(text));

type Extractor = (match: RegExpExecArray) => { key: string; start?: number; end?: number } | undefined;

/** What a pattern cannot match without: a digit, an `@`, or nothing (a cheap pre-check that skips the regex). */
type Needs = 'digit' | 'at' | 'none';

/** Extractors in priority order: an earlier one claims its span, later overlapping matches are skipped. */
const EXTRACTORS: readonly { kind: FactKind; pattern: RegExp; extract: Extractor; needs?: Needs }[] = [
  { kind: 'email', pattern: PATTERNS.email, needs: 'at', extract: (match) => ({ key: match[0].toLowerCase() }) },
  { kind: 'phone', pattern: PATTERNS.phone, needs: 'digit', extract: (match) => ({ key: match[0].replace(/\D/g, '').slice(-10) }) },
  {
    kind: 'date',
    pattern: PATTERNS.isoDate,
    needs: 'digit',
    extract: (match) => {
      const key = dateKey({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
      return key === undefined ? undefined : { key };
    },
  },
  { kind: 'amount', pattern: PATTERNS.currencyFirst, needs: 'digit', extract: (match) => ({ key: String(toCents(match[1] ?? '0', match[2])) }) },
  { kind: 'amount', pattern: PATTERNS.currencyAfter, needs: 'digit', extract: (match) => ({ key: String(toCents(match[1] ?? '0', match[2])) }) },
  { kind: 'ticket_id', pattern: PATTERNS.ticket, needs: 'digit', extract: (match) => ({ key: match[0].toUpperCase() }) },
  { kind: 'order_id', pattern: PATTERNS.orderId, needs: 'digit', extract: (match) => ({ key: normalizeId(match[0]) }) },
  {
    kind: 'card_last_four',
    pattern: PATTERNS.cardLastFour,
    needs: 'digit',
    extract: (match) => {
      const digits = match[1] ?? match[2] ?? '';
      const end = match.index + match[0].length;
      return { key: digits, start: end - digits.length, end };
    },
  },
  { kind: 'amount', pattern: PATTERNS.bareDecimal, needs: 'digit', extract: (match) => ({ key: String(toCents(match[1] ?? '0', match[2])) }) },
  {
    kind: 'date',
    pattern: PATTERNS.monthDay,
    needs: 'digit',
    extract: (match) => {
      const key = dateKey({ month: MONTHS[(match[1] ?? '').toLowerCase()] ?? 0, day: Number(match[2]), ...yearOf(match[3]) });
      return key === undefined ? undefined : { key };
    },
  },
  {
    kind: 'date',
    pattern: PATTERNS.dayMonth,
    needs: 'digit',
    extract: (match) => {
      const key = dateKey({ month: MONTHS[(match[2] ?? '').toLowerCase()] ?? 0, day: Number(match[1]), ...yearOf(match[3]) });
      return key === undefined ? undefined : { key };
    },
  },
  {
    kind: 'date',
    pattern: PATTERNS.slashDate,
    needs: 'digit',
    extract: (match) => {
      const key = dateKey({ month: Number(match[1]), day: Number(match[2]), ...yearOf(match[3]) });
      return key === undefined ? undefined : { key };
    },
  },
  {
    kind: 'date',
    pattern: PATTERNS.weekday,
    extract: (match) => {
      const day = match[1] ?? '';
      const end = match.index + match[0].length;
      return { key: `weekday:${day.toLowerCase()}`, start: end - day.length, end };
    },
  },
  { kind: 'date', pattern: PATTERNS.tomorrow, extract: () => ({ key: 'relative:tomorrow' }) },
  { kind: 'percent', pattern: PATTERNS.percent, needs: 'digit', extract: (match) => ({ key: String(Number(match[1])) }) },
  {
    kind: 'duration',
    pattern: PATTERNS.duration,
    extract: (match) => {
      const low = parseNumber(match[1] ?? '');
      const high = match[2] === undefined ? undefined : parseNumber(match[2]);
      const qualifier = (match[3] ?? '').toLowerCase();
      const key = durationKey({ low, ...(high === undefined ? {} : { high }), unit: match[4] ?? '', business: qualifier === 'business' || qualifier === 'working' });
      return key === undefined || Number.isNaN(low) ? undefined : { key };
    },
  },
  { kind: 'long_id', pattern: PATTERNS.longId, needs: 'digit', extract: (match) => ({ key: match[0] }) },
  {
    kind: 'order_id',
    pattern: PATTERNS.freeOrderId,
    needs: 'digit',
    extract: (match) => {
      const id = match[1] ?? '';
      if (!/\d/.test(id)) return undefined;
      const end = match.index + match[0].length;
      return { key: normalizeId(id), start: end - id.length, end };
    },
  },
];

function yearOf(text: string | undefined): { year?: number } {
  const year = fullYear(text);
  return year === undefined ? {} : { year };
}

/** Order and free-form ids compared upper case without `#` and `-`: `#W1234567` → `W1234567`. */
export function normalizeId(text: string): string {
  return text.replace(/[#-]/g, '').toUpperCase();
}

/** Whether `[start, end)` overlaps one of `facts` (module level: a closure per call costs an allocation and, under tsx, a name). */
function overlapsAny(facts: readonly Fact[], start: number, end: number): boolean {
  for (const fact of facts) if (start < fact.end && end > fact.start) return true;
  return false;
}

/**
 * Every checkable fact in `text`, in order of appearance. Overlapping matches are resolved by
 * priority (emails, phones, ISO dates, currency amounts, ticket ids, `#W` order ids, card last
 * four, bare decimals, written dates, percentages, durations, long digit ids, free-form order ids).
 *
 * @param text - any text (a reply, an article, a customer message, a JSON string value).
 * @returns facts sorted by `start`; empty for a text with none.
 * @example
 * ```ts
 * extractFacts('Order #W1234567 total: $1,380.79.').map((fact) => fact.key); // ['W1234567', '138079']
 * ```
 */
export function extractFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  const hasDigit = ANY_DIGIT.test(text);
  const hasAt = text.includes('@');
  for (const { kind, pattern, extract, needs } of EXTRACTORS) {
    if ((needs === 'digit' && !hasDigit) || (needs === 'at' && !hasAt)) continue;
    // The shared global patterns are reused (not re-compiled per call): exec from index 0, advance past empty matches.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0] === '') pattern.lastIndex += 1;
      const found = extract(match);
      if (found === undefined) continue;
      const start = found.start ?? match.index;
      const end = found.end ?? match.index + match[0].length;
      if (overlapsAny(facts, start, end)) continue;
      facts.push({ kind, text: text.slice(start, end), key: found.key, start, end });
    }
  }
  return facts.sort((a, b) => a.start - b.start);
}
