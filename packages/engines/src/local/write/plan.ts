/**
 * The write plan: what a write request has collected so far (order, items, payment method,
 * reason, address) and what the desk is waiting for. Kept in the dialogue slots (`slots.write`)
 * between turns, validated when read back.
 */
import { AddressSchema } from '@switchboard/core';
import { z } from 'zod';
import type { PlaybookRun } from '../context.js';

/** The write actions the local engine performs, one τ-bench write tool each. */
export const WRITE_KINDS = ['cancel', 'modify_items', 'exchange', 'return', 'modify_payment', 'order_address', 'user_address'] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/** The tool each kind runs. */
export const WRITE_TOOLS: Readonly<Record<WriteKind, string>> = {
  cancel: 'cancel_pending_order',
  modify_items: 'modify_pending_order_items',
  exchange: 'exchange_delivered_order_items',
  return: 'return_delivered_order_items',
  modify_payment: 'modify_pending_order_payment',
  order_address: 'modify_pending_order_address',
  user_address: 'modify_user_address',
};

/** The intent whose owning agent performs each kind (for a handoff when the current agent lacks the tool). */
export const WRITE_OWNER_INTENTS: Readonly<Record<WriteKind, string>> = {
  cancel: 'cancel_order',
  modify_items: 'change_order',
  exchange: 'exchange_item',
  return: 'get_refund',
  modify_payment: 'change_order',
  order_address: 'change_shipping_address',
  user_address: 'set_up_shipping_address',
};

const PlannedItemSchema = z.object({ itemId: z.string(), newItemId: z.string().optional() });

/** An item whose choice is still open: several order items fit, or the wanted variant is not settled. */
const PendingChoiceSchema = z.object({
  productId: z.string(),
  /** Order item ids that fit what was said (more than one: ask which). */
  itemIds: z.array(z.string()),
  /** Options said for the wanted item so far. */
  newOptions: z.record(z.string(), z.string()),
  same: z.boolean(),
});
export type PendingChoice = z.infer<typeof PendingChoiceSchema>;

export const WritePlanSchema = z.object({
  kind: z.enum(WRITE_KINDS),
  /** Id of the customer message that started the request. */
  since: z.string(),
  /** Customer messages already read into the plan. */
  parsed: z.array(z.string()).default([]),
  orderId: z.string().optional(),
  items: z.array(PlannedItemSchema).default([]),
  pending: PendingChoiceSchema.optional(),
  paymentMethodId: z.string().optional(),
  reason: z.enum(['no longer needed', 'ordered by mistake']).optional(),
  address: AddressSchema.optional(),
  /** The dialogue slot the last reply asked for (`identity`, `write:confirm`…); the plan is live while the conversation waits on it. */
  awaiting: z.string().optional(),
  /** Agent the plan was handed to because it holds the tool. */
  handedTo: z.string().optional(),
});
export type WritePlan = z.infer<typeof WritePlanSchema>;
export type PlannedItem = z.infer<typeof PlannedItemSchema>;

const SLOT = 'write';

/** The plan in the dialogue slots, if any (an unreadable one counts as none). */
export function readPlan(run: PlaybookRun): WritePlan | undefined {
  const parsed = WritePlanSchema.safeParse(run.dialog.slots[SLOT]);
  return parsed.success ? parsed.data : undefined;
}

/** Stores `plan` in the dialogue slots. */
export function savePlan(run: PlaybookRun, plan: WritePlan): void {
  run.dialog.slots[SLOT] = plan;
}

/** Drops the plan (the request is done, refused or called off). */
export function clearPlan(run: PlaybookRun): void {
  delete run.dialog.slots[SLOT];
}

/** A new plan of `kind` starting at the current message. */
export function newPlan(run: PlaybookRun, kind: WriteKind): WritePlan {
  return { kind, since: run.input.message.id, parsed: [], items: [] };
}

/** Whether the conversation is waiting on this plan's question (so the current message may answer it). */
export function isWaitingOn(run: PlaybookRun, plan: WritePlan): boolean {
  return plan.awaiting !== undefined && run.input.conversation.dialog.awaiting === plan.awaiting;
}
