/**
 * The output guardrail: runs on each reply just before it is sent, after the QA gate.
 */
import type { GuardrailVerdict } from '../domain/quality.js';

/** Options of {@link checkOutput}. */
export interface CheckOutputOptions {
  /** The verified customer's email addresses (may appear). Empty when unverified. */
  customerEmails: readonly string[];
  /** The customer's full name ("Yusuf Dubois"), so a labelled name field of anyone else is masked. */
  customerName?: string;
  /** Last four digits of the customer's cards; when given, "ending 1234" with other digits is masked. */
  customerCardLastFour?: readonly string[];
  /** The customer's street lines ("1045 Forest Drive"); when given, other street addresses are masked. */
  customerAddresses?: readonly string[];
  /** The customer's phone numbers (any format). @defaultValue [] */
  customerPhones?: readonly string[];
  /** The desk's own addresses and numbers, always allowed. Role addresses (`support@…`) and toll-free numbers are allowed anyway. @defaultValue [] */
  deskContacts?: readonly string[];
  /** Most personal-data items masked in one reply; more means a record dump → refuse. @defaultValue 3 */
  maxMaskedItems?: number;
}

/** Instruction or prompt text → `SYSTEM_PROMPT_LEAK`. */
const PROMPT_LEAK_PATTERNS: readonly RegExp[] = [
  /\bsystem\s+prompt\b/i,
  /\bprompts\/[\w./@-]+/i,
  /\b(?:my|the)\s+(?:hidden|secret|system|developer|original)\s+instructions\b/i,
  /\bmy\s+instructions\s+(?:are|say|tell)\b/i,
  /<\/?(?:system|instructions)>|\bBEGIN\s+(?:SYSTEM\s+)?PROMPT\b/i,
  /^\s*you\s+are\s+(?:a|an|the)\s+[\w\s-]{0,40}\b(?:agent|assistant)\b[^.\n]{0,80}\.\s+(?:you\s+(?:must|should|never|always)|never|always|do\s+not)\b/im,
];

/** Operator-only text → `INTERNAL_NOTE`. */
const INTERNAL_PATTERNS: readonly RegExp[] = [
  /\[internal\]|\binternal\s+note/i,
  /\boperator[-\s]only\b/i,
  /\bEscalated\s+\([a-z_]+\):/,
  /\b(?:Verified|Unverified)\s+customer\b.{0,80}\b(?:asked\s+about|wrote\s+a\s+message)\b/,
  /\bSentiment\s+(?:negative|neutral|positive),\s+frustration\b/,
  /\b(?:recommendedResolution|accountFlags|handoffChain|handoffId|traceId|attemptedSolutions|resolutionState|slaDueAt)\b/,
];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const ROLE_EMAIL = /^(?:support|help|helpdesk|privacy|no-?reply|info|billing|returns|orders|sales|contact|service|care)@/i;
const PHONE = /(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)/g;
const TOLL_FREE = /^(?:800|888|877|866|855|844|833)/;
const CARD_NUMBER = /(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)/g;
const LAST_FOUR = /\b(ending(?:\s+in)?|ends\s+(?:in|with)|last\s+(?:four|4)(?:\s+digits)?(?:\s+(?:of|are|is))?)(\s*:?\s*)(\d{4})(?!\d)/gi;
const STREET =
  /\b\d{1,6}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Circle|Parkway|Pkwy|Highway|Hwy)\b\.?(?:,?\s+(?:Apt|Suite|Unit)\.?\s*\d+)?/g;
