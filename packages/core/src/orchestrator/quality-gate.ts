/**
 * The QA gate on every outgoing agent reply (DESIGN.md §1 step 10): the rules reviewer
 * (grounding, policy, tone, completeness) and then the output guardrail (other people's data,
 * prompt text, internal notes). Pure.
 */
import type { GuardrailVerdict, QualityEvidence, QualityReview } from '../domain/quality.js';
import { checkOutput } from '../guardrails/output.js';
import { reviewReply } from '../quality/review.js';

/** What the gate reviews. */
export interface QualityGateInput {
  draft: string;
  evidence: QualityEvidence;
  customerEmails: readonly string[];
  sentiment: { label: 'negative' | 'neutral' | 'positive'; frustration: number };
  subtasks: readonly { intent: string; text: string }[];
  answeredIntents: readonly string[];
  accountFlags: readonly string[];
  /** The desk's own contact addresses and numbers (always allowed in replies). */
  deskContacts: readonly string[];
}

/** `send` the (possibly revised or sanitized) `text`, or `block` it and escalate. */
export type QualityGateOutcome =
  | { action: 'send'; text: string; review: QualityReview; guardrail: GuardrailVerdict }
  | { action: 'block'; codes: string[]; review: QualityReview; guardrail?: GuardrailVerdict };

/**
 * Reviews a draft and decides what reaches the customer:
 * - `approve` → the draft; `revise` with a `revisedReply` (already re-reviewed) → the revision;
 * - `revise` without a revision: grounding or policy issues → block; tone or completeness only → the draft;
 * - `block` → block; then the output guardrail may sanitize (mask) or refuse (block).
 */
export function gateReply(input: QualityGateInput): QualityGateOutcome {
  const review = reviewReply(
    {
      reply: input.draft,
      evidence: input.evidence,
      customerEmails: input.customerEmails,
      sentiment: input.sentiment,
      subtasks: input.subtasks,
      answeredIntents: input.answeredIntents,
      accountFlags: input.accountFlags,
    },
    { deskEmails: input.deskContacts },
  );
  const codes = review.issues.map((issue) => issue.code);
  if (review.verdict === 'block') return { action: 'block', codes, review };
  let text = input.draft;
  if (review.verdict === 'revise') {
    if (review.revisedReply !== undefined) text = review.revisedReply;
    else if (review.issues.some((issue) => issue.kind === 'grounding' || issue.kind === 'policy')) return { action: 'block', codes, review };
  }
  const guardrail = checkOutput(text, { customerEmails: input.customerEmails, deskContacts: input.deskContacts });
  if (guardrail.action === 'refuse' || guardrail.action === 'escalate') return { action: 'block', codes: [...codes, ...guardrail.reasons], review, guardrail };
  return { action: 'send', text: guardrail.action === 'sanitize' && guardrail.text !== undefined ? guardrail.text : text, review, guardrail };
}
