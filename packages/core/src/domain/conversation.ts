import { z } from 'zod';
import { EntitiesSchema } from './entities.js';
import { UrgencySchema } from './triage.js';

export const ConversationStatusSchema = z.enum(['open', 'waiting_customer', 'escalated', 'human', 'resolved', 'abandoned']);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

/** `shadow`: a human approves every reply; `assisted`: a human approves write actions; `auto`. */
export const AutonomyModeSchema = z.enum(['shadow', 'assisted', 'auto']);
export type AutonomyMode = z.infer<typeof AutonomyModeSchema>;

/**
 * The dialogue engine's working memory for a conversation, persisted between turns.
 * `slots` are values collected so far (for example `email`, `orderId`); `awaiting` names the
 * slot the last reply asked for, so the next message is read as its answer.
 */
export const DialogStateSchema = z.object({
  activeIntent: z.string().optional(),
  activeAgentId: z.string().optional(),
  awaiting: z.string().optional(),
  slots: z.record(z.string(), z.unknown()).default({}),
  /** Consecutive turns in which the desk failed to make progress (asked again, did not know). */
  failedAttempts: z.number().int().min(0).default(0),
  /** Sub-requests of an earlier multi-domain message still to handle, in order. */
  queued: z.array(z.object({ intent: z.string(), text: z.string() })).optional(),
});
export type DialogState = z.infer<typeof DialogStateSchema>;

/** The verified identity of the customer, once a lookup by email or name + zip succeeded. */
export const CustomerIdentitySchema = z.object({
  customerId: z.string(),
  verifiedBy: z.enum(['email', 'name_zip', 'channel', 'operator']),
});
export type CustomerIdentity = z.infer<typeof CustomerIdentitySchema>;

/** A conversation between one customer and the desk. Times are ISO 8601; `version` increments on every save. */
export const ConversationSchema = z.object({
  id: z.string(),
  channel: z.string(),
  status: ConversationStatusSchema,
  /** What the customer said about themselves on creation (for example an email from the widget). Unverified. */
  claimedEmail: z.string().optional(),
  identity: CustomerIdentitySchema.optional(),
  currentAgentId: z.string().optional(),
  /** Agent ids in the order they held the conversation in the current request. */
  handoffChain: z.array(z.string()).default([]),
  entities: EntitiesSchema,
  dialog: DialogStateSchema,
  priority: UrgencySchema.default('normal'),
  autonomy: AutonomyModeSchema.default('auto'),
  /** Account flags of the verified customer (`vip`, `at_risk`…), from the account directory. */
  accountFlags: z.array(z.string()).default([]),
  /** The last note an operator left when returning the conversation to the bot; engines must respect it. */
  operatorNote: z.string().optional(),
  /** Id of the open ticket while the conversation is escalated or held by a human. */
  ticketId: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().min(0),
});
export type Conversation = z.infer<typeof ConversationSchema>;
