import { z } from 'zod';

/**
 * A request for an operator's decision. `tool_call`: a write action above a policy limit (or any
 * write in `assisted` mode) waits with its exact arguments; `reply`: in `shadow` mode every
 * drafted reply waits. `amountCents` is the money at stake, when known. Times are ISO 8601.
 */
export const ApprovalSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  kind: z.enum(['tool_call', 'reply']),
  status: z.enum(['pending', 'approved', 'denied']),
  /** Why approval is needed (`REFUND_ABOVE_LIMIT: refund of $612.40 exceeds the $500.00 limit`). */
  reason: z.string(),
  /** The agent that asked. */
  agentId: z.string(),
  customerId: z.string().optional(),
  toolName: z.string().optional(),
  args: z.unknown().optional(),
  idempotencyKey: z.string().optional(),
  amountCents: z.number().int().optional(),
  draftReply: z.string().optional(),
  createdAt: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
  note: z.string().optional(),
});
export type Approval = z.infer<typeof ApprovalSchema>;
