/**
 * Scopes and names of the demo store's read tools. An agent may call a tool only when it lists
 * the tool's name and holds all of the tool's scopes (enforced by core's tool gateway).
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
