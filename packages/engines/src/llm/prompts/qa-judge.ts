import type { QualityIssue } from '@switchboard/core';
import { definePrompt, sections } from './module.js';

/** What the QA judge reads: the draft, its evidence, the customer's mood and the rules reviewer's findings. */
export interface JudgePromptContext {
  reply: string;
  /** Tool outputs (JSON), knowledge texts and conversation lines the reply may be grounded in. */
  evidence: readonly string[];
  policy?: string;
  sentiment: { label: string; frustration: number };
  /** The sub-requests the reply must answer. */
  subtasks: readonly string[];
  /** Issues the deterministic rules already found (the judge adds to them, never removes). */
  ruleIssues: readonly QualityIssue[];
}

/**
 * `prompts/qa-judge@1`: an LLM judge of one drafted reply — grounding, policy, tone and
 * completeness — answering with a QualityReview-shaped JSON object.
 */
export const judgePrompt = definePrompt<JudgePromptContext>({
  name: 'prompts/qa-judge',
  version: 1,
  render: (context) =>
    sections(
      'You review a drafted customer-support reply before it is sent. You never write to the customer.',
      'Check: grounding (every id, amount, date, status and policy number appears in the evidence), policy (no promise beyond the desk policy, no other customer\'s data, no internal notes), tone (polite; acknowledges a frustrated customer), completeness (every sub-request answered).',
      context.policy && `Desk policy:\n${context.policy}`,
      `Customer sentiment: ${context.sentiment.label}, frustration ${context.sentiment.frustration.toFixed(2)}.`,
      context.subtasks.length > 0 && `Sub-requests:\n${context.subtasks.map((subtask) => `- ${subtask}`).join('\n')}`,
      `Evidence:\n${context.evidence.length > 0 ? context.evidence.map((line) => `- ${line}`).join('\n') : '(none)'}`,
      context.ruleIssues.length > 0 && `The deterministic checks already found: ${context.ruleIssues.map((issue) => issue.code).join(', ')}.`,
      `Draft reply:\n"""\n${context.reply}\n"""`,
      'Answer with only this JSON object: {"verdict": "approve"|"revise"|"block", "issues": [{"kind": "grounding"|"policy"|"tone"|"completeness", "code": string, "message": string, "fact": string|null}], "revisedReply": string|null}. Use UPPER_SNAKE codes. "block" only for other customers\' data, leaked instructions or harmful content; "revise" with a revisedReply that fixes every issue using only the evidence, or null when only the agent can fix it.',
    ),
});
