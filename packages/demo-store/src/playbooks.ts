/**
 * Which local-engine playbook runs each intent of the demo desk, and which knowledge-base query
 * answers it. The playbooks themselves live in `@switchboard/engines` (local/); this file only
 * names them.
 */
import type { DemoIntent } from './routing/intents.js';

/**
 * Playbooks of the local engine the demo desk uses:
 * - `order_status`: verify identity, read the order, answer with status, tracking and delivery.
 * - `invoices`: verify identity, read invoices (one order or all).
 * - `refund_status`: verify identity, read the refund status of an order.
 * - `product_info`: find the product by name, answer with options, prices and availability.
 * - `human_handoff`: hand the conversation to a human queue.
 * - `cancel_order`, `change_order` (items, payment method or address of a pending order; items of a
 *   delivered one become an exchange), `order_address`, `user_address`, `return_items`,
 *   `exchange_items`: write requests — verify identity, find the order, collect items (by name and
 *   options), payment method, reason or address, check the rules with the read tools, state the
 *   exact action and run the write tool only after an explicit "yes".
 * - `newsletter`, `password_reset`: subscribe / unsubscribe, send a reset link (verified customer).
 * - `write_request`: a request with no tool (delete or edit an account, place an order, switch
 *   accounts, complaints): say so and hand it to the human queue.
 * - `knowledge_answer`: answer from the knowledge base (policies, options, contact, help).
 */
export const DEMO_PLAYBOOKS = [
  'order_status', 'invoices', 'refund_status', 'product_info', 'human_handoff', 'write_request', 'knowledge_answer',
  'cancel_order', 'change_order', 'order_address', 'user_address', 'return_items', 'exchange_items', 'newsletter', 'password_reset',
] as const;
export type DemoPlaybook = (typeof DEMO_PLAYBOOKS)[number];

/**
 * Intent → playbook name, one per intent of `INTENTS`. `delivery_period` runs `order_status`:
 * with an order id it answers for that order; without one the playbook should answer from the
 * knowledge base with the intent's {@link KNOWLEDGE_QUERY_HINTS} entry (delivery times).
 */
export const INTENT_PLAYBOOKS: Readonly<Record<string, string>> = Object.freeze({
  track_order: 'order_status',
  delivery_period: 'order_status',
  check_invoice: 'invoices',
  get_invoice: 'invoices',
  track_refund: 'refund_status',
  product_info: 'product_info',
  contact_human_agent: 'human_handoff',
  cancel_order: 'cancel_order',
  change_order: 'change_order',
  change_shipping_address: 'order_address',
  get_refund: 'return_items',
  exchange_item: 'exchange_items',
  delete_account: 'write_request',
  edit_account: 'write_request',
  set_up_shipping_address: 'user_address',
  newsletter_subscription: 'newsletter',
  place_order: 'write_request',
  switch_account: 'write_request',
  complaint: 'write_request',
  create_account: 'knowledge_answer',
  recover_password: 'password_reset',
  registration_problems: 'knowledge_answer',
  check_cancellation_fee: 'knowledge_answer',
  contact_customer_service: 'knowledge_answer',
  delivery_options: 'knowledge_answer',
  review: 'knowledge_answer',
  check_payment_methods: 'knowledge_answer',
  payment_issue: 'knowledge_answer',
  check_refund_policy: 'knowledge_answer',
  technical_issue: 'knowledge_answer',
} satisfies Record<DemoIntent, DemoPlaybook>);

/**
 * Intent → a short knowledge-base query whose best hit is the article that answers the intent
 * (for `knowledge_answer`, and for the policy line other playbooks add, such as the cancellation
 * rules in a `write_request` reply). One per intent of `INTENTS`.
 */
export const KNOWLEDGE_QUERY_HINTS: Readonly<Record<string, string>> = Object.freeze({
  create_account: 'create an account sign up',
  delete_account: 'delete account personal data privacy',
  edit_account: 'edit account details',
  recover_password: 'reset forgotten password',
  registration_problems: 'create account registration sign up',
  switch_account: 'switch account multiple accounts',
  check_cancellation_fee: 'cancellation fee',
  contact_customer_service: 'contact customer service opening hours',
  contact_human_agent: 'talk to a human agent',
  delivery_options: 'delivery options shipping cost',
  delivery_period: 'how long delivery takes delivery time',
  complaint: 'complaint feedback',
  review: 'review feedback',
  check_invoice: 'invoice receipt',
  get_invoice: 'copy of invoice receipt',
  newsletter_subscription: 'newsletter subscribe unsubscribe',
  cancel_order: 'cancel order',
  change_order: 'change pending order',
  place_order: 'place an order buy purchase',
  track_order: 'order status tracking number',
  check_payment_methods: 'accepted payment methods',
  payment_issue: 'payment failed declined',
  check_refund_policy: 'return and refund policy',
  get_refund: 'start a return',
  track_refund: 'refund status',
  change_shipping_address: 'change shipping address',
  set_up_shipping_address: 'default shipping address',
  exchange_item: 'exchange item size color',
  product_info: 'product information availability',
  technical_issue: 'website not working browser cache',
} satisfies Record<DemoIntent, string>);
