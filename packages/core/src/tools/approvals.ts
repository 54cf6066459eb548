import type { Approval } from '../domain/approval.js';
import type { ApprovalQueue, Clock, IdGenerator } from '../ports.js';
import { canonicalJson } from './canonical-json.js';
import type { AnyToolDefinition, ApprovalNeed, ToolCallResult, ToolContext } from './tool.js';

/** What the gateway needs to hold writes for an operator. */
export interface GatewayApprovals {
  queue: ApprovalQueue;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Decides whether a write may run now. In `assisted` mode every write needs an operator; otherwise
 * the tool's own approval rule decides (refund limits…). A call carrying `context.approvalId` runs
 * only if that approval is `approved` for this conversation, tool and exact arguments.
 * @returns `undefined` to run the tool, or the result the agent sees: `APPROVAL_REQUIRED` (with the
 *   new pending approval's id) or `APPROVAL_INVALID`.
 */
export async function checkApproval(options: { approvals: GatewayApprovals; tool: AnyToolDefinition; input: unknown; context: ToolContext }): Promise<ToolCallResult | undefined> {
  const { approvals, tool, input, context } = options;
  if (tool.kind !== 'write') return undefined;
  const need: ApprovalNeed | undefined =
    context.autonomy === 'assisted' ? { code: 'ASSISTED_MODE', reason: 'Assisted mode: an operator approves every write action' } : await tool.approval?.(input, context);
  if (need === undefined) return undefined;
  if (context.approvalId !== undefined) {
    const approval = await approvals.queue.get(context.approvalId);
    const matches = approval?.status === 'approved' && approval.conversationId === context.conversationId && approval.toolName === tool.name && canonicalJson(approval.args) === canonicalJson(input);
    return matches ? undefined : { ok: false, error: { code: 'APPROVAL_INVALID', message: 'This action has no matching approval' } };
  }
  const approval: Approval = {
    id: approvals.ids.next('apr'),
    conversationId: context.conversationId,
    kind: 'tool_call',
    status: 'pending',
    reason: `${need.code}: ${need.reason}`,
    agentId: context.agentId,
    ...(context.customerId === undefined ? {} : { customerId: context.customerId }),
    toolName: tool.name,
    args: input,
    idempotencyKey: context.idempotencyKey,
    ...(need.amountCents === undefined ? {} : { amountCents: need.amountCents }),
    createdAt: approvals.clock.now().toISOString(),
  };
  await approvals.queue.create(approval);
  return { ok: false, error: { code: 'APPROVAL_REQUIRED', message: need.reason, approvalId: approval.id } };
}
