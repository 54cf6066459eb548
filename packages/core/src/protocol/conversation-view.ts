import { z } from 'zod';
import { ConversationStatusSchema } from '../domain/conversation.js';
import { UrgencySchema } from '../domain/triage.js';

/** A conversation as clients see it (no dialogue state, entities or identity). */
export const ConversationViewSchema = z
  .object({
    id: z.string(),
    status: ConversationStatusSchema,
    channel: z.string(),
    priority: UrgencySchema,
    currentAgentId: z.string().optional(),
    ticketId: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Conversation' });
