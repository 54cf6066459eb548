import { z } from 'zod';

/** Who wrote a message. `agent` is a bot agent, `operator` a human, `system` the desk itself. */
export const MessageRoleSchema = z.enum(['customer', 'agent', 'operator', 'system']);
export type MessageRole = z.infer<typeof MessageRoleSchema>;

/** One message of a conversation. `createdAt` is an ISO 8601 timestamp. */
export const MessageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  role: MessageRoleSchema,
  /** Agent id, operator id, or `customer`. */
  author: z.string(),
  text: z.string(),
  createdAt: z.string(),
  /** The turn that produced or consumed this message. */
  turnId: z.string().optional(),
});
export type Message = z.infer<typeof MessageSchema>;

/**
 * Limits on one inbound customer message.
 * @see DESIGN.md §1 step 1 (guard input)
 */
export const MESSAGE_LIMITS = Object.freeze({
  /** Maximum characters after normalization. 4,000 chars ≈ 1 page; longer is refused with `MESSAGE_TOO_LARGE`. */
  maxMessageChars: 4000,
});
