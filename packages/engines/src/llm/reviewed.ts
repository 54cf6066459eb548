/**
 * The QA judge as an engine decorator: every reply an agent drafts (any engine) is reviewed by a
 * {@link QualityReviewer} with the run's evidence before it reaches the turn driver, whose own
 * rules gate then checks the composed reply again.
 */
import type { AgentRunInput, AgentRunOutput, AgentToolbox, Engine, KnowledgeBase, QualityReviewInput, ToolCallResult } from '@switchboard/core';
import { withToolbox } from '../hybrid/engine.js';
import type { QualityReviewer } from './judge.js';
import type { CostLedger } from './ledger.js';
import type { ReplyStream } from './streaming.js';

/** Options of {@link createReviewedEngine}. */
export interface ReviewedEngineOptions {
  engine: Engine;
  reviewer: QualityReviewer;
  /** Receives each review (`recordReview`), for reports and the CLI. */
  ledger?: CostLedger;
  /** Resolves the reply's `sources` to article texts (grounding evidence). */
  knowledge?: Pick<KnowledgeBase, 'get'>;
  /** Sends the approved reply (`after_review`), or the verdict after live deltas (`final` / `discard`). */
  stream?: ReplyStream;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

function emailsIn(values: readonly unknown[]): string[] {
  return [...new Set(values.flatMap((value) => JSON.stringify(value)?.match(EMAIL) ?? []))];
}

/**
 * Wraps `engine` so drafted replies (`resolved` / `needs_info`, non-empty, not a consultation) are
 * reviewed: `approve` → unchanged; `revise` with a revision the rules approve → the revision;
 * `revise` without one → unchanged (the driver's gate decides); `block` → `escalate` with trigger
 * `qa_blocked` and no reply, so the customer gets the bridge message instead.
 *
 * Evidence: the run's successful tool outputs, the cited articles' texts and the conversation.
 * The customer's own emails are the ones tool outputs returned (tools act on the verified customer only).
 * @returns an engine with the wrapped engine's id.
 */
export function createReviewedEngine(options: ReviewedEngineOptions): Engine {
  const { engine, reviewer, stream } = options;
  return {
    id: engine.id,
    async runAgent(input: AgentRunInput): Promise<AgentRunOutput> {
      const outputs: unknown[] = [];
      const tools: AgentToolbox = {
        available: input.tools.available,
        async call<Output = unknown>(toolName: string, args: unknown): Promise<ToolCallResult<Output>> {
          const result = await input.tools.call<Output>(toolName, args);
          if (result.ok) outputs.push(result.output);
          return result;
        },
      };
      const run = await engine.runAgent(withToolbox(input, tools));
      const { result } = run;
      const target = { conversationId: input.conversation.id, agentId: input.agent.id };
      const streaming = stream !== undefined && input.conversation.autonomy !== 'shadow' && input.reason !== 'delegate';
      if ((result.status !== 'resolved' && result.status !== 'needs_info') || result.reply.trim() === '' || input.reason === 'delegate') {
        if (streaming && stream.mode === 'live') stream.emit({ type: 'discard', ...target });
        return run;
      }
      const review = await reviewer.review(reviewInput({ input, run, outputs, knowledge: options.knowledge }), target);
      options.ledger?.recordReview({ ...target, review });
      switch (review.verdict) {
        case 'approve':
        case 'revise': {
          const reply = review.revisedReply ?? result.reply;
          const fixed = review.verdict === 'approve' || review.revisedReply !== undefined;
          if (streaming) stream.emit(fixed ? { type: 'final', ...target, text: reply } : { type: 'discard', ...target });
          return reply === result.reply ? run : { ...run, result: { ...result, reply } };
        }
        case 'block': {
          if (streaming) stream.emit({ type: 'discard', ...target });
          const codes = review.issues.map((issue) => issue.code).join(', ');
          const dialog = { ...run.dialog };
          delete dialog.activeIntent;
          delete dialog.awaiting;
          return { ...run, dialog, result: { ...result, reply: '', status: 'escalate', escalation: { trigger: 'qa_blocked', reason: `The quality check blocked the drafted reply (${codes})` } } };
        }
      }
    },
  };
}

function reviewInput(parts: { input: AgentRunInput; run: AgentRunOutput; outputs: readonly unknown[]; knowledge: Pick<KnowledgeBase, 'get'> | undefined }): QualityReviewInput {
  const { input, run, outputs } = parts;
  const knowledgeTexts = run.result.sources.flatMap((id) => {
    const article = parts.knowledge?.get(id);
    return article ? [`${article.title}\n${article.body}`] : [];
  });
  const claimed = input.conversation.claimedEmail;
  return {
    reply: run.result.reply,
    evidence: { toolOutputs: outputs, knowledgeTexts, conversationTexts: input.history.map((message) => message.text) },
    customerEmails: [...emailsIn(outputs), ...(claimed && input.conversation.identity ? [claimed] : [])],
    sentiment: { label: input.triage.sentiment.label, frustration: input.triage.sentiment.frustration },
    subtasks: [],
    answeredIntents: [],
    accountFlags: input.conversation.accountFlags,
  };
}
