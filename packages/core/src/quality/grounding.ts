/**
 * Grounding rule: every checkable fact of a reply must appear in the evidence.
 */
import type { QualityIssue } from '../domain/quality.js';
import { hasDate, type EvidenceIndex } from './evidence.js';
import type { Fact } from './facts.js';

/** An issue and where in the reply it sits (UTF-16 offsets), so a revision can drop that sentence. */
export interface Finding {
  issue: QualityIssue;
  start: number;
  end: number;
}

/** Grounding issue codes, one per fact kind (`email` is the policy rule's). */
export const GROUNDING_CODES = {
  amount: 'UNGROUNDED_AMOUNT',
  order_id: 'UNGROUNDED_ORDER_ID',
  date: 'UNGROUNDED_DATE',
  tracking_id: 'UNGROUNDED_TRACKING_ID',
  item_id: 'UNGROUNDED_ITEM_ID',
  long_id: 'UNGROUNDED_ID',
  ticket_id: 'UNGROUNDED_TICKET_ID',
  phone: 'UNGROUNDED_PHONE',
  card_last_four: 'UNGROUNDED_CARD',
  policy: 'UNGROUNDED_POLICY_CLAIM',
  status: 'UNGROUNDED_ORDER_STATUS',
} as const;

const LABELS: Readonly<Record<string, string>> = {
  UNGROUNDED_AMOUNT: 'amount',
  UNGROUNDED_ORDER_ID: 'order id',
  UNGROUNDED_DATE: 'date',
  UNGROUNDED_TRACKING_ID: 'tracking number',
  UNGROUNDED_ITEM_ID: 'product or item id',
  UNGROUNDED_ID: 'id',
  UNGROUNDED_TICKET_ID: 'ticket id',
  UNGROUNDED_PHONE: 'phone number',
  UNGROUNDED_CARD: 'card number ending',
  UNGROUNDED_POLICY_CLAIM: 'policy number',
  UNGROUNDED_ORDER_STATUS: 'order status',
};

/** Which id a long digit run is: "tracking" nearby or 12 digits → tracking id; 10 digits → item/product id. */
function longIdCode(fact: Fact, reply: string): string {
  const before = reply.slice(Math.max(0, fact.start - 40), fact.start).toLowerCase();
  if (before.includes('tracking') || fact.key.length === 12) return GROUNDING_CODES.tracking_id;
  if (fact.key.length === 10 || /\b(item|product|variant)\b/.test(before)) return GROUNDING_CODES.item_id;
  return GROUNDING_CODES.long_id;
}

/** The issue code when `fact` is not in the evidence; undefined when it is (or is not a grounding fact). */
function ungroundedCode(fact: Fact, input: { index: EvidenceIndex; reply: string }): string | undefined {
  const { index } = input;
  switch (fact.kind) {
    case 'email':
      return undefined;
    case 'phone':
      return index.phones.has(fact.key) || index.digitRuns.has(fact.key) ? undefined : GROUNDING_CODES.phone;
    case 'amount':
      return index.cents.has(Number(fact.key)) ? undefined : GROUNDING_CODES.amount;
    case 'ticket_id':
      return index.tokens.has(fact.key) ? undefined : GROUNDING_CODES.ticket_id;
    case 'order_id':
      return index.tokens.has(fact.key) ? undefined : GROUNDING_CODES.order_id;
    case 'card_last_four':
      return [...index.digitRuns].some((run) => run.endsWith(fact.key)) ? undefined : GROUNDING_CODES.card_last_four;
    case 'date':
      return hasDate(index, fact.key) ? undefined : GROUNDING_CODES.date;
    case 'percent':
      return index.percents.has(fact.key) ? undefined : GROUNDING_CODES.policy;
    case 'duration':
      return index.durations.has(fact.key) ? undefined : GROUNDING_CODES.policy;
    case 'long_id':
      return index.digitRuns.has(fact.key) ? undefined : longIdCode(fact, input.reply);
  }
}

const STATUS_CLAIM = /(?:\b(?:is|was|status:?)|\()\s*(?:currently\s+|now\s+|still\s+|already\s+)?(pending|processed|delivered|cancell?ed|return requested|exchange requested)\b/gi;

/**
 * A status stated next to an order id ("Order #W1234567 is delivered", "(status: pending)") that
 * differs from that order's `status` in the tool outputs. Orders without a record are not judged.
 */
function statusFindings(input: { facts: readonly Fact[]; index: EvidenceIndex; reply: string }): Finding[] {
  const findings: Finding[] = [];
  for (const fact of input.facts) {
    const known = fact.kind === 'order_id' ? input.index.orderStatuses.get(fact.key) : undefined;
    if (known === undefined) continue;
    const sentenceEnd = input.reply.slice(fact.end).search(/[.!?\n](?:\s|$)/);
    const window = input.reply.slice(fact.end, sentenceEnd < 0 ? undefined : fact.end + sentenceEnd + 1);
    for (const match of window.matchAll(STATUS_CLAIM)) {
      const status = (match[1] ?? '').toLowerCase().replace('canceled', 'cancelled');
      if (known.has(status)) continue;
      const start = fact.end + match.index + match[0].length - (match[1] ?? '').length;
      findings.push({ issue: { kind: 'grounding', code: GROUNDING_CODES.status, fact: match[1] ?? '', message: `A ${LABELS.UNGROUNDED_ORDER_STATUS} in the reply differs from the order record.` }, start, end: start + (match[1] ?? '').length });
    }
  }
  return findings;
}

/**
 * One `grounding` finding per fact of the reply that the evidence does not contain, plus an
 * `UNGROUNDED_ORDER_STATUS` when a status stated next to an order id differs from its record.
 *
 * @param input.facts - the reply's facts ({@link extractFacts}); `index` the evidence; `reply` the text.
 * @returns findings in reply order, `fact` = the span as written (the message never repeats it).
 */
export function checkGrounding(input: { facts: readonly Fact[]; index: EvidenceIndex; reply: string }): Finding[] {
  const findings: Finding[] = [];
  for (const fact of input.facts) {
    const code = ungroundedCode(fact, input);
    if (code === undefined) continue;
    const label = LABELS[code] ?? 'fact';
    findings.push({
      issue: { kind: 'grounding', code, fact: fact.text, message: `A ${label} in the reply is not in any tool result, knowledge article or message of this conversation.` },
      start: fact.start,
      end: fact.end,
    });
  }
  findings.push(...statusFindings(input));
  return findings.sort((a, b) => a.start - b.start);
}
