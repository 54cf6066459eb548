/**
 * Customer tools: identity lookups (`find_user_id_by_email`, `find_user_id_by_name_zip`) and the
 * verified customer's profile and orders (`get_user_details`, `get_order_details`).
 * @see ../../../../../shared/data/tau-bench-retail/tools.json (names and arguments)
 */
import { OrderSchema, ToolError, UserSchema, defineTool, type AnyToolDefinition, type CommerceStore } from '@switchboard/core';
import { z } from 'zod';
import { loadOwnOrder, requireCustomer } from './guards.js';
import { READ_SCOPES, READ_TIMEOUT_MS, READ_TOOL_NAMES } from './scopes.js';

/** Output of both identity lookups: the customer's id (`first_last_1234`). */
/** A user id, returned bare as τ-bench's `find_user_id_*` tools do. */
export const UserIdResultSchema = z.string();
export type UserIdResult = z.infer<typeof UserIdResultSchema>;

const notFoundCustomer = (): ToolError => new ToolError('NOT_FOUND', 'No customer matches these details');

/** The four customer tools, bound to `commerce`. */
export function createCustomerTools(commerce: CommerceStore): AnyToolDefinition[] {
  const findUserIdByEmail = defineTool({
    name: READ_TOOL_NAMES.findUserIdByEmail,
    description: "Find a customer's user id by email (case-insensitive), to verify their identity. Returns { user_id }.",
    kind: 'read',
    scopes: [READ_SCOPES.identityVerify],
    input: z.object({ email: z.string().trim().min(3).max(254).regex(/^[^@\s]+@[^@\s]+$/, 'must be an email address such as something@example.com') }),
    output: UserIdResultSchema,
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    async execute({ email }) {
      const userId = await commerce.findUserIdByEmail(email.toLowerCase());
      if (userId === undefined) throw notFoundCustomer();
      return userId;
    },
  });

  const findUserIdByNameZip = defineTool({
    name: READ_TOOL_NAMES.findUserIdByNameZip,
    description: "Find a customer's user id by first name, last name and 5-digit zip code, to verify their identity. Returns { user_id }.",
    kind: 'read',
    scopes: [READ_SCOPES.identityVerify],
    input: z.object({
      first_name: z.string().trim().min(1).max(100),
      last_name: z.string().trim().min(1).max(100),
      zip: z.string().trim().regex(/^\d{5}$/, 'must be a 5-digit zip code'),
    }),
    output: UserIdResultSchema,
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    async execute({ first_name: firstName, last_name: lastName, zip }) {
      const userId = await commerce.findUserIdByNameZip({ firstName, lastName, zip });
      if (userId === undefined) throw notFoundCustomer();
      return userId;
    },
  });

  const getUserDetails = defineTool({
    name: READ_TOOL_NAMES.getUserDetails,
    description: "Get the verified customer's profile: name, default address, email, payment methods (gift-card balances in dollars) and order ids.",
    kind: 'read',
    scopes: [READ_SCOPES.customersRead],
    input: z.object({ user_id: z.string().trim().min(1).max(128) }),
    output: UserSchema,
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    async execute({ user_id: userId }, context) {
      const customerId = requireCustomer(context);
      const user = userId === customerId ? await commerce.getUser(userId) : undefined;
      if (!user) throw new ToolError('NOT_FOUND', 'No customer with this id was found', { details: { userId } });
      return user;
    },
  });

  const getOrderDetails = defineTool({
    name: READ_TOOL_NAMES.getOrderDetails,
    description: "Get one of the verified customer's orders by id (such as '#W0000000'): status, items with prices in dollars, address, fulfillments with tracking ids, payment history.",
    kind: 'read',
    scopes: [READ_SCOPES.ordersRead],
    input: z.object({ order_id: z.string().trim().min(1).max(64) }),
    output: OrderSchema,
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    execute: ({ order_id: orderId }, context) => loadOwnOrder({ commerce, orderId, context }),
  });

  return [findUserIdByEmail, findUserIdByNameZip, getUserDetails, getOrderDetails];
}
