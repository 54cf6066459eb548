/**
 * The demo desk's intent set: the 27 Bitext customer-service intents in their 11 categories,
 * plus `exchange_item`, `product_info` and `technical_issue`, each with the agent that owns it.
 * @see ../shared/data/bitext-customer-support/SOURCE.md (label set)
 */

/** Specialist agent ids of the demo desk. */
export type DemoAgentId = 'billing' | 'orders' | 'returns' | 'account' | 'technical' | 'faq' | 'escalation';

/** One intent: its category (Bitext's upper-case names; ours for the three additions), owner and description. */
export interface IntentDefinition {
  category: string;
  agentId: DemoAgentId;
  description: string;
}

export const INTENTS = {
  // ACCOUNT
  create_account: { category: 'ACCOUNT', agentId: 'account', description: 'Open a new customer account' },
  delete_account: { category: 'ACCOUNT', agentId: 'account', description: 'Close or delete an account and its data' },
  edit_account: { category: 'ACCOUNT', agentId: 'account', description: 'Change account details (name, email, phone)' },
  recover_password: { category: 'ACCOUNT', agentId: 'account', description: 'Reset a forgotten password or regain access' },
  registration_problems: { category: 'ACCOUNT', agentId: 'account', description: 'Problems signing up' },
  switch_account: { category: 'ACCOUNT', agentId: 'account', description: 'Switch between accounts or account types' },
  // CANCELLATION_FEE
  check_cancellation_fee: { category: 'CANCELLATION_FEE', agentId: 'billing', description: 'Ask about fees for cancelling' },
  // CONTACT
  contact_customer_service: { category: 'CONTACT', agentId: 'faq', description: 'How to reach customer service, hours, channels' },
  contact_human_agent: { category: 'CONTACT', agentId: 'escalation', description: 'Talk to a human agent' },
  // DELIVERY
  delivery_options: { category: 'DELIVERY', agentId: 'orders', description: 'Shipping methods and their options' },
  delivery_period: { category: 'DELIVERY', agentId: 'orders', description: 'How long delivery takes, when an order arrives' },
  // FEEDBACK
  complaint: { category: 'FEEDBACK', agentId: 'faq', description: 'File a complaint about service or a product' },
  review: { category: 'FEEDBACK', agentId: 'faq', description: 'Leave a review or feedback' },
  // INVOICE
  check_invoice: { category: 'INVOICE', agentId: 'billing', description: 'Look at an invoice or a charge on it' },
  get_invoice: { category: 'INVOICE', agentId: 'billing', description: 'Get a copy of an invoice or receipt' },
  // NEWSLETTER
  newsletter_subscription: { category: 'NEWSLETTER', agentId: 'account', description: 'Subscribe to or unsubscribe from the newsletter' },
  // ORDER
  cancel_order: { category: 'ORDER', agentId: 'orders', description: 'Cancel an order' },
  change_order: { category: 'ORDER', agentId: 'orders', description: 'Change items, size, color or payment of an order' },
  place_order: { category: 'ORDER', agentId: 'orders', description: 'Buy something, place a new order' },
  track_order: { category: 'ORDER', agentId: 'orders', description: 'Order status and tracking' },
  // PAYMENT
  check_payment_methods: { category: 'PAYMENT', agentId: 'billing', description: 'Which payment methods are accepted' },
  payment_issue: { category: 'PAYMENT', agentId: 'billing', description: 'A payment failed, was declined or charged wrongly' },
  // REFUND
  check_refund_policy: { category: 'REFUND', agentId: 'returns', description: 'Refund and return policy questions' },
  get_refund: { category: 'REFUND', agentId: 'returns', description: 'Ask for a refund or a return' },
  track_refund: { category: 'REFUND', agentId: 'billing', description: 'Status of a refund already requested' },
  // SHIPPING_ADDRESS
  change_shipping_address: { category: 'SHIPPING_ADDRESS', agentId: 'orders', description: 'Change the delivery address of an order' },
  set_up_shipping_address: { category: 'SHIPPING_ADDRESS', agentId: 'account', description: 'Add or set a default shipping address' },
  // Ours
  exchange_item: { category: 'EXCHANGE', agentId: 'returns', description: 'Exchange a delivered item for another size, color or variant' },
  product_info: { category: 'PRODUCT', agentId: 'faq', description: 'Product details, options, availability and price' },
  technical_issue: { category: 'TECHNICAL', agentId: 'technical', description: 'Website or app problems: errors, login, checkout failures' },
} as const satisfies Record<string, IntentDefinition>;

/** Intent names of the demo desk. */
export type DemoIntent = keyof typeof INTENTS;

/** Intent → category, for triage and routing evaluation. */
export const INTENT_CATEGORY: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.entries(INTENTS).map(([intent, definition]) => [intent, definition.category])),
);

/** Intent → owning agent id. */
export const INTENT_AGENT: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.entries(INTENTS).map(([intent, definition]) => [intent, definition.agentId])),
);
