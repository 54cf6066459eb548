/**
 * What happens to a reply before it reaches the customer: the QA gate (rules reviewer + output
 * guardrail) and, in shadow mode, holding it for an operator.
 */
import type { Approval } from '../domain/approval.js';
import { NONE_INTENT } from '../domain/triage.js';
import type { ApprovalQueue } from '../ports.js';
import { gateReply } from './quality-gate.js';
import type { NextStep } from './steps.js';
import type { TurnScope } from './turn-scope.js';
import type { TurnOutcome } from './turn-types.js';

type ReplyStep = Extract<NextStep, { type: 'reply' }>;

/** Outcomes whose text an agent wrote (the others are the desk's own templates). */
const AGENT_WRITTEN: ReadonlySet<ReplyStep['outcome']> = new Set(['resolved', 'needs_info']);

/**
 * Runs the QA gate on an agent-written reply: grounding in this turn's tool outputs, the cited
 * articles and the conversation; policy; tone; completeness; then the output guardrail. Audited
 * as `qa_review` (and `guardrail` when it masked or refused something).
 * @returns the step to send (possibly revised or sanitized), or the blocking codes.
 */
export async function gateOutgoing(scope: TurnScope, step: ReplyStep): Promise<{ step: ReplyStep } | { blocked: string[] }> {
  if (!AGENT_WRITTEN.has(step.outcome)) return { step };
  const { state, ports } = scope;
  const history = await scope.history();
  const sources = state.runs.flatMap((run) => run.result.sources);
  const knowledgeTexts = sources.map((id) => ports.knowledge?.get(id)).flatMap((article) => (article ? [`${article.title}\n${article.body}`] : []));
  const triage = state.triage;
  const resolvedAll = step.outcome === 'resolved' && (step.queued ?? []).length === 0;
  const subtasks = resolvedAll && triage ? triage.subtasks.filter((subtask) => subtask.intent !== NONE_INTENT).map((subtask) => ({ intent: subtask.intent, text: subtask.text })) : [];
  const answeredIntents = step.answeredIntents ?? (triage ? [triage.intent] : []);
  const gate = gateReply({
    draft: step.text,
    evidence: { toolOutputs: scope.toolOutputs, knowledgeTexts, conversationTexts: history.map((message) => message.text) },
    customerEmails: scope.conversation.entities.emails,
    sentiment: triage ? { label: triage.sentiment.label, frustration: triage.sentiment.frustration } : { label: 'neutral', frustration: 0 },
    subtasks: subtasks.length > 1 ? subtasks : [],
    answeredIntents,
    accountFlags: scope.conversation.accountFlags,
    deskContacts: scope.desk.contacts,
  });
  await scope.record('qa_review', { verdict: gate.review.verdict, action: gate.action, codes: gate.review.issues.map((issue) => issue.code), reviewer: gate.review.reviewer }, { agentId: step.author });
  if (gate.guardrail && gate.guardrail.action !== 'allow') await scope.record('guardrail', { stage: 'output', action: gate.guardrail.action, reasons: gate.guardrail.reasons }, { agentId: step.author });
  if (gate.action === 'block') return { blocked: gate.codes };
  return { step: { ...step, text: gate.text } };
}

/** Shadow mode: the drafted reply becomes a pending approval instead of a message. */
export async function holdReply(scope: TurnScope, input: { step: ReplyStep; approvals: ApprovalQueue; outcome: (outcome: TurnOutcome['outcome']) => TurnOutcome }): Promise<TurnOutcome> {
  const { step, approvals } = input;
  const conversation = scope.conversation;
  const approval: Approval = {
    id: scope.ports.ids.next('apr'),
    conversationId: conversation.id,
    kind: 'reply',
    status: 'pending',
    reason: 'SHADOW_MODE: an operator approves every reply',
    agentId: step.author,
    ...(conversation.identity ? { customerId: conversation.identity.customerId } : {}),
    draftReply: step.text,
    createdAt: scope.ports.clock.now().toISOString(),
  };
  await approvals.create(approval);
  conversation.status = step.status;
  conversation.updatedAt = approval.createdAt;
  scope.state.conversation = await scope.ports.conversations.save(conversation);
  await scope.record('approval', { kind: 'reply', approvalId: approval.id, status: 'pending', outcome: step.outcome }, { agentId: step.author });
  return { ...input.outcome('held'), approval };
}
