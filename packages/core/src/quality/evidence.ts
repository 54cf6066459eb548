/**
 * The evidence index: every value a reply may be grounded in, normalized like the reply's facts.
 * Built once per review from tool outputs (JSON walked value by value), knowledge texts and the
 * conversation.
 */
import type { QualityEvidence } from '../domain/quality.js';
import { durationKey, extractFacts, normalizeId, type Fact, type FactKind } from './facts.js';

/** JSON keys whose numbers are money (dollars): `price`, `amount`, `total`, `balance`… */
const MONEY_KEY = /price|amount|total|balance|cost|fee|refund|paid|net|subtotal|difference|charge|credit|limit|value|spent|due/i;
const PERCENT_KEY = /percent|pct|rate|discount/i;
const DURATION_KEYS: readonly { pattern: RegExp; unit: string; divisor: number }[] = [
  { pattern: /(?:Ms|_ms|Millis)$/, unit: 'minute', divisor: 60_000 },
  { pattern: /(?:Minutes|_minutes|Mins)$/i, unit: 'minute', divisor: 1 },
  { pattern: /(?:Hours|_hours)$/i, unit: 'hour', divisor: 1 },
  { pattern: /(?:Days|_days)$/i, unit: 'day', divisor: 1 },
];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const WEEKDAYS = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\b/gi;

/**
 * Normalized evidence. `tokens`: upper-case alphanumeric tokens without `#`/`-` (ids);
 * `digitRuns`: maximal digit runs; `cents`: money in integer cents (values, their per-array sums);
 * `dates`: date keys (`YYYY-MM-DD` / `MM-DD`); `dateWords`: weekday names and "tomorrow";
 * `durations`, `percents`, `phones`, `emails`: fact keys. `toolEmails` holds emails seen only in
 * tool outputs; `givenEmails` those in the conversation or knowledge texts. `orderStatuses`: the
 * `status` / `order_status` of each order record in the tool outputs, by normalized order id.
 * `textFacts`: whether the facts written in evidence texts were read (see {@link indexEvidence}); when
 * false, `dates`, `dateWords`, `phones`, the emails and the text-written `cents`, `durations` and
 * `percents` are incomplete.
 */
export interface EvidenceIndex {
  textFacts: boolean;
  orderStatuses: Map<string, Set<string>>;
  tokens: Set<string>;
  digitRuns: Set<string>;
  cents: Set<number>;
  dates: Set<string>;
  dateWords: Set<string>;
  durations: Set<string>;
  percents: Set<string>;
  phones: Set<string>;
  givenEmails: Set<string>;
  toolEmails: Set<string>;
}

/**
 * Fact kinds checked against facts written in evidence texts (a date, amount or duration in a
 * message or string value). The others — order, ticket and long ids, card endings — are checked
 * against tokens and digit runs only.
 */
const TEXT_FACT_KINDS: ReadonlySet<FactKind> = new Set<FactKind>(['email', 'phone', 'amount', 'date', 'percent', 'duration']);

/** Whether checking `facts` needs the facts written in evidence texts (`EvidenceIndex.textFacts`). */
export function needsTextFacts(facts: readonly Fact[]): boolean {
  for (const fact of facts) if (TEXT_FACT_KINDS.has(fact.kind)) return true;
  return false;
}

function emptyIndex(textFacts: boolean): EvidenceIndex {
  return {
    textFacts,
    orderStatuses: new Map(),
    tokens: new Set(),
    digitRuns: new Set(),
    cents: new Set(),
    dates: new Set(),
    dateWords: new Set(),
    durations: new Set(),
    percents: new Set(),
    phones: new Set(),
    givenEmails: new Set(),
    toolEmails: new Set(),
  };
}

function addFact(index: EvidenceIndex, fact: Fact, source: 'tool' | 'given'): void {
  switch (fact.kind) {
    case 'amount':
      index.cents.add(Number(fact.key));
      return;
    case 'date':
      index.dates.add(fact.key);
      return;
    case 'duration':
      index.durations.add(fact.key);
      return;
    case 'percent':
      index.percents.add(fact.key);
      return;
    case 'phone':
      index.phones.add(fact.key);
      return;
    case 'email':
      (source === 'tool' ? index.toolEmails : index.givenEmails).add(fact.key);
      return;
    case 'ticket_id':
    case 'order_id':
    case 'card_last_four':
    case 'long_id':
      return;
  }
}

