/**
 * The rules reviewer of the QA gate: grounding, policy, tone and completeness of one drafted
 * reply, and a deterministic revision when one exists.
 */
import type { QualityIssue, QualityReview, QualityReviewInput } from '../domain/quality.js';
import { indexEvidence, needsTextFacts, type EvidenceIndex } from './evidence.js';
import { extractFacts } from './facts.js';
import { checkGrounding, type Finding } from './grounding.js';
import { checkPolicy } from './policy.js';
import { dropSegments, splitSegments, type Segment } from './segments.js';
import { EMPATHY_OPENER, acknowledges, checkTone } from './tone.js';

/** Version of the rule set and its wording (opener, messages); bump on any change. */
export const QUALITY_RULES_VERSION = 1;

/** Issue codes that always block: the reply must never reach the customer. */
export const BLOCKING_CODES: ReadonlySet<string> = new Set(['FOREIGN_PII', 'INTERNAL_LEAK']);
/** Codes whose sentence a revision may drop. */
const DROPPABLE_CODES: ReadonlySet<string> = new Set(['UNSUPPORTED_PROMISE', 'TONE_UNPROFESSIONAL']);

/** Options of {@link reviewReply}. */
export interface ReviewReplyOptions {
  /** Most sentences a revision may drop; more → no deterministic fix. Range 0–10. @defaultValue 2 */
  maxSentenceRemovals?: number;
  /** The desk's own contact addresses, allowed in any reply (knowledge-text addresses are allowed anyway). @defaultValue [] */
  deskEmails?: readonly string[];
  /** Frustration (0–1) from which a reply must acknowledge the customer's feelings. @defaultValue 0.6 */
  empathyFrustration?: number;
  /** The same threshold for flagged accounts. @defaultValue 0.4 */
  flaggedEmpathyFrustration?: number;
  /** Account flags that make an account "flagged" for tone (stricter empathy, no casual phrasing). @defaultValue ['vip', 'at_risk'] */
  flaggedAccountFlags?: readonly string[];
}

interface Settings {
  maxSentenceRemovals: number;
  deskEmails: readonly string[];
  empathyFrustration: number;
  flagged: boolean;
}

interface Analysis {
  /** Issues with a position in the reply (grounding, policy, tone). */
  findings: Finding[];
  /** Whether the reply lacks a needed acknowledgement. */
  needsEmpathy: boolean;
}

