import { ACCOUNT_EXAMPLES } from './examples/account.js';
import { ACCOUNT_ACCESS_EXAMPLES } from './examples/account-access.js';
import { CANCELLATION_FEE_EXAMPLES } from './examples/cancellation-fee.js';
import { CONTACT_EXAMPLES } from './examples/contact.js';
import type { RoutingExample } from './examples/define.js';
import { DELIVERY_EXAMPLES } from './examples/delivery.js';
import { EXCHANGE_EXAMPLES } from './examples/exchange.js';
import { FEEDBACK_EXAMPLES } from './examples/feedback.js';
import { INVOICE_EXAMPLES } from './examples/invoice.js';
import { NEWSLETTER_EXAMPLES } from './examples/newsletter.js';
import { ORDER_EXAMPLES } from './examples/order.js';
import { PAYMENT_EXAMPLES } from './examples/payment.js';
import { PRODUCT_EXAMPLES } from './examples/product.js';
import { REFUND_EXAMPLES } from './examples/refund.js';
import { SHIPPING_ADDRESS_EXAMPLES } from './examples/shipping-address.js';
import { TECHNICAL_EXAMPLES } from './examples/technical.js';

export type { RoutingExample } from './examples/define.js';

/** Every routing example of the demo desk, category by category. */
export const ROUTING_EXAMPLES: readonly RoutingExample[] = Object.freeze([
  ...ACCOUNT_EXAMPLES,
  ...ACCOUNT_ACCESS_EXAMPLES,
  ...CANCELLATION_FEE_EXAMPLES,
  ...CONTACT_EXAMPLES,
  ...DELIVERY_EXAMPLES,
  ...FEEDBACK_EXAMPLES,
  ...INVOICE_EXAMPLES,
  ...NEWSLETTER_EXAMPLES,
  ...ORDER_EXAMPLES,
  ...PAYMENT_EXAMPLES,
  ...REFUND_EXAMPLES,
  ...SHIPPING_ADDRESS_EXAMPLES,
  ...EXCHANGE_EXAMPLES,
  ...PRODUCT_EXAMPLES,
  ...TECHNICAL_EXAMPLES,
]);
