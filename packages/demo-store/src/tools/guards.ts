/**
 * Identity binding shared by the read tools: a tool that reads a customer's records acts only
 * on `context.customerId`, and answers "not found" for anyone else's records.
 */
import { ToolError, type CommerceStore, type Order, type ToolContext, type User } from '@switchboard/core';

/**
 * The verified customer's id.
 * @throws ToolError `INVALID_INPUT` when no customer is verified yet.
 */
export function requireCustomer(context: ToolContext): string {
  if (context.customerId === undefined) {
    throw new ToolError('INVALID_INPUT', "The customer's identity must be verified first: look the customer up with find_user_id_by_email or find_user_id_by_name_zip", {
      details: { reason: 'identity_not_verified' },
    });
  }
  return context.customerId;
}

/** `#W1234567` from `#W1234567`, `W1234567` or `w1234567`; anything else unchanged (trimmed). */
export function normalizeOrderId(orderId: string): string {
  const trimmed = orderId.trim();
  return /^W\d+$/i.test(trimmed) ? `#W${trimmed.slice(1)}` : trimmed;
}

/** Options of {@link loadOwnOrder}. */
export interface LoadOwnOrderOptions {
  commerce: CommerceStore;
  orderId: string;
  context: ToolContext;
}

/**
 * The order `orderId` if it belongs to the verified customer.
 * @throws ToolError `INVALID_INPUT` when no customer is verified; `NOT_FOUND` when the order does
 *   not exist or belongs to someone else (the same answer, so existence is never revealed).
 */
export async function loadOwnOrder(options: LoadOwnOrderOptions): Promise<Order> {
  const customerId = requireCustomer(options.context);
  const orderId = normalizeOrderId(options.orderId);
  const order = await options.commerce.getOrder(orderId);
  if (!order || order.user_id !== customerId) {
    throw new ToolError('NOT_FOUND', "No order with this id was found on the customer's account", { details: { orderId } });
  }
  return order;
}

/**
 * The verified customer's own record.
 * @throws ToolError `INVALID_INPUT` when no customer is verified; `NOT_FOUND` when the record is missing.
 */
export async function loadOwnUser(commerce: CommerceStore, context: ToolContext): Promise<User> {
  const customerId = requireCustomer(context);
  const user = await commerce.getUser(customerId);
  if (!user) throw new ToolError('NOT_FOUND', 'No customer with this id was found', { details: { userId: customerId } });
  return user;
}
