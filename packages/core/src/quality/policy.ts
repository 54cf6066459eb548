/**
 * Policy rules: no other person's email address, no promise the desk cannot keep, no internal
 * text (prompt modules, system prompt, internal notes, escalation summaries).
 */
import type { EvidenceIndex } from './evidence.js';
import type { Fact } from './facts.js';
import type { Finding } from './grounding.js';

/** Promise phrasing the desk cannot back with a policy or a tool result. */
export const PROMISE_PATTERNS: readonly RegExp[] = [
  /\b(?:i|we)\s+(?:can\s+)?promise\b/i,
  /\bguarantee(?:d|s)?\b/i,
  /\bwill\s+(?:definitely|certainly|absolutely|surely)\b/i,
  /\b(?:100|hundred)\s?(?:%|percent)\s+(?:sure|certain|guaranteed)\b/i,
  /\bfree\s+(?:of\s+charge\s+)?(?:forever|for\s+life)\b/i,
  /\b(?:lifetime|unlimited)\s+(?:warranty|refunds?|returns?|free\s+\w+)\b/i,
  /\bno\s+matter\s+what\b/i,
  /\bno\s+questions\s+asked\b/i,
  /\b(?:never|won't|will\s+not)\s+happen\s+again\b/i,
  /\bwithout\s+fail\b/i,
  /\bmake\s+(?:sure|certain)\s+(?:that\s+)?(?:this|it)\s+never\s+happens\b/i,
];
const NEGATION = /\b(?:not|no|never|can't|cannot|can\s+not|won't|don't|unable\s+to|isn't|aren't)\b[^.!?]{0,24}$/i;
/** {@link PROMISE_PATTERNS} as global patterns, compiled once (reset `lastIndex` before use). */
const PROMISE_SCANNERS: readonly RegExp[] = PROMISE_PATTERNS.map((pattern) => new RegExp(pattern.source, `${pattern.flags}g`));

/** Internal text that must never reach a customer. */
export const LEAK_PATTERNS: readonly RegExp[] = [
  /\bprompts\/[\w./-]+/i,
  /\bsystem\s+prompt\b/i,
  /\binternal\s+notes?\b/i,
  /\[internal\]/i,
  /\boperator[-\s]only\b/i,
  /\bEscalated\s+\([a-z_]+\):/,
  /\b(?:Verified|Unverified)\s+customer\b[^.]{0,60}\basked\s+about\b/,
  /\bfrustration\s+\d(?:\.\d+)?\b/i,
  /\bconfidence\s+0\.\d{2}\b/i,
  /\b(?:my|the)\s+(?:hidden|developer|system)\s+instructions\b/i,
  /\b(?:handoffId|slaDueAt|recommendedResolution|accountFlags|traceId)\b/,
];

/** A promise pattern that is not negated ("we can't guarantee…") and not quoted from a knowledge text. */
function promiseFindings(input: { reply: string; knowledgeTexts: readonly string[] }): Finding[] {
  const knowledge = input.knowledgeTexts.map((text) => text.replace(/\s+/g, ' ').toLowerCase());
  const findings: Finding[] = [];
  for (const pattern of PROMISE_SCANNERS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(input.reply); match !== null; match = pattern.exec(input.reply)) {
      const before = input.reply.slice(Math.max(0, match.index - 40), match.index);
      if (NEGATION.test(before)) continue;
      const around = input.reply.slice(Math.max(0, match.index - 60), match.index + match[0].length + 60).replace(/\s+/g, ' ').toLowerCase();
      if (knowledge.some((text) => text.includes(match[0].toLowerCase()) && quotes(text, around))) continue;
      findings.push({
        issue: { kind: 'policy', code: 'UNSUPPORTED_PROMISE', fact: match[0], message: 'The reply makes a promise the desk cannot guarantee by policy or tool result.' },
        start: match.index,
        end: match.index + match[0].length,
      });
    }
  }
  return findings;
}

/** Whether the knowledge text contains a 30-character stretch of the reply around the promise. */
function quotes(knowledge: string, around: string): boolean {
  for (let offset = 0; offset + 30 <= around.length; offset += 10) if (knowledge.includes(around.slice(offset, offset + 30))) return true;
  return false;
}

/**
 * `FOREIGN_PII`, `UNSUPPORTED_PROMISE` and `INTERNAL_LEAK` findings.
 *
 * An email is allowed when it is the customer's (`customerEmails`), a desk address
 * (`deskEmails`), or appears in the conversation or a knowledge text; an email found only in a tool
 * output (another customer's record) or nowhere is foreign.
 */
export function checkPolicy(input: {
  reply: string;
  facts: readonly Fact[];
  index: EvidenceIndex;
  customerEmails: readonly string[];
  deskEmails: readonly string[];
  knowledgeTexts: readonly string[];
}): Finding[] {
  const allowed = new Set([...input.customerEmails, ...input.deskEmails].map((email) => email.trim().toLowerCase()));
  const findings: Finding[] = [];
  for (const fact of input.facts) {
    if (fact.kind !== 'email' || allowed.has(fact.key) || input.index.givenEmails.has(fact.key)) continue;
    const where = input.index.toolEmails.has(fact.key) ? "another person's record" : 'nowhere in the evidence';
    findings.push({ issue: { kind: 'policy', code: 'FOREIGN_PII', fact: fact.text, message: `The reply shows an email address that is not the customer's (found in ${where}).` }, start: fact.start, end: fact.end });
  }
  findings.push(...promiseFindings(input));
  for (const pattern of LEAK_PATTERNS) {
    const match = pattern.exec(input.reply);
    if (match) findings.push({ issue: { kind: 'policy', code: 'INTERNAL_LEAK', fact: match[0], message: 'The reply contains internal text (prompt, instructions, notes or escalation summary).' }, start: match.index, end: match.index + match[0].length });
  }
  return findings;
}
