/**
 * The demo store's tools: read tools (`createReadTools`), write, utility and service tools
 * (`createWriteTools`), or all of them (`createDemoTools`).
 */
import type { AnyToolDefinition, Clock, CommerceStore, EmailOutbox, NewsletterSubscriptions } from '@switchboard/core';
import { createAccountTools } from './account.js';
import { createBillingTools } from './billing.js';
import { createItemChangeTools } from './item-changes.js';
import { createPendingOrderTools } from './pending-orders.js';
import { DEFAULT_REFUND_LIMIT_CENTS } from './refund-limit.js';
import { createReturnTools } from './returns.js';
import { createTechnicalTools, type ServiceStatusConfig } from './technical.js';
import { createUtilityTools } from './utility.js';
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

/** Options of {@link createWriteTools} and {@link createDemoTools}. */
export interface DemoToolsOptions {
  /** The store the tools read and change. */
  commerce: CommerceStore;
  /** Where `send_password_reset` queues its email (`database.outbox`). */
  outbox: EmailOutbox;
  /** Where `set_newsletter_subscription` stores the choice (`database.newsletter`). */
  newsletter: NewsletterSubscriptions;
  /** Times of queued emails and newsletter changes. */
  clock: Clock;
  /** What `get_service_status` reports. @defaultValue every component operational */
  serviceStatus?: ServiceStatusConfig;
  /**
   * Refund limit (desk policy), in cents: a return, or an item change refunding a price difference,
   * above it waits for a team member's approval (`APPROVAL_REQUIRED` when the gateway has an
   * approval queue). `null`: no limit (the τ-bench evaluation). @defaultValue 50000 ($500.00)
   */
  refundLimitCents?: number | null;
}

/**
 * Builds the fourteen write, utility and service tools, τ-bench names and arguments where τ-bench
 * has the tool:
 * - `orders:write` — `cancel_pending_order {order_id, reason}`, `modify_pending_order_address
 *   {order_id, address1, address2, city, state, country, zip}`, `modify_pending_order_items
 *   {order_id, item_ids, new_item_ids, payment_method_id}`, `modify_pending_order_payment
 *   {order_id, payment_method_id}`;
 * - `returns:write` — `return_delivered_order_items {order_id, item_ids, payment_method_id}`,
 *   `exchange_delivered_order_items {order_id, item_ids, new_item_ids, payment_method_id}`;
 * - `customers:write` — `modify_user_address {user_id, address…}`, `send_password_reset {email}`,
 *   `set_newsletter_subscription {subscribed}`;
 * - no scope — `calculate {expression}`, `think {thought}`; `escalation:request` —
 *   `transfer_to_human_agents {summary}`;
 * - `system:read` — `get_service_status {}`; `diagnostics:run` — `run_checkout_diagnostic {}`.
 *
 * Writes are `kind: 'write'`, idempotent (the gateway runs each idempotency key once), `timeoutMs`
 * 5000, and act only on `context.customerId`'s records: before verification they throw ToolError
 * `INVALID_INPUT`; another customer's order or user is `NOT_FOUND` ("order not found"), exactly like
 * a missing one. Business rules refuse with ToolError `POLICY_REFUSED` and `details.rule`
 * (`order_not_pending`, `order_not_delivered`, `insufficient_gift_card_balance`,
 * `item_unavailable`, `product_type_mismatch`, `refund_method_not_allowed`, `same_payment_method`,
 * `not_single_payment`); the message is τ-bench's error text without its `Error: ` prefix. τ's
 * order changes return the whole order after the change; money is dollars, rounded like τ.
 * Approval rule (desk policy): a return, or an item swap refunding a price difference, above
 * `refundLimitCents` (default $500) is held for a team member (`REFUND_ABOVE_LIMIT`).
 *
 * @see ../../../../../shared/data/tau-bench-retail/wiki.md (the policy these rules come from)
 * @example
 * ```ts
 * const tools = createDemoTools({ commerce: database.commerce, outbox: database.outbox, newsletter: database.newsletter, clock });
 * const gateway = createToolGateway({ tools, agents: desk.agents, toolCalls: database.toolCalls });
 * ```
 */
export function createWriteTools(options: DemoToolsOptions): AnyToolDefinition[] {
  const { commerce } = options;
  const limits = { refundLimitCents: options.refundLimitCents === undefined ? DEFAULT_REFUND_LIMIT_CENTS : options.refundLimitCents };
  return [
    ...createPendingOrderTools(commerce),
    ...createItemChangeTools(commerce, limits),
    ...createReturnTools(commerce, limits),
    ...createAccountTools(options),
    ...createUtilityTools(),
    ...createTechnicalTools({ commerce, ...(options.serviceStatus === undefined ? {} : { serviceStatus: options.serviceStatus }) }),
  ];
}

/** Every demo-store tool: the nine of {@link createReadTools}, then the fourteen of {@link createWriteTools}. */
export function createDemoTools(options: DemoToolsOptions): AnyToolDefinition[] {
  return [...createReadTools(options), ...createWriteTools(options)];
}

export { READ_SCOPES, READ_TOOL_NAMES, READ_TIMEOUT_MS, WRITE_SCOPES, WRITE_TOOL_NAMES, WRITE_TIMEOUT_MS } from './scopes.js';
export { CANCEL_REASONS } from './pending-orders.js';
export { DEFAULT_REFUND_LIMIT_CENTS, REFUND_ABOVE_LIMIT } from './refund-limit.js';
export { PasswordResetResultSchema, NewsletterResultSchema } from './account.js';
export { TRANSFER_SUCCESSFUL } from './utility.js';
export { calculate } from './calculator.js';
export { pythonRound2 } from './tau-rules.js';
export {
  SERVICE_COMPONENTS,
  ServiceStatusSchema,
  CheckoutDiagnosticSchema,
  buildServiceStatus,
  buildCheckoutDiagnostic,
  type ServiceComponent,
  type ServiceState,
  type ServiceStatus,
  type ServiceStatusConfig,
  type CheckoutDiagnostic,
} from './technical.js';
export { InvoiceSchema, InvoicesResultSchema, RefundStatusSchema, type Invoice, type RefundStatus } from './billing.js';
export { ProductMatchesSchema, MAX_PRODUCT_MATCHES, type ProductMatches } from './catalog.js';
export { UserIdResultSchema, type UserIdResult } from './customer.js';
