/**
 * The HTTP protocol of `/v1` (`@switchboard/core/protocol`): request and response schemas (zod),
 * built from the domain schemas. The server validates with them and serves the OpenAPI document
 * generated from them at `/docs`; clients (the console) import them to type their calls.
 */
import { z } from 'zod';
import { ApprovalSchema } from '../domain/approval.js';
import { MessageSchema } from '../domain/message.js';
import { TicketSchema, TicketStatusSchema } from '../domain/ticket.js';
import { UrgencySchema } from '../domain/triage.js';
import { ERROR_CODES } from '../errors.js';

/** Every error response. */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
      isRetryable: z.boolean(),
      requestId: z.string().optional(),
      stack: z.string().optional(),
    }),
  })
  .meta({ id: 'Error', description: 'Error codes and their statuses: docs/errors.md' });

export const MessageViewSchema = MessageSchema.meta({ id: 'Message' });

export { ConversationViewSchema } from './conversation-view.js';
import { ConversationViewSchema } from './conversation-view.js';

export const CreateConversationBodySchema = z.object({
  /** The channel the customer writes from. @defaultValue 'web' */
  channel: z.string().trim().min(1).max(64).default('web'),
  /** With an operator key (a trusted backend), the customer is verified; otherwise the email is only a claim. */
  customer: z.object({ email: z.string().trim().min(3).max(254) }).optional(),
});

export const CreateConversationResponseSchema = z.object({
  conversation: ConversationViewSchema,
  /** Bearer token for this conversation only. Keep it: it is not shown again. */
  token: z.string(),
});

export const ConversationParamsSchema = z.object({ conversationId: z.string().min(1).max(128) });

export const PostMessageBodySchema = z.object({
  /** 1–4,000 characters after normalization (longer: `MESSAGE_TOO_LARGE`). */
  text: z.string().max(20_000),
});

export const PostMessageQuerySchema = z.object({
  /** Wait for the turn's replies (200) instead of returning at once (202). */
  wait: z.enum(['true', 'false', '1', '0']).optional(),
  /** Longest wait in milliseconds (capped by the server's `maxWaitMs`). @defaultValue 30000 */
  timeoutMs: z.coerce.number().int().min(0).max(120_000).optional(),
});

export const IdempotencyHeadersSchema = z.object({
  /** Retrying a request with the same key (and text) returns the first turn instead of creating another. 1–128 characters. */
  'idempotency-key': z.string().min(1).max(128).optional(),
});

export const TurnViewSchema = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    messageId: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    priority: UrgencySchema,
    outcome: z.string().optional(),
    errorCode: z.string().optional(),
    replies: z.array(MessageViewSchema),
    createdAt: z.string(),
    finishedAt: z.string().optional(),
  })
  .meta({ id: 'Turn' });

export const PostMessageResponseSchema = z.object({ turn: TurnViewSchema, message: MessageViewSchema });

export const TranscriptResponseSchema = z.object({ conversation: ConversationViewSchema, messages: z.array(MessageViewSchema) });

export const FeedbackBodySchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});
export const FeedbackResponseSchema = z.object({ conversationId: z.string(), rating: z.number().int(), comment: z.string().optional(), updatedAt: z.string() });

export const TurnParamsSchema = z.object({ turnId: z.string().min(1).max(128) });

export const TicketViewSchema = TicketSchema.meta({ id: 'Ticket' });
export const TicketListQuerySchema = z.object({
  status: TicketStatusSchema.optional(),
  queue: z.string().max(64).optional(),
  priority: UrgencySchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const TicketParamsSchema = z.object({ ticketId: z.string().min(1).max(128) });
export const TicketsResponseSchema = z.object({ tickets: z.array(TicketViewSchema) });
export const TicketResponseSchema = z.object({ ticket: TicketViewSchema });
export const OperatorReplyBodySchema = z.object({ text: z.string().trim().min(1).max(4000) });
export const ResolveBodySchema = z.object({ note: z.string().trim().max(2000).optional() });
export const ReturnToBotBodySchema = z.object({
  note: z.string().trim().min(1).max(2000),
  verifiedCustomerId: z.string().max(128).optional(),
  resumeIntent: z.object({ intent: z.string().max(128), agentId: z.string().max(128) }).optional(),
});

export const ApprovalViewSchema = ApprovalSchema.meta({ id: 'Approval' });
export const ApprovalListQuerySchema = z.object({ status: z.enum(['pending', 'approved', 'denied']).optional(), conversationId: z.string().max(128).optional() });
export const ApprovalParamsSchema = z.object({ approvalId: z.string().min(1).max(128) });
export const ApprovalsResponseSchema = z.object({ approvals: z.array(ApprovalViewSchema) });
export const DecisionBodySchema = z.object({
  status: z.enum(['approved', 'denied']),
  note: z.string().trim().max(2000).optional(),
  /** Shadow-mode replies: send this text instead of the draft. */
  editedReply: z.string().trim().max(4000).optional(),
});
export const DecisionResponseSchema = z.object({ approval: ApprovalViewSchema, message: MessageViewSchema.optional() });
export * from './console.js';
