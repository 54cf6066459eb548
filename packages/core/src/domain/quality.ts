import { z } from 'zod';

/** What a quality issue is about. */
export const QualityIssueKindSchema = z.enum(['grounding', 'policy', 'tone', 'completeness']);
export type QualityIssueKind = z.infer<typeof QualityIssueKindSchema>;

/**
 * One problem the quality check found in a drafted reply. `fact` is the offending text span
 * (an order id, an amount…) when there is one; `code` is a stable UPPER_SNAKE reason.
 */
export const QualityIssueSchema = z.object({
  kind: QualityIssueKindSchema,
  code: z.string(),
  message: z.string(),
  fact: z.string().optional(),
});
export type QualityIssue = z.infer<typeof QualityIssueSchema>;

/**
 * The verdict on a drafted reply: `approve` (send as is), `revise` (send `revisedReply`, or ask
 * the agent to rewrite with `issues` fed back; at most `maxRevisions` times), `block` (never send;
 * escalate to a human).
 */
export const QualityReviewSchema = z.object({
  verdict: z.enum(['approve', 'revise', 'block']),
  issues: z.array(QualityIssueSchema),
  revisedReply: z.string().optional(),
  /** Which reviewer decided (`rules`, `llm`, …). */
  reviewer: z.string(),
});
export type QualityReview = z.infer<typeof QualityReviewSchema>;

/**
 * What a reply may be grounded in: tool outputs (JSON values as returned), knowledge-base texts
 * the agent used, and the conversation's messages (customer and desk). Facts found nowhere here
 * are ungrounded.
 */
export interface QualityEvidence {
  toolOutputs: readonly unknown[];
  knowledgeTexts: readonly string[];
  conversationTexts: readonly string[];
}

/** Everything the quality check reviews for one drafted reply. */
export interface QualityReviewInput {
  reply: string;
  evidence: QualityEvidence;
  /** The verified customer's own email addresses (theirs may appear; anyone else's may not). */
  customerEmails: readonly string[];
  /** Sentiment of the customer's message, for tone. */
  sentiment: { label: 'negative' | 'neutral' | 'positive'; frustration: number };
  /** The sub-requests the reply must answer (their intents and texts). */
  subtasks: readonly { intent: string; text: string }[];
  /** Intents the draft actually answered (from the agents' results). */
  answeredIntents: readonly string[];
  /** Account flags of the verified customer (`vip`, `at_risk`…), for tone by tier. @defaultValue [] */
  accountFlags?: readonly string[];
}

/** The guardrail that fired, with a stable reason code. */
export const GuardrailVerdictSchema = z.object({
  action: z.enum(['allow', 'sanitize', 'refuse', 'escalate']),
  /** UPPER_SNAKE reason (`PROMPT_INJECTION`, `ABUSE`, `OFF_TOPIC`, `FOREIGN_PII`, `SYSTEM_PROMPT_LEAK`, `INTERNAL_NOTE`…). */
  reasons: z.array(z.string()),
  /** The sanitized text when `action` is `sanitize`. */
  text: z.string().optional(),
});
export type GuardrailVerdict = z.infer<typeof GuardrailVerdictSchema>;
