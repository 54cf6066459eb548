/**
 * The QA judge: an LLM reviewer always combined with the deterministic rules reviewer
 * (`reviewReply` in core: grounding, policy, tone, completeness). The stricter verdict wins; the
 * judge can add issues, never remove one, and its revision is used only if the rules approve it.
 */
import { reviewReply, type QualityIssue, type QualityReview, type QualityReviewInput, type ReviewReplyOptions } from '@switchboard/core';
import type { CostLedger } from './ledger.js';
import { runModelTurn } from './loop.js';
import { userMessage } from './messages.js';
import type { ModelBinder } from './models.js';
import { judgePrompt, renderPolicy } from './prompts/index.js';
import { OUTPUTS } from './schemas.js';

/** Reviews drafted replies. `context` names the conversation and agent (cost records). */
export interface QualityReviewer {
  readonly id: string;
  review(input: QualityReviewInput, context: { conversationId: string; agentId: string }): Promise<QualityReview>;
}

const SEVERITY: Readonly<Record<QualityReview['verdict'], number>> = { approve: 0, revise: 1, block: 2 };

/** The rules reviewer alone, as a {@link QualityReviewer} (the `qa: local` role). */
export function createRulesReviewer(options: ReviewReplyOptions = {}): QualityReviewer {
  return { id: 'rules', review: (input) => Promise.resolve(reviewReply(input, options)) };
}

/** Options of {@link createLlmQualityReviewer}. */
export interface LlmQualityReviewerOptions {
  models: ModelBinder;
  ledger: CostLedger;
  /** The desk policy the judge checks promises against. */
  policy?: string | Readonly<Record<string, unknown>>;
  /** Options of the rules reviewer (desk contact addresses, tone thresholds). */
  rules?: ReviewReplyOptions;
  /** Evidence lines shown to the judge, at most (tool outputs and knowledge first, then the latest conversation lines); each is cut at 2,000 characters. @defaultValue 40 */
  maxEvidenceLines?: number;
}

function mergeIssues(rules: readonly QualityIssue[], judge: readonly QualityIssue[]): QualityIssue[] {
  const seen = new Set(rules.map((issue) => `${issue.code}\u0000${issue.fact ?? ''}`));
  return [...rules, ...judge.filter((issue) => !seen.has(`${issue.code}\u0000${issue.fact ?? ''}`))];
}

/**
 * Creates the combined reviewer (id `rules+llm`): the rules first — a `block` from them is final
 * and the judge is not asked; otherwise the judge (`prompts/qa-judge@1`) reviews the draft with the
 * evidence. If the judge fails (provider down, invalid answer), the rules' review stands.
 *
 * @returns a reviewer whose `review` never throws; `reviewer` is `rules+llm`, or `rules` when the
 *   judge could not answer. A judge revision is kept only when the rules approve it.
 * @example
 * ```ts
 * const reviewer = createLlmQualityReviewer({ models, ledger, policy: STORE_POLICY });
 * const review = await reviewer.review(input, { conversationId, agentId: 'orders' });
 * ```
 */
export function createLlmQualityReviewer(options: LlmQualityReviewerOptions): QualityReviewer {
  const policy = renderPolicy(options.policy);
  const maxLines = options.maxEvidenceLines ?? 40;
  return {
    id: 'rules+llm',
    async review(input, context) {
      const rules = reviewReply(input, options.rules);
      if (rules.verdict === 'block') return rules;
      // Tool outputs and knowledge first (they ground facts), then the most recent conversation lines.
      const grounding = [...input.evidence.toolOutputs.map((output) => JSON.stringify(output).slice(0, 2000)), ...input.evidence.knowledgeTexts.map((text) => text.slice(0, 2000))].slice(0, maxLines);
      const evidence = [...grounding, ...input.evidence.conversationTexts.slice(-Math.max(0, maxLines - grounding.length))];
      const system = judgePrompt.render({
        reply: input.reply,
        evidence,
        ...(policy ? { policy } : {}),
        sentiment: input.sentiment,
        subtasks: input.subtasks.map((subtask) => subtask.text || subtask.intent),
        ruleIssues: rules.issues,
      });
      let judged: QualityReview;
      try {
        const model = options.models.bind({ role: 'qa', conversationId: context.conversationId, agentId: context.agentId, promptId: judgePrompt.id });
        const { output } = await runModelTurn({ model, system, messages: [userMessage('Review the draft reply.')], output: OUTPUTS.judge, maxSteps: 1 });
        if (output === undefined) return rules;
        const issues = output.issues.map(({ fact, ...issue }) => ({ ...issue, ...(fact === null ? {} : { fact }) }));
        judged = { verdict: output.verdict, issues, ...(output.revisedReply ? { revisedReply: output.revisedReply } : {}), reviewer: 'llm' };
      } catch {
        return rules;
      }
      const verdict = SEVERITY[judged.verdict] > SEVERITY[rules.verdict] ? judged.verdict : rules.verdict;
      const issues = mergeIssues(rules.issues, judged.issues);
      const review: QualityReview = { verdict, issues, reviewer: 'rules+llm' };
      if (verdict !== 'revise') return review;
      const candidates = [judged.revisedReply, rules.revisedReply].filter((text): text is string => text !== undefined);
      const revision = candidates.find((text) => reviewReply({ ...input, reply: text }, options.rules).verdict === 'approve');
      return revision === undefined ? review : { ...review, revisedReply: revision };
    },
  };
}