/** Adds one evidence string: its tokens, digit runs and, when the index reads text facts, its weekday words and facts. */
function addText(index: EvidenceIndex, text: string, source: 'tool' | 'given'): void {
  for (const token of text.split(/[^A-Za-z0-9#_-]+/)) {
    if (token === '') continue;
    const upper = token.toUpperCase();
    index.tokens.add(upper);
    // normalizeId drops '#' and '-' and upper-cases: the same token when it has neither.
    if (token.includes('#') || token.includes('-')) index.tokens.add(normalizeId(token));
  }
  for (const run of text.match(/\d+/g) ?? []) index.digitRuns.add(run);
  if (!index.textFacts) return;
  for (const word of text.match(WEEKDAYS) ?? []) index.dateWords.add(word.toLowerCase());
  for (const fact of extractFacts(text)) addFact(index, fact, source);
}

function addNumber(index: EvidenceIndex, value: number, key: string): void {
  if (!Number.isFinite(value)) return;
  if (Number.isInteger(value)) {
    index.digitRuns.add(String(Math.abs(value)));
    index.tokens.add(String(Math.abs(value)));
  }
  const cents = Math.round(Math.abs(value) * 100);
  if (MONEY_KEY.test(key) || (!Number.isInteger(value) && Math.abs(cents - Math.abs(value) * 100) < 1e-6)) index.cents.add(cents);
  if (PERCENT_KEY.test(key)) index.percents.add(String(value));
  for (const { pattern, unit, divisor } of DURATION_KEYS) {
    if (!pattern.test(key)) continue;
    const found = durationKey({ low: value / divisor, unit });
    if (found !== undefined) index.durations.add(found);
  }
}

/** Sums each money field of an array of records, overall and per value of each string field (`transaction_type: payment`). */
function addArraySums(index: EvidenceIndex, items: readonly unknown[]): void {
  const records = items.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item));
  const numbers = items.filter((item): item is number => typeof item === 'number');
  if (numbers.length > 1) index.cents.add(Math.round(numbers.reduce((sum, value) => sum + value * 100, 0)));
  if (records.length < 2) return;
  const moneyKeys = new Set(records.flatMap((record) => Object.keys(record).filter((key) => MONEY_KEY.test(key) && typeof record[key] === 'number')));
  const groupKeys = new Set(records.flatMap((record) => Object.keys(record).filter((key) => typeof record[key] === 'string')));
  for (const moneyKey of moneyKeys) {
    const cents = (record: Record<string, unknown>): number => (typeof record[moneyKey] === 'number' ? Math.round(record[moneyKey] * 100) : 0);
    index.cents.add(records.reduce((sum, record) => sum + cents(record), 0));
    for (const groupKey of groupKeys) {
      const groups = new Map<unknown, number>();
      for (const record of records) groups.set(record[groupKey], (groups.get(record[groupKey]) ?? 0) + cents(record));
      if (groups.size > 1 && groups.size < records.length) for (const total of groups.values()) index.cents.add(total);
    }
  }
}

/** Walks one JSON value: strings as text, numbers by key, object keys as ids, array sums, time differences. */
function addJson(index: EvidenceIndex, value: unknown, key: string): void {
  if (typeof value === 'string') addText(index, value, 'tool');
  else if (typeof value === 'number') addNumber(index, value, key);
  else if (Array.isArray(value)) {
    for (const item of value) addJson(index, item, key);
    addArraySums(index, value);
  } else if (typeof value === 'object' && value !== null) {
    addOrderStatus(index, value as Record<string, unknown>);
    const times: number[] = [];
    for (const [childKey, child] of Object.entries(value)) {
      addText(index, childKey, 'tool');
      addJson(index, child, childKey);
      if (typeof child === 'string' && ISO_TIME.test(child)) times.push(Date.parse(child));
    }
    addTimeDifferences(index, times);
  }
}

/** Records `status` / `order_status` of an order record under its normalized `order_id`. */
function addOrderStatus(index: EvidenceIndex, record: Record<string, unknown>): void {
  const orderId = record.order_id;
  const status = typeof record.order_status === 'string' ? record.order_status : record.status;
  if (typeof orderId !== 'string' || typeof status !== 'string') return;
  const key = normalizeId(orderId);
  index.orderStatuses.set(key, (index.orderStatuses.get(key) ?? new Set()).add(status.toLowerCase().replace(/_/g, ' ')));
}

/** Differences between timestamps of one record (a ticket's `createdAt` → `slaDueAt`) as durations. */
function addTimeDifferences(index: EvidenceIndex, times: readonly number[]): void {
  for (const first of times) {
    for (const second of times) {
      const minutes = (second - first) / 60_000;
      if (!(minutes > 0) || !Number.isInteger(minutes)) continue;
      const found = durationKey({ low: minutes, unit: 'minute' });
      if (found !== undefined) index.durations.add(found);
    }
  }
}

/**
 * Builds the evidence index of one review.
 *
 * Tool outputs are walked recursively: string values are read as text (ids, dates, durations,
 * amounts written in them), numbers under money-like keys (or with cents) count as dollars, every
 * array of records adds the sum of each money field (overall and per group, so "total paid" is
 * grounded in a payment history), `…Ms`/`…Hours`/`…Days` numbers count as durations and two
 * timestamps of one record add their difference. Knowledge and conversation texts are read as text.
 *
 * Reading the facts written in texts (dates, amounts, durations, emails, phones) is most of the
 * cost; a reviewer whose reply states none of those (`needsTextFacts`) passes `textFacts: false`
 * and the index holds tokens, digit runs, order statuses and the numbers of tool outputs only.
 *
 * @param options.textFacts - Read the facts written in evidence texts. @defaultValue true
 * @returns the index; empty sets for empty evidence.
 */
export function indexEvidence(evidence: QualityEvidence, options: { textFacts?: boolean } = {}): EvidenceIndex {
  const index = emptyIndex(options.textFacts ?? true);
  for (const output of evidence.toolOutputs) addJson(index, output, '');
  for (const text of evidence.knowledgeTexts) addText(index, text, 'given');
  for (const text of evidence.conversationTexts) addText(index, text, 'given');
  return index;
}

/** Whether a date fact is in the evidence: same month and day, and the same year when both have one. */
export function hasDate(index: EvidenceIndex, key: string): boolean {
  if (key.startsWith('weekday:')) return index.dateWords.has(key.slice('weekday:'.length));
  if (key.startsWith('relative:')) return index.dateWords.has(key.slice('relative:'.length));
  const monthDay = key.slice(-5);
  for (const known of index.dates) {
    if (known.slice(-5) !== monthDay) continue;
    if (key.length === 5 || known.length === 5 || known === key) return true;
  }
  return false;
}
