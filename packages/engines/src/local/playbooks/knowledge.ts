import type { AgentRunOutput } from '@switchboard/core';
import { z } from 'zod';
import type { PlaybookRun } from '../context.js';
import { replies } from '../replies.js';

const AFFIRMATIVE = /^\s*(y|yes|yeah|yep|sure|ok(ay)?|please( do)?|yes,? please|go ahead|do it)\b/i;
const NEGATIVE = /^\s*(n|no|nope|nah|no,? thanks?|not now)\b/i;

/**
 * Answers an informational request from the knowledge base (the agent's collections). Below the
 * retrieval score threshold it says it does not know and offers a human — it never invents.
 */
export async function knowledgeAnswerPlaybook(run: PlaybookRun): Promise<AgentRunOutput> {
  const text = run.input.focusText ?? run.input.message.text;
  if (run.answering === 'human_offer') {
    if (AFFIRMATIVE.test(text)) return run.escalate({ trigger: 'knowledge_gap', reason: 'No knowledge-base answer; the customer accepted a human', reply: '' });
    if (NEGATIVE.test(text)) return run.resolve(replies.offerDeclined(), { confidence: 0.9 });
  }
  const hint = run.deps.knowledgeQueryHints[run.intent];
  const collections = run.input.agent.knowledge;
  const search = (query: string) => run.deps.knowledge.search(query, { ...(collections.length > 0 ? { collections } : {}), limit: 1 });
  const best = [...search(text), ...(hint ? search(`${hint} ${text}`) : [])].sort((a, b) => b.score - a.score)[0];
  if (!best || best.score < run.deps.minKnowledgeScore) {
    const consulted = await consultDelegates(run, text);
    return consulted ?? run.ask('human_offer', replies.dontKnow(), { failed: true });
  }
  // The article's lead paragraph usually carries the direct answer; add it when the best-matching paragraph is another one.
  const lead = best.article.body.split(/\n\s*\n/)[0]?.trim() ?? '';
  const answer = lead === '' || best.passage.includes(lead) || lead.includes(best.passage) ? best.passage : `${lead}\n\n${best.passage}`;
  return run.resolve(replies.knowledgeAnswer(answer, best.article.title), { sources: [best.article.id], confidence: 0.8 });
}

const ConsultedAnswerSchema = z.object({ agentId: z.string(), status: z.string(), reply: z.string(), sources: z.array(z.string()) });

/**
 * Collaborative pattern: when the agent's own knowledge has no answer, it consults the agents it
 * may delegate to (`delegate_to_agent`) and, if one answers, replies with that answer as its own.
 */
async function consultDelegates(run: PlaybookRun, question: string): Promise<AgentRunOutput | undefined> {
  if (run.input.reason === 'delegate' || !run.input.tools.available.includes('delegate_to_agent')) return undefined;
  for (const agentId of run.input.agent.delegates ?? []) {
    const result = await run.tool<unknown>('delegate_to_agent', { agentId, question });
    const answer = result.ok ? ConsultedAnswerSchema.safeParse(result.output) : undefined;
    if (answer?.success && answer.data.status === 'resolved') return run.resolve(answer.data.reply, { sources: answer.data.sources, confidence: 0.8 });
  }
  return undefined;
}
