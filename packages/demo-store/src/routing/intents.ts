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
  create_account: { category: 'ACCOUNT', agentId: 'account', description: 'Open a new customer account or sign up (a sign-up that fails is registration_problems)' },
  delete_account: { category: 'ACCOUNT', agentId: 'account', description: 'Close, cancel or delete an account and its personal data' },
  edit_account: { category: 'ACCOUNT', agentId: 'account', description: 'Change account details: name, email address, phone, profile settings' },
  recover_password: { category: 'ACCOUNT', agentId: 'account', description: 'Forgotten or lost password, PIN or key: reset it and regain access' },
  registration_problems: { category: 'ACCOUNT', agentId: 'account', description: 'A sign-up or registration that fails or shows an error' },
  switch_account: { category: 'ACCOUNT', agentId: 'account', description: 'Use or move to another account, profile or account type (free, gold, business…)' },
  // CANCELLATION_FEE
  check_cancellation_fee: { category: 'CANCELLATION_FEE', agentId: 'billing', description: 'What cancelling costs: cancellation, early-termination or exit fees' },
  // CONTACT
  contact_customer_service: { category: 'CONTACT', agentId: 'faq', description: 'How to reach customer service: phone, email, chat, opening hours' },
  contact_human_agent: { category: 'CONTACT', agentId: 'escalation', description: 'Talk to a human agent now instead of the bot' },
  // DELIVERY
  delivery_options: { category: 'DELIVERY', agentId: 'orders', description: 'Shipping methods, costs, destinations and pickup' },
  delivery_period: { category: 'DELIVERY', agentId: 'orders', description: 'How long delivery takes, when an order will arrive, late deliveries' },
  // FEEDBACK
  complaint: { category: 'FEEDBACK', agentId: 'faq', description: 'File a complaint about service, staff or a product' },
  review: { category: 'FEEDBACK', agentId: 'faq', description: 'Leave a review, rating or feedback' },
  // INVOICE
  check_invoice: { category: 'INVOICE', agentId: 'billing', description: 'Find, look at or question an invoice or a charge on it' },
  get_invoice: { category: 'INVOICE', agentId: 'billing', description: 'Get a copy of an invoice or receipt (download, email, print)' },
  // NEWSLETTER
  newsletter_subscription: { category: 'NEWSLETTER', agentId: 'account', description: 'Subscribe to or unsubscribe from the newsletter and marketing emails' },
  // ORDER
  cancel_order: { category: 'ORDER', agentId: 'orders', description: 'Cancel an order' },
  change_order: { category: 'ORDER', agentId: 'orders', description: 'Change items, quantity, size, color or payment of an order not yet delivered' },
  place_order: { category: 'ORDER', agentId: 'orders', description: 'Buy something, place a new order' },
  track_order: { category: 'ORDER', agentId: 'orders', description: 'Status, tracking and whereabouts of an order' },
  // PAYMENT
  check_payment_methods: { category: 'PAYMENT', agentId: 'billing', description: 'Which payment methods are accepted (cards, PayPal, cash on delivery, instalments)' },
  payment_issue: { category: 'PAYMENT', agentId: 'billing', description: 'A payment failed, was declined, or was charged twice or wrongly' },
  // REFUND
  check_refund_policy: { category: 'REFUND', agentId: 'returns', description: 'Refund and return policy: cases, time limits, guarantees' },
  get_refund: { category: 'REFUND', agentId: 'returns', description: 'Ask for a refund or start a return' },
  track_refund: { category: 'REFUND', agentId: 'billing', description: 'Status of a refund already requested or of a return already sent' },
  // SHIPPING_ADDRESS
  change_shipping_address: { category: 'SHIPPING_ADDRESS', agentId: 'orders', description: 'Change or correct the delivery address of an order' },
  set_up_shipping_address: { category: 'SHIPPING_ADDRESS', agentId: 'account', description: 'Add, save or set a default shipping address, or one that is rejected as invalid' },
  // Ours
  exchange_item: { category: 'EXCHANGE', agentId: 'returns', description: 'Exchange a delivered item for another size, color or variant, or replace a faulty or wrong one' },
  product_info: { category: 'PRODUCT', agentId: 'faq', description: 'Product details, sizes, options, availability, price and warranty' },
  technical_issue: { category: 'TECHNICAL', agentId: 'technical', description: 'Website or app problems: errors, crashes, login or checkout pages that fail' },
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
