import { z } from 'zod';
import { EntitiesSchema } from './entities.js';

/**
 * HandoffPayload v1: everything the receiving agent needs so the customer never repeats
 * themselves. Built by the outgoing agent, validated by the orchestrator, persisted.
 * `createdAt` is ISO 8601. Versioned by `version`.
 */
export const HandoffPayloadV1Schema = z.object({
  version: z.literal(1),
  handoffId: z.string(),
  fromAgent: z.string(),
  toAgent: z.string(),
  createdAt: z.string(),
  customer: z.object({ customerId: z.string().optional(), verified: z.boolean() }),
  classification: z.object({ intent: z.string(), category: z.string(), urgency: z.string(), confidence: z.number() }),
  summary: z.string(),
  entities: EntitiesSchema,
  resolutionState: z.object({
    customerIntent: z.string(),
    identifiedIssues: z.array(z.string()),
    actionsCompleted: z.array(z.string()),
    pendingActions: z.array(z.string()),
  }),
  attemptedSolutions: z.array(z.string()),
  handoffReason: z.string(),
  suggestedAction: z.string().optional(),
  /** Conversation id and the id of the last message the outgoing agent saw. */
  history: z.object({ conversationId: z.string(), lastMessageId: z.string().optional() }),
});
export type HandoffPayloadV1 = z.infer<typeof HandoffPayloadV1Schema>;
