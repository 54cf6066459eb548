/**
 * Operator decisions on approvals: a held write action runs (or not) and the customer hears the
 * outcome; a held shadow-mode reply is sent as drafted, as edited, or not at all.
 */
import type { Approval } from '../domain/approval.js';
import type { AgentEvent } from '../domain/events.js';
import type { Message } from '../domain/message.js';
import { NotFoundError, SwitchboardError } from '../errors.js';
import type { ApprovalQueue, Clock, ConversationStore, EventLog, IdGenerator, ToolGateway } from '../ports.js';
import type { ToolCallResult } from '../tools/tool.js';

/** Ports an approval decision needs. */
export interface ApprovalPorts {
  approvals: ApprovalQueue;
  conversations: ConversationStore;
  events: EventLog;
  tools: ToolGateway;
  clock: Clock;
  ids: IdGenerator;
}

/** What a decision did: the decided approval, the tool result (tool calls), the message sent to the customer. */
export interface ApprovalOutcome {
  approval: Approval;
  toolResult?: ToolCallResult;
  message?: Message;
}

/** "$612.40" from integer cents. */
function formatCents(amountCents: number): string {
  return `$${(amountCents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Named, versioned templates the desk says after an operator decision. */
export const APPROVAL_MESSAGES = Object.freeze({
  version: 1,
  approved: (approval: Approval) => `Good news: our team approved your request${approval.amountCents === undefined ? '' : ` (${formatCents(approval.amountCents)})`} and it has been completed.`,
  approvedButFailed: (message: string) => `Our team approved your request, but it could not be completed: ${message}. A member of our team will follow up.`,
  denied: (note: string | undefined) => `Our team reviewed your request and could not approve it${note ? `: ${note}` : ''}. Is there anything else I can help you with?`,
});

/**
 * Records an operator's decision and resumes the conversation:
 * - `tool_call` approved → the exact held call runs through the gateway (same idempotency key,
 *   so a repeat never acts twice) and the customer is told the result; denied → told it was not approved.
 * - `reply` approved → the draft (or `editedReply`) is sent; denied → nothing is sent.
 * Writes an `approval` audit event.
 * @throws NotFoundError `NOT_FOUND` for an unknown approval.
 * @throws SwitchboardError `CONFLICT` when it was already decided.
 */
export async function decideApproval(options: {
  ports: ApprovalPorts;
  approvalId: string;
  decision: { status: 'approved' | 'denied'; operatorId: string; note?: string; editedReply?: string };
}): Promise<ApprovalOutcome> {
  const { ports, approvalId, decision } = options;
  const existing = await ports.approvals.get(approvalId);
  if (!existing) throw new NotFoundError('NOT_FOUND', 'No such approval', { details: { approvalId } });
  const at = ports.clock.now().toISOString();
  const approval = await ports.approvals.decide({ id: approvalId, status: decision.status, decidedBy: decision.operatorId, at, ...(decision.note === undefined ? {} : { note: decision.note }) });
  if (!approval) throw new SwitchboardError('CONFLICT', 'This approval was already decided', { details: { approvalId, status: existing.status } });

  let toolResult: ToolCallResult | undefined;
  let text: string | undefined;
  if (approval.kind === 'tool_call') {
    if (approval.status === 'approved' && approval.toolName !== undefined) {
      toolResult = await ports.tools.call({
        toolName: approval.toolName,
        args: approval.args,
        context: {
          conversationId: approval.conversationId,
          turnId: ports.ids.next('turn'),
          agentId: approval.agentId,
          ...(approval.customerId === undefined ? {} : { customerId: approval.customerId }),
          idempotencyKey: approval.idempotencyKey ?? `approval:${approval.id}`,
          approvalId: approval.id,
        },
      });
      text = toolResult.ok ? APPROVAL_MESSAGES.approved(approval) : APPROVAL_MESSAGES.approvedButFailed(toolResult.error.message);
    } else {
      text = APPROVAL_MESSAGES.denied(decision.note);
    }
  } else if (approval.status === 'approved') {
    text = decision.editedReply?.trim() || approval.draftReply;
  }

  let message: Message | undefined;
  if (text !== undefined && text !== '') {
    message = { id: ports.ids.next('msg'), conversationId: approval.conversationId, role: 'agent', author: approval.agentId, text, createdAt: at };
    await ports.conversations.appendMessage(message);
  }
  const event: AgentEvent = {
    id: ports.ids.next('evt'),
    conversationId: approval.conversationId,
    traceId: ports.ids.next('trace'),
    turnId: ports.ids.next('op'),
    time: at,
    type: 'approval',
    agentId: decision.operatorId,
    data: { approvalId, kind: approval.kind, status: approval.status, ...(toolResult ? { toolOk: toolResult.ok, ...(toolResult.ok ? {} : { code: toolResult.error.code }) } : {}) },
  };
  await ports.events.append([event]);
  return { approval, ...(toolResult ? { toolResult } : {}), ...(message ? { message } : {}) };
}