const COURTESY =
  /^(?:\(from our help article|thanks|thank you|is there anything else|anything else|hope this helps|let me know|have a (?:good|great|nice)|i'm sorry|i am sorry|sorry|i apologi[sz]e|apologies|i understand|i know how|of course|sure|good question)/i;

/** A sentence that carries content: three words or more, not a list header, a source line, an apology or a courtesy line. */
function substantive(segment: Segment): boolean {
  return (segment.text.match(/[A-Za-z]+/g) ?? []).length >= 3 && !segment.text.endsWith(':') && !COURTESY.test(segment.text.replace(/^[-*•]\s*/, ''));
}

/** Whether a kept list header (`…:`) would be left with nothing under it. */
function orphansHeader(segments: readonly Segment[], drop: ReadonlySet<number>): boolean {
  const kept = segments.filter((_segment, index) => !drop.has(index));
  return kept.some((segment, index) => segment.text.endsWith(':') && (kept[index + 1] === undefined || kept[index + 1]?.text.endsWith(':') === true));
}

/**
 * Grounding, policy and tone findings of `reply`. The evidence index is built on first use, with
 * the facts written in evidence texts only when the reply's facts need them (a revision re-checked
 * against an index built without them gets them then).
 */
function analyze(input: { reply: string; review: QualityReviewInput; evidence: EvidenceCache; settings: Settings }): Analysis {
  const { reply, review, settings } = input;
  const facts = extractFacts(reply);
  const index = input.evidence.index(needsTextFacts(facts));
  const findings = [
    ...checkGrounding({ facts, index, reply }),
    ...checkPolicy({ reply, facts, index, customerEmails: review.customerEmails, deskEmails: settings.deskEmails, knowledgeTexts: review.evidence.knowledgeTexts }),
    ...checkTone({ reply, flaggedAccount: settings.flagged }),
  ];
  const frustrated = review.sentiment.label === 'negative' || review.sentiment.frustration >= settings.empathyFrustration;
  return { findings, needsEmpathy: reply.trim() !== '' && frustrated && !acknowledges(reply) };
}

/** The review's evidence index, built once, with text facts once a reply needs them. */
class EvidenceCache {
  private built: EvidenceIndex | undefined;

  constructor(private readonly evidence: QualityReviewInput['evidence']) {}

  index(textFacts: boolean): EvidenceIndex {
    if (this.built === undefined || (textFacts && !this.built.textFacts)) this.built = indexEvidence(this.evidence, { textFacts });
    return this.built;
  }
}

/** One `INCOMPLETE_SUBTASK` per sub-request intent the draft did not answer. */
function completeness(review: QualityReviewInput): QualityIssue[] {
  const answered = new Set(review.answeredIntents);
  const missing = [...new Set(review.subtasks.map((subtask) => subtask.intent))].filter((intent) => !answered.has(intent));
  return missing.map((intent) => ({ kind: 'completeness', code: 'INCOMPLETE_SUBTASK', fact: intent, message: `The reply does not answer the sub-request "${intent.replace(/_/g, ' ')}".` }));
}

function dedupe(issues: readonly QualityIssue[]): QualityIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code}\u0000${issue.fact ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The sentences to drop for the droppable findings, or undefined when dropping cannot fix them:
 * an ungrounded order id or order status (the reply may be about the wrong order), a finding in a list header
 * (`…:`), more than `maxSentenceRemovals` sentences, a header left with nothing under it, or
 * nothing substantive left (only apologies, courtesy or source lines).
 */
function planDrops(input: { findings: readonly Finding[]; segments: readonly Segment[]; settings: Settings }): Set<number> | undefined {
  const { segments } = input;
  const drop = new Set<number>();
  for (const finding of input.findings) {
    if (finding.issue.code === 'UNGROUNDED_ORDER_ID' || finding.issue.code === 'UNGROUNDED_ORDER_STATUS') return undefined;
    const at = segments.findIndex((segment) => finding.start >= segment.start && finding.start < segment.end);
    const segment = segments[at];
    if (segment === undefined || segment.text.endsWith(':')) return undefined;
    drop.add(at);
  }
  if (drop.size > input.settings.maxSentenceRemovals || orphansHeader(segments, drop)) return undefined;
  const left = segments.filter((segment, index) => !drop.has(index) && substantive(segment));
  return left.length > 0 ? drop : undefined;
}

/** The reply with the sentences of grounding, promise and unprofessional-tone findings dropped and an empathy opener when needed; undefined when no drop plan exists. */
function revise(input: { reply: string; analysis: Analysis; settings: Settings }): string | undefined {
  const { analysis } = input;
  const droppable = analysis.findings.filter((finding) => finding.issue.kind === 'grounding' || DROPPABLE_CODES.has(finding.issue.code));
  const segments = splitSegments(input.reply);
  const drop = planDrops({ findings: droppable, segments, settings: input.settings });
  if (drop === undefined) return undefined;
  const kept = drop.size > 0 ? dropSegments({ text: input.reply, segments, drop }) : input.reply;
  if (!analysis.needsEmpathy || acknowledges(kept)) return kept;
  return `${EMPATHY_OPENER}${kept.includes('\n') ? '\n' : ' '}${kept}`;
}

/**
 * Reviews one drafted reply with deterministic rules (reviewer `rules`) before it is sent.
 * Use it on every outgoing reply; for a model-based second opinion, run an `llm` reviewer after
 * it (it never replaces these checks).
 *
 * | rule | code | kind | verdict |
 * | --- | --- | --- | --- |
 * | order id (`#W1234567`, "order 12345") not in evidence | `UNGROUNDED_ORDER_ID` | grounding | block (the reply may be about the wrong order) |
 * | amount (`$1,380.79`, `1380.79 USD`, cents compared) not in evidence | `UNGROUNDED_AMOUNT` | grounding | revise (drop its sentence) or block |
 * | order status next to an order id ("is delivered", "(status: pending)") that differs from the order record | `UNGROUNDED_ORDER_STATUS` | grounding | block |
 * | date (ISO, "May 12, 2026", "5/12/2026", "by Friday", "tomorrow") | `UNGROUNDED_DATE` | grounding | revise or block |
 * | tracking number (12 digits or after "tracking") | `UNGROUNDED_TRACKING_ID` | grounding | revise or block |
 * | product / item id (10 digits) / other ≥ 8-digit id | `UNGROUNDED_ITEM_ID` / `UNGROUNDED_ID` | grounding | revise or block |
 * | ticket id (`T-66185D7C`) | `UNGROUNDED_TICKET_ID` | grounding | revise or block |
 * | phone number / card "ending 1234" | `UNGROUNDED_PHONE` / `UNGROUNDED_CARD` | grounding | revise or block |
 * | duration or percentage ("within 30 days", "5–7 business days", "15%") | `UNGROUNDED_POLICY_CLAIM` | grounding | revise or block |
 * | email that is not the customer's, a desk address or in the conversation / knowledge | `FOREIGN_PII` | policy | block |
 * | prompt module, system prompt, internal note, escalation summary | `INTERNAL_LEAK` | policy | block |
 * | "I promise", "guarantee", "will definitely", "free forever"… (not negated, not quoted from knowledge) | `UNSUPPORTED_PROMISE` | policy | revise |
 * | profanity, blame, sarcasm | `TONE_UNPROFESSIONAL` | tone | revise |
 * | casual phrasing with a flagged (VIP, at-risk) account | `TONE_TOO_CASUAL` | tone | revise (rewrite) |
 * | frustrated customer (negative, or frustration ≥ 0.6; ≥ 0.4 flagged) and no acknowledgement | `TONE_NO_EMPATHY` | tone | revise (opener added) |
 * | a sub-request intent not in `answeredIntents` | `INCOMPLETE_SUBTASK` | completeness | revise (rewrite) |
 *
 * Evidence: tool outputs are walked value by value (money-like numbers as cents, with per-array
 * sums; `…Ms` numbers and timestamp pairs as durations); knowledge and conversation texts are read
 * for the same facts. Grounded forms are normalized: `$1,380.79` = `1380.79`, `#W1234567` =
 * `W1234567`, `24 hours` = `1 day`, `5–7` = `5-7`.
 *
 * @param input - the draft, its evidence, the customer's emails, sentiment and sub-requests.
 * @param options - revision limits, desk addresses and tone thresholds (see {@link ReviewReplyOptions}).
 * @returns `block` for `FOREIGN_PII` / `INTERNAL_LEAK`, or for grounding issues no sentence drop can
 *   fix; `revise` with `revisedReply` when dropping at most `maxSentenceRemovals` sentences and/or
 *   adding an empathy opener fixes every issue (the revision is re-reviewed and approved by these
 *   same rules), or `revise` without `revisedReply` when only the agent can fix it (completeness,
 *   casual tone, a promise in the only sentence) — feed `issues` back; `approve` when no rule
 *   fires. `issues` always describe the draft as given. Never throws.
 * @see https://arxiv.org/abs/2305.14251 (FActScore: checking atomic facts against a source)
 * @example
 * ```ts
 * const review = reviewReply({ reply: 'Order #W1234567 is delivered.', evidence: { toolOutputs: [order], knowledgeTexts: [], conversationTexts: [] },
 *   customerEmails: ['ana@example.com'], sentiment: { label: 'neutral', frustration: 0 }, subtasks: [], answeredIntents: [] });
 * review.verdict; // 'approve'
 * ```
 */
export function reviewReply(input: QualityReviewInput, options: ReviewReplyOptions = {}): QualityReview {
  const flaggedFlags = new Set(options.flaggedAccountFlags ?? ['vip', 'at_risk']);
  const flagged = (input.accountFlags ?? []).some((flag) => flaggedFlags.has(flag));
  const settings: Settings = {
    maxSentenceRemovals: Math.max(0, Math.min(10, options.maxSentenceRemovals ?? 2)),
    deskEmails: options.deskEmails ?? [],
    empathyFrustration: flagged ? (options.flaggedEmpathyFrustration ?? 0.4) : (options.empathyFrustration ?? 0.6),
    flagged,
  };
  const evidence = new EvidenceCache(input.evidence);
  const analysis = analyze({ reply: input.reply, review: input, evidence, settings });
  const missing = completeness(input);
  const empathy: QualityIssue[] = analysis.needsEmpathy
    ? [{ kind: 'tone', code: 'TONE_NO_EMPATHY', message: 'The customer is frustrated and the reply does not acknowledge it.' }]
    : [];
  const issues = dedupe([...analysis.findings.map((finding) => finding.issue), ...empathy, ...missing]);
  if (issues.length === 0) return { verdict: 'approve', issues, reviewer: 'rules' };
  if (issues.some((issue) => BLOCKING_CODES.has(issue.code))) return { verdict: 'block', issues, reviewer: 'rules' };

  const candidate = revise({ reply: input.reply, analysis, settings });
  const recheck = candidate === undefined ? undefined : analyze({ reply: candidate, review: input, evidence, settings });
  const stillUngrounded = recheck === undefined || recheck.findings.some((finding) => finding.issue.kind === 'grounding' || BLOCKING_CODES.has(finding.issue.code));
  if (issues.some((issue) => issue.kind === 'grounding') && stillUngrounded) return { verdict: 'block', issues, reviewer: 'rules' };
  const clean = recheck !== undefined && recheck.findings.length === 0 && !recheck.needsEmpathy;
  if (candidate !== undefined && clean && missing.length === 0) return { verdict: 'revise', issues, revisedReply: candidate, reviewer: 'rules' };
  return { verdict: 'revise', issues, reviewer: 'rules' };
}
