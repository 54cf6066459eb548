import type { AgentRunOutput } from '@switchboard/core';
import type { PlaybookRun } from '../context.js';
import { replies } from '../replies.js';

const AFFIRMATIVE = /^\s*(y|yes|yeah|yep|sure|ok(ay)?|please( do)?|yes,? please|go ahead|do it)\b/i;
const NEGATIVE = /^\s*(n|no|nope|nah|no,? thanks?|not now)\b/i;

/**
 * Answers an informational request from the knowledge base (the agent's collections). Below the
 * retrieval score threshold it says it does not know and offers a human — it never invents.
 */
export function knowledgeAnswerPlaybook(run: PlaybookRun): AgentRunOutput {
  const text = run.input.focusText ?? run.input.message.text;
  if (run.answering === 'human_offer') {
    if (AFFIRMATIVE.test(text)) return run.escalate({ trigger: 'knowledge_gap', reason: 'No knowledge-base answer; the customer accepted a human', reply: '' });
    if (NEGATIVE.test(text)) return run.resolve(replies.offerDeclined(), { confidence: 0.6 });
  }
  const hint = run.deps.knowledgeQueryHints[run.intent];
  const collections = run.input.agent.knowledge;
  const search = (query: string) => run.deps.knowledge.search(query, { ...(collections.length > 0 ? { collections } : {}), limit: 1 });
  const best = [...search(text), ...(hint ? search(`${hint} ${text}`) : [])].sort((a, b) => b.score - a.score)[0];
  if (!best || best.score < run.deps.minKnowledgeScore) return run.ask('human_offer', replies.dontKnow(), { failed: true });
  // The article's lead paragraph usually carries the direct answer; add it when the best-matching paragraph is another one.
  const lead = best.article.body.split(/\n\s*\n/)[0]?.trim() ?? '';
  const answer = lead === '' || best.passage.includes(lead) || lead.includes(best.passage) ? best.passage : `${lead}\n\n${best.passage}`;
  return run.resolve(replies.knowledgeAnswer(answer, best.article.title), { sources: [best.article.id], confidence: 0.8 });
}
