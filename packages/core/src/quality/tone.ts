/**
 * Tone rules: no profanity, blame or sarcasm; acknowledge a frustrated customer; no casual slang
 * with flagged (VIP, at-risk) accounts.
 */
import type { Finding } from './grounding.js';

/** Profanity, blame and sarcasm a support reply must never contain. */
export const UNPROFESSIONAL_PATTERNS: readonly RegExp[] = [
  /\b(?:f+u+c+k\w*|shit\w*|bullshit|crap|damn(?:ed|it)?|bastard|asshole|wtf|stfu)\b/i,
  /\b(?:stupid|idiot\w*|dumb|moron\w*)\b/i,
  /\b(?:your|you(?:r|'re)?\s+own)\s+fault\b/i,
  /\byou\s+should\s+have\s+(?:read|known|checked|paid\s+attention)\b/i,
  /\bas\s+I\s+(?:already|clearly)\s+(?:said|told\s+you|explained)\b/i,
  /\b(?:calm\s+down|not\s+(?:my|our)\s+problem|deal\s+with\s+it|whatever\s+you\s+want)\b/i,
  /\b(?:obviously|clearly)\s+you\s+(?:didn't|did\s+not|don't|can't)\b/i,
  /\b(?:yeah\s+right|good\s+luck\s+with\s+that|thanks\s+for\s+nothing|big\s+surprise|wow,?\s+really)\b/i,
];

/** {@link UNPROFESSIONAL_PATTERNS} as global patterns, compiled once (reset `lastIndex` before use). */
const UNPROFESSIONAL_SCANNERS: readonly RegExp[] = UNPROFESSIONAL_PATTERNS.map((pattern) => new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`));

/** Words and signs that acknowledge how the customer feels. */
export const EMPATHY_PATTERN =
  /\b(?:sorry|apologi[sz]e|apologies|understand(?:able)?|frustrat\w*|I\s+hear\s+you|thank\s+you\s+for\s+your\s+patience|thanks\s+for\s+your\s+patience|I\s+can\s+see\s+(?:how|why)|that\s+must\s+be|I\s+appreciate|annoying|inconvenien\w*|disappoint\w*)/i;

/** Casual phrasing not used with flagged accounts (`vip`, `at_risk`). */
export const CASUAL_PATTERN = /\b(?:hey(?:\s+there)?|yo|no\s+worries|gonna|wanna|lol|cheers\s+mate|np|btw)\b|[\u{1F600}-\u{1F64F}]/iu;

/** The opener a revision puts before a reply to a frustrated customer. Versioned with {@link QUALITY_RULES_VERSION}. */
export const EMPATHY_OPENER = "I'm sorry for the trouble, and thank you for your patience.";

function find(reply: string, pattern: RegExp): RegExpExecArray | null {
  return new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(reply);
}

/** `TONE_UNPROFESSIONAL` findings (one per matching pattern) and, for flagged accounts, `TONE_TOO_CASUAL`. */
export function checkTone(input: { reply: string; flaggedAccount: boolean }): Finding[] {
  const findings: Finding[] = [];
  for (const pattern of UNPROFESSIONAL_SCANNERS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(input.reply); match !== null; match = pattern.exec(input.reply)) {
      findings.push({ issue: { kind: 'tone', code: 'TONE_UNPROFESSIONAL', fact: match[0], message: 'The reply contains profanity, blame or sarcasm.' }, start: match.index, end: match.index + match[0].length });
    }
  }
  const casual = input.flaggedAccount ? find(input.reply, CASUAL_PATTERN) : null;
  if (casual) findings.push({ issue: { kind: 'tone', code: 'TONE_TOO_CASUAL', fact: casual[0], message: 'The reply is too casual for a VIP or at-risk account.' }, start: casual.index, end: casual.index + casual[0].length });
  return findings;
}

/** Whether the reply acknowledges the customer's feelings ({@link EMPATHY_PATTERN}). */
export function acknowledges(reply: string): boolean {
  return EMPATHY_PATTERN.test(reply);
}
