/**
 * The demo store's read-only tools.
 */
import type { AnyToolDefinition, CommerceStore } from '@switchboard/core';
import { createBillingTools } from './billing.js';
import { createCatalogTools } from './catalog.js';
import { createCustomerTools } from './customer.js';

/** Options of {@link createReadTools}. */
export interface ReadToolsOptions {
  /** The store the tools read (PGlite, PostgreSQL, or `createMemoryCommerceStore` in tests). */
  commerce: CommerceStore;
}

/**
 * Builds the nine read tools over `commerce`, τ-bench names and arguments where τ-bench has the
 * tool: `find_user_id_by_email {email}`, `find_user_id_by_name_zip {first_name, last_name, zip}`
 * (scope `identity:verify`), `get_user_details {user_id}` (`customers:read`),
 * `get_order_details {order_id}` (`orders:read`), `get_product_details {product_id}`,
 * `list_all_product_types {}`, `find_product_by_name {name}` (`catalog:read`),
 * `get_invoices {order_id?}`, `get_refund_status {order_id}` (`billing:read`).
 * All are `kind: 'read'`, idempotent, `timeoutMs` 2000. Register them with core's
 * `createToolGateway`, which checks scopes and schemas.
 *
 * Identity binding: tools reading a customer's records act only on `context.customerId`. With no
 * verified customer they throw ToolError `INVALID_INPUT`; another customer's user or order gets
 * ToolError `NOT_FOUND`, exactly like an id that does not exist. Unknown emails, name + zip
 * combinations and product ids are also `NOT_FOUND`.
 *
 * @returns the tools, in the order above.
 * @see ../../../../../shared/data/tau-bench-retail/tools.json
 * @example
 * ```ts
 * const gateway = createToolGateway({ tools: createReadTools({ commerce }), agents: desk.agents });
 * ```
 */
export function createReadTools(options: ReadToolsOptions): AnyToolDefinition[] {
  const { commerce } = options;
  return [...createCustomerTools(commerce), ...createCatalogTools(commerce), ...createBillingTools(commerce)];
}

export { READ_SCOPES, READ_TOOL_NAMES, READ_TIMEOUT_MS } from './scopes.js';
export { InvoiceSchema, InvoicesResultSchema, RefundStatusSchema, type Invoice, type RefundStatus } from './billing.js';
export { ProductMatchesSchema, MAX_PRODUCT_MATCHES, type ProductMatches } from './catalog.js';
export { UserIdResultSchema, type UserIdResult } from './customer.js';
