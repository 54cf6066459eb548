/**
 * Scopes and names of the demo store's tools. An agent may call a tool only when it lists the
 * tool's name and holds all of the tool's scopes (enforced by core's tool gateway).
 */

/** Scopes of the read tools. */
export const READ_SCOPES = Object.freeze({
  /** Look up a customer's id from what they tell us (email, or name + zip). */
  identityVerify: 'identity:verify',
  /** Read the verified customer's profile. */
  customersRead: 'customers:read',
  /** Read the verified customer's orders. */
  ordersRead: 'orders:read',
  /** Read the product catalog (not customer data). */
  catalogRead: 'catalog:read',
  /** Read invoices and refunds of the verified customer's orders. */
  billingRead: 'billing:read',
} as const);

/** Names of the read tools; τ-bench names where τ-bench has the tool. */
export const READ_TOOL_NAMES = Object.freeze({
  findUserIdByEmail: 'find_user_id_by_email',
  findUserIdByNameZip: 'find_user_id_by_name_zip',
  getUserDetails: 'get_user_details',
  getOrderDetails: 'get_order_details',
  getProductDetails: 'get_product_details',
  listAllProductTypes: 'list_all_product_types',
  findProductByName: 'find_product_by_name',
  getInvoices: 'get_invoices',
  getRefundStatus: 'get_refund_status',
} as const);

/** Upper bound on one read, in milliseconds. */
export const READ_TIMEOUT_MS = 2000;

/** Scopes of the write and service tools. */
export const WRITE_SCOPES = Object.freeze({
  /** Cancel or modify the verified customer's pending orders (address, items, payment). */
  ordersWrite: 'orders:write',
  /** Request a return or an exchange of the verified customer's delivered orders. */
  returnsWrite: 'returns:write',
  /** Change the verified customer's profile (default address, newsletter) and send a password reset. */
  customersWrite: 'customers:write',
  /** Hand the conversation to a human agent. */
  escalationRequest: 'escalation:request',
  /** Read the status of the store's services. */
  systemRead: 'system:read',
  /** Run the checkout diagnostic (reads the verified customer's profile when there is one). */
  diagnosticsRun: 'diagnostics:run',
} as const);

/** Names of the write, utility and service tools; τ-bench names where τ-bench has the tool. */
export const WRITE_TOOL_NAMES = Object.freeze({
  cancelPendingOrder: 'cancel_pending_order',
  modifyPendingOrderAddress: 'modify_pending_order_address',
  modifyPendingOrderItems: 'modify_pending_order_items',
  modifyPendingOrderPayment: 'modify_pending_order_payment',
  returnDeliveredOrderItems: 'return_delivered_order_items',
  exchangeDeliveredOrderItems: 'exchange_delivered_order_items',
  modifyUserAddress: 'modify_user_address',
  sendPasswordReset: 'send_password_reset',
  setNewsletterSubscription: 'set_newsletter_subscription',
  calculate: 'calculate',
  think: 'think',
  transferToHumanAgents: 'transfer_to_human_agents',
  getServiceStatus: 'get_service_status',
  runCheckoutDiagnostic: 'run_checkout_diagnostic',
} as const);

/** Upper bound on one write, in milliseconds (a read, a decision, one transaction). */
export const WRITE_TIMEOUT_MS = 5000;
