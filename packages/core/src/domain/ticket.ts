import { z } from 'zod';
import { UrgencySchema } from './triage.js';

export const TicketStatusSchema = z.enum(['open', 'assigned', 'pending', 'resolved']);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/**
 * A human-queue item. `slaDueAt` is an ISO 8601 time by which a human must first respond.
 * `summary` is one paragraph an operator can act on without reading the transcript.
 */
/**
 * What a human receives with an escalation: the trigger and reason, a one-paragraph summary,
 * the actions already taken, the customer's sentiment, a recommended resolution path and the
 * account flags. Validated before the ticket is created.
 */
export const EscalationPacketSchema = z.object({
  trigger: z.string(),
  reason: z.string(),
  summary: z.string().min(1),
  actionsTaken: z.array(z.string()),
  customerSentiment: z.object({ label: z.enum(['negative', 'neutral', 'positive']), frustration: z.number().min(0).max(1) }),
  recommendedResolution: z.string().min(1),
  accountFlags: z.array(z.string()),
  handoffChain: z.array(z.string()),
});
export type EscalationPacket = z.infer<typeof EscalationPacketSchema>;

export const TicketSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  status: TicketStatusSchema,
  priority: UrgencySchema,
  queue: z.string(),
  trigger: z.string(),
  reason: z.string(),
  summary: z.string(),
  customerId: z.string().optional(),
  intent: z.string().optional(),
  assignee: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  slaDueAt: z.string(),
  packet: EscalationPacketSchema.optional(),
  /** Operator notes, oldest first. */
  notes: z.array(z.object({ author: z.string(), text: z.string(), at: z.string() })).default([]),
});
export type Ticket = z.infer<typeof TicketSchema>;

/**
 * Default SLA first-response targets per priority, in milliseconds.
 * Source: issue 5 defaults (urgent 1 h, high 4 h, normal 24 h, low 72 h).
 */
export const DEFAULT_SLA_MS: Readonly<Record<z.infer<typeof UrgencySchema>, number>> = Object.freeze({
  urgent: 60 * 60 * 1000,
  high: 4 * 60 * 60 * 1000,
  normal: 24 * 60 * 60 * 1000,
  low: 72 * 60 * 60 * 1000,
});