const NAME_FIELD = /((?:"?(?:first_name|last_name|full_name|customer_name)"?|"name"|\bCustomer(?:\s+name)?)\s*[:=]\s*"?)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)/g;

const digits = (text: string): string => text.replace(/\D/g, '');
const words = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Luhn checksum, so a 16-digit tracking or order number is not taken for a card. */
function luhn(number: string): boolean {
  let sum = 0;
  for (let index = 0; index < number.length; index += 1) {
    let digit = Number(number[number.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** `jane.doe@example.com` → `j***@example.com`. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** Every digit but the last two replaced by `*`, separators kept: `555-123-4567` → `***-***-**67`. */
export function maskPhone(phone: string): string {
  const total = digits(phone).length;
  let seen = 0;
  return phone.replace(/\d/g, (digit) => (++seen > total - 2 ? digit : '*'));
}

interface Masking {
  text: string;
  masked: number;
  reasons: Set<string>;
}

/** A masking rule: `replace` returns the masked text of a match, or `undefined` to keep it. */
interface MaskRule {
  pattern: RegExp;
  replace: (match: string, groups: readonly string[]) => string | undefined;
  reason?: string;
}

/**
 * Applies one rule to `state.text`. A module function and method-shorthand rules rather than
 * closures: every reply is checked, and under tsx each named closure costs a `defineProperty`.
 */
function mask(state: Masking, rule: MaskRule): void {
  state.text = state.text.replace(rule.pattern, (match: string, ...groups: unknown[]) => {
    const replacement = rule.replace(match, groups.filter((group): group is string => typeof group === 'string'));
    if (replacement === undefined) return match;
    state.masked += 1;
    state.reasons.add(rule.reason ?? 'FOREIGN_PII');
    return replacement;
  });
}

function maskPersonalData(text: string, options: CheckOutputOptions): Masking {
  const state: Masking = { text, masked: 0, reasons: new Set() };
  const contacts = options.deskContacts ?? [];
  const emails = new Set([...options.customerEmails, ...contacts].map((email) => email.trim().toLowerCase()));
  mask(state, {
    pattern: EMAIL,
    replace(email) {
      return emails.has(email.toLowerCase()) || ROLE_EMAIL.test(email) ? undefined : maskEmail(email);
    },
  });
  const phones = new Set([...(options.customerPhones ?? []), ...contacts].map((phone) => digits(phone).slice(-10)).filter((phone) => phone.length === 10));
  mask(state, {
    pattern: PHONE,
    replace(phone) {
      return phones.has(digits(phone).slice(-10)) || TOLL_FREE.test(digits(phone).slice(-10)) ? undefined : maskPhone(phone);
    },
  });
  const lastFour = options.customerCardLastFour;
  for (const own of [true, false]) {
    mask(state, {
      pattern: CARD_NUMBER,
      replace(card) {
        const number = digits(card);
        if (number.length < 13 || !luhn(number)) return undefined;
        const isCustomers = lastFour?.includes(number.slice(-4)) ?? false;
        return isCustomers === own ? `**** **** **** ${own ? number.slice(-4) : '****'}` : undefined;
      },
      reason: own ? 'CARD_NUMBER' : 'FOREIGN_PII',
    });
  }
  if (lastFour !== undefined) mask(state, { pattern: LAST_FOUR, replace: (_match, [label = '', gap = '', four = '']) => (lastFour.includes(four) ? undefined : `${label}${gap}****`) });
  const addresses = options.customerAddresses?.map(words);
  if (addresses !== undefined) mask(state, { pattern: STREET, replace: (street) => (addresses.some((own) => own.includes(words(street)) || words(street).includes(own)) ? undefined : '[address removed]') });
  const name = options.customerName === undefined ? undefined : words(options.customerName);
  if (name !== undefined) mask(state, { pattern: NAME_FIELD, replace: (_match, [label = '', value = '']) => (name.includes(words(value)) ? undefined : `${label}[name removed]`) });
  return state;
}

/**
 * Checks one outgoing reply for other people's personal data, prompt text and internal notes.
 * Run it on every reply after the QA gate; it does not check grounding (that is `reviewReply`).
 *
 * | finding | reason | action |
 * | --- | --- | --- |
 * | system prompt, prompt module (`prompts/billing@1`), "my instructions say" | `SYSTEM_PROMPT_LEAK` | refuse |
 * | `[internal]`, "internal note", an escalation summary (`Escalated (trigger):`, "Verified customer … asked about"), operator-only fields | `INTERNAL_NOTE` | refuse |
 * | an email, phone number, card number (Luhn-valid), "ending 1234", street address or labelled name that is not the customer's | `FOREIGN_PII` | sanitize (masked: `j***@example.com`, `***-***-**67`, `**** **** **** ****`, `[address removed]`) |
 * | the customer's own full card number | `CARD_NUMBER` | sanitize (`**** **** **** 1234`) |
 * | more than `maxMaskedItems` masked items (a record dump) | `FOREIGN_PII` | refuse |
 *
 * @param text - the reply about to be sent.
 * @param options - who the customer is and which contacts are the desk's ({@link CheckOutputOptions}).
 * @returns `refuse` (send a {@link GUARDRAIL_REFUSALS} reply instead), `sanitize` with `text`, or `allow` with no reasons. Never throws.
 * @example
 * ```ts
 * checkOutput('Your order was also emailed to jane.doe@example.com.', { customerEmails: ['ana@example.com'] });
 * // { action: 'sanitize', reasons: ['FOREIGN_PII'], text: 'Your order was also emailed to j***@example.com.' }
 * ```
 */
export function checkOutput(text: string, options: CheckOutputOptions): GuardrailVerdict {
  const reasons: string[] = [];
  if (PROMPT_LEAK_PATTERNS.some((pattern) => pattern.test(text))) reasons.push('SYSTEM_PROMPT_LEAK');
  if (INTERNAL_PATTERNS.some((pattern) => pattern.test(text))) reasons.push('INTERNAL_NOTE');
  const masking = maskPersonalData(text, options);
  reasons.push(...masking.reasons);
  if (reasons.includes('SYSTEM_PROMPT_LEAK') || reasons.includes('INTERNAL_NOTE')) return { action: 'refuse', reasons };
  if (masking.masked > (options.maxMaskedItems ?? 3)) return { action: 'refuse', reasons };
  if (masking.masked > 0) return { action: 'sanitize', reasons, text: masking.text };
  return { action: 'allow', reasons };
}
