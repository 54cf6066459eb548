/**
 * Planting exactly one ungrounded fact into a grounded draft: a wrong order id, an amount off by
 * dollars or cents, a changed tracking digit, a date or policy number not in evidence, another
 * customer's email, a changed card ending, ticket id or item id, or a wrong order status.
 */
import { InternalError, type QualityReviewInput } from '@switchboard/core';
import { formatDollars } from '@switchboard/engines';
import type { Pick } from './scenarios.js';

/** The kinds of planted fact, in the order the generator rotates through them. */
export const QA_PLANTS = ['order_id', 'amount_dollars', 'tracking_digit', 'date', 'foreign_email', 'policy_number', 'amount_cents', 'card_last_four', 'ticket_id', 'item_id', 'order_status'] as const;
export type QaPlantKind = (typeof QA_PLANTS)[number];

/** The one ungrounded fact of a draft: its kind, the issue code expected, and the text as it appears in the reply. */
export interface PlantedFact {
  kind: QaPlantKind;
  code: string;
  fact: string;
}

/** What a plant may use besides the draft. */
export interface PlantContext {
  pick: Pick;
  /** Another customer's email (not this customer's). */
  otherEmail: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Every string and number of the evidence as one lower-case haystack, to keep planted values out of it. */
function haystack(input: QualityReviewInput): string {
  return [JSON.stringify(input.evidence.toolOutputs), ...input.evidence.knowledgeTexts, ...input.evidence.conversationTexts].join('\n').toLowerCase();
}

/** Money values of the evidence in cents: JSON numbers and `$` amounts in texts. */
function evidenceCents(input: QualityReviewInput): Set<number> {
  const cents = new Set<number>();
  const walk = (value: unknown): void => {
    if (typeof value === 'number') cents.add(Math.round(value * 100));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  input.evidence.toolOutputs.forEach(walk);
  for (const match of haystack(input).matchAll(/\$([\d,]+)(?:\.(\d{2}))?/g)) cents.add(Number((match[1] ?? '0').replace(/,/g, '')) * 100 + Number(match[2] ?? 0));
  return cents;
}

function withReply(input: QualityReviewInput, reply: string): QualityReviewInput {
  return { ...input, reply };
}

/** Inserts a sentence at the end of the reply, before a closing "(From our help article …)" line. */
function insertSentence(reply: string, sentence: string): string {
  const lines = reply.split('\n');
  const sourceLine = lines.findIndex((line) => line.startsWith('(From our help article'));
  if (sourceLine > 0) {
    const target = lines.slice(0, sourceLine).findLastIndex((line) => line.trim() !== '');
    lines[target] = `${lines[target] ?? ''} ${sentence}`;
    return lines.join('\n');
  }
  return /[:]$/.test(lines.at(-1) ?? '') || lines.length > 1 ? `${reply}\n${sentence}` : `${reply} ${sentence}`;
}

/** Replaces the digit at a seeded position of `digits` by another digit. */
function changeDigit(digits: string, pick: Pick): string {
  const at = pick(digits.length);
  const next = (Number(digits[at]) + 1 + pick(9)) % 10;
  return `${digits.slice(0, at)}${next}${digits.slice(at + 1)}`;
}

type Planter = (input: QualityReviewInput, context: PlantContext) => { input: QualityReviewInput; planted: PlantedFact } | undefined;

function replaceMatch(input: { reply: string; pattern: RegExp; pick: Pick; change: (text: string) => string | undefined }): { reply: string; fact: string } | undefined {
  const matches = [...input.reply.matchAll(input.pattern)];
  if (matches.length === 0) return undefined;
  const match = matches[input.pick(matches.length)];
  if (match === undefined) return undefined;
  const fact = input.change(match[0]);
  if (fact === undefined) return undefined;
  return { reply: `${input.reply.slice(0, match.index)}${fact}${input.reply.slice(match.index + match[0].length)}`, fact };
}

const digitPlant = (kind: QaPlantKind, code: string, pattern: RegExp): Planter => (input, { pick }) => {
  const evidence = haystack(input);
  const changed = replaceMatch({ reply: input.reply, pattern, pick, change: (digits) => [1, 2, 3].map(() => changeDigit(digits, pick)).find((candidate) => !evidence.includes(candidate)) });
  return changed && { input: withReply(input, changed.reply), planted: { kind, code, fact: changed.fact } };
};

const amountPlant = (kind: 'amount_dollars' | 'amount_cents'): Planter => (input, { pick }) => {
  const known = evidenceCents(input);
  const changed = replaceMatch({
    reply: input.reply,
    pattern: /\$[\d,]+\.\d{2}|(?<![\d.,])[\d,]+\.\d{2}(?= USD)/g,
    pick,
    change: (text) => {
      const cents = Math.round(Number(text.replace(/[$,]/g, '')) * 100);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const delta = (kind === 'amount_dollars' ? (1 + pick(9)) * 100 : 1 + pick(99)) * (pick(2) === 0 ? 1 : -1);
        const next = cents + delta > 0 ? cents + delta : cents + Math.abs(delta);
        if (!known.has(next)) return text.startsWith('$') ? formatDollars(next / 100) : formatDollars(next / 100).slice(1);
      }
      return undefined;
    },
  });
  return changed && { input: withReply(input, changed.reply), planted: { kind, code: 'UNGROUNDED_AMOUNT', fact: changed.fact } };
};

const STATUSES = ['pending', 'processed', 'delivered', 'cancelled'];

const PLANTERS: Readonly<Record<QaPlantKind, Planter>> = {
  order_status: (input, { pick }) => {
    const match = /(?<=#?W\d{7}\)? (?:is (?:currently )?|\((?:status: )?)|: it is )(pending|processed|delivered|cancelled)\b/.exec(input.reply);
    if (!match) return undefined;
    const others = STATUSES.filter((status) => status !== match[0]);
    const fact = others[pick(others.length)] ?? 'delivered';
    return { input: withReply(input, `${input.reply.slice(0, match.index)}${fact}${input.reply.slice(match.index + match[0].length)}`), planted: { kind: 'order_status', code: 'UNGROUNDED_ORDER_STATUS', fact } };
  },
  order_id: (input, { pick }) => {
    const match = /#W\d{7}/.exec(input.reply);
    if (!match) return undefined;
    const evidence = haystack(input);
    const fact = [1, 2, 3].map(() => `#W${changeDigit(match[0].slice(2), pick)}`).find((candidate) => !evidence.includes(candidate.slice(1).toLowerCase()));
    return fact === undefined ? undefined : { input: withReply(input, input.reply.split(match[0]).join(fact)), planted: { kind: 'order_id', code: 'UNGROUNDED_ORDER_ID', fact } };
  },
  amount_dollars: amountPlant('amount_dollars'),
  amount_cents: amountPlant('amount_cents'),
  tracking_digit: digitPlant('tracking_digit', 'UNGROUNDED_TRACKING_ID', /(?<!\d)\d{12}(?!\d)/g),
  item_id: digitPlant('item_id', 'UNGROUNDED_ITEM_ID', /(?<!\d)\d{10}(?!\d)/g),
  card_last_four: (input, { pick }) => {
    const evidence = haystack(input);
    const changed = replaceMatch({ reply: input.reply, pattern: /(?<=ending (?:in )?)\d{4}/g, pick, change: (digits) => [1, 2, 3].map(() => changeDigit(digits, pick)).find((candidate) => !evidence.includes(candidate)) });
    return changed && { input: withReply(input, changed.reply), planted: { kind: 'card_last_four', code: 'UNGROUNDED_CARD', fact: changed.fact } };
  },
  ticket_id: (input, { pick }) => {
    const changed = replaceMatch({
      reply: input.reply,
      pattern: /T-[0-9A-F]{8}/g,
      pick,
      change: (id) => {
        const at = 2 + pick(8);
        const hex = '0123456789ABCDEF';
        const next = hex[(hex.indexOf(id[at] ?? '0') + 1 + pick(15)) % 16] ?? '0';
        const changedId = `${id.slice(0, at)}${next}${id.slice(at + 1)}`;
        return /\d/.test(changedId.slice(2)) ? changedId : undefined;
      },
    });
    return changed && { input: withReply(input, changed.reply), planted: { kind: 'ticket_id', code: 'UNGROUNDED_TICKET_ID', fact: changed.fact } };
  },
  date: (input, { pick }) => {
    const evidence = haystack(input);
    const written = new RegExp(`\\b(?:${MONTHS.join('|')}) (\\d{1,2})\\b`).exec(input.reply);
    if (written && pick(2) === 0) {
      const fact = written[0].replace(/\d+$/, (day) => String(((Number(day) + 1 + pick(5)) % 28) + 1));
      if (!evidence.includes(fact.toLowerCase())) return { input: withReply(input, input.reply.replace(written[0], fact)), planted: { kind: 'date', code: 'UNGROUNDED_DATE', fact } };
    }
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const month = MONTHS[pick(12)] ?? 'June';
      const fact = `${month} ${1 + pick(28)}`;
      if (evidence.includes(fact.toLowerCase())) continue;
      const sentence = [`It should reach you by ${fact}.`, `Our team will follow up on ${fact}.`, `This was last updated on ${fact}.`][pick(3)] ?? '';
      return { input: withReply(input, insertSentence(input.reply, sentence)), planted: { kind: 'date', code: 'UNGROUNDED_DATE', fact } };
    }
    return undefined;
  },
  foreign_email: (input, { pick, otherEmail }) => {
    const sentence = [`I've also sent a copy to ${otherEmail}.`, `The confirmation went to ${otherEmail}.`, `You can also reach the account holder at ${otherEmail}.`][pick(3)] ?? '';
    return { input: withReply(input, insertSentence(input.reply, sentence)), planted: { kind: 'foreign_email', code: 'FOREIGN_PII', fact: otherEmail } };
  },
  policy_number: (input, { pick }) => {
    const evidence = haystack(input);
    const existing = /(\d+)(–|-)?(\d+)? (business days|days|hours|months)/.exec(input.reply);
    if (existing && pick(2) === 0) {
      const low = Number(existing[1]) + 2 + pick(5);
      const fact = existing[3] === undefined ? `${low * (pick(2) + 1)} ${existing[4] ?? 'days'}` : `${low}${existing[2] ?? '–'}${low + 3} ${existing[4] ?? 'days'}`;
      if (!evidence.includes(fact.toLowerCase())) return { input: withReply(input, input.reply.replace(existing[0], fact)), planted: { kind: 'policy_number', code: 'UNGROUNDED_POLICY_CLAIM', fact } };
    }
    const options = [
      { fact: '60 days', sentence: 'You can return it within 60 days of delivery.' },
      { fact: '10 business days', sentence: 'Refunds to a card usually arrive within 10 business days.' },
      { fact: '15%', sentence: 'Returns carry a 15% restocking fee.' },
      { fact: '90 days', sentence: 'Our price match covers 90 days after purchase.' },
      { fact: '48 hours', sentence: 'We answer every warranty claim within 48 hours.' },
    ].filter((option) => !evidence.includes(option.fact.toLowerCase()));
    const option = options[pick(options.length)];
    return option && { input: withReply(input, insertSentence(input.reply, option.sentence)), planted: { kind: 'policy_number', code: 'UNGROUNDED_POLICY_CLAIM', fact: option.fact } };
  },
};

/**
 * Plants one ungrounded fact: of the first kind in `kinds` the draft has something to change for
 * (dates, emails and policy numbers always apply, so the kinds of {@link QA_PLANTS} always succeed).
 *
 * @returns the changed draft and what was planted.
 * @throws InternalError `INTERNAL` when no kind in `kinds` applies.
 */
export function plantFact(input: { draft: QualityReviewInput; kinds: readonly QaPlantKind[]; context: PlantContext }): { input: QualityReviewInput; planted: PlantedFact } {
  for (const kind of input.kinds) {
    const result = PLANTERS[kind](input.draft, input.context);
    if (result) return result;
  }
  throw new InternalError('no plant kind applies to this draft', { details: { kinds: [...input.kinds] } });
}
