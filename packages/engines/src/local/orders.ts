import { OrderSchema, UserSchema, type AgentRunOutput, type Order, type User } from '@switchboard/core';
import type { PlaybookRun } from './context.js';
import { replies } from './replies.js';

/** Tool failures that mean the system is unhealthy, not that the order does not exist. */
const SYSTEM_FAILURES: ReadonlySet<string> = new Set(['TOOL_FAILED', 'TOOL_TIMEOUT', 'TOOL_CIRCUIT_OPEN', 'TOOL_INVALID_OUTPUT']);

/** Either the customer's order (τ shape), or the reply asking which one. */
export type OrderStep = { ok: true; order: Order; user: User } | { ok: false; output: AgentRunOutput };

/** Reads the verified customer's record. */
export async function loadUser(run: PlaybookRun, customerId: string): Promise<User | undefined> {
  const result = await run.tool<unknown>('get_user_details', { user_id: customerId });
  if (!result.ok) return undefined;
  const parsed = UserSchema.safeParse(result.output);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Resolves which of the customer's orders the request is about: an order id from this message,
 * one captured earlier in the conversation, or the only order on the account; otherwise asks,
 * listing the customer's own order ids. An id that is not the customer's answers "not found".
 */
export async function ensureOrder(run: PlaybookRun, customerId: string): Promise<OrderStep> {
  const user = await loadUser(run, customerId);
  if (!user) return { ok: false, output: run.escalate({ trigger: 'tool_failure', reason: 'Customer record unavailable', reply: replies.toolUnavailable(), priority: 'high' }) };
  const current = run.input.triage.entities.orderIds;
  const slot = typeof run.dialog.slots.orderId === 'string' ? [run.dialog.slots.orderId] : [];
  const earlier = [...run.input.conversation.entities.orderIds].reverse();
  const candidates = [...new Set([...current, ...slot, ...earlier])];

  const owned = candidates.find((orderId) => user.orders.includes(orderId));
  const orderId = owned ?? (candidates.length === 0 && user.orders.length === 1 ? user.orders[0] : undefined);
  if (orderId === undefined) {
    const named = current[0] ?? (run.answering === 'order_id' ? candidates[0] : undefined);
    if (named !== undefined) return { ok: false, output: run.ask('order_id', replies.orderNotFound(named, user.orders), { failed: true }) };
    return { ok: false, output: run.ask('order_id', replies.askOrder(user.orders)) };
  }
  const details = await run.tool<unknown>('get_order_details', { order_id: orderId });
  if (!details.ok && SYSTEM_FAILURES.has(details.code)) {
    const trigger = details.code === 'TOOL_CIRCUIT_OPEN' ? 'circuit_open' : 'tool_failure';
    return { ok: false, output: run.escalate({ trigger, reason: `Order lookup failed (${details.code})`, reply: replies.toolUnavailable(), priority: 'high' }) };
  }
  const parsed = details.ok ? OrderSchema.safeParse(details.output) : undefined;
  if (!parsed?.success) return { ok: false, output: run.ask('order_id', replies.orderNotFound(orderId, user.orders), { failed: true }) };
  run.dialog.slots.orderId = orderId;
  return { ok: true, order: parsed.data, user };
}

/** "Water Bottle (750ml, red)". */
export function describeItem(item: { name: string; options: Record<string, string> }): string {
  const options = Object.values(item.options);
  return options.length > 0 ? `${item.name} (${options.join(', ')})` : item.name;
}
