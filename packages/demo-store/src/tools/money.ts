/**
 * Helpers for the billing tools: payment-method descriptions, refund timing and cents rounding.
 */
import type { PaymentMethod, User } from '@switchboard/core';

const BRAND_NAMES: Readonly<Record<string, string>> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' };

/**
 * A customer-facing description of a payment method: "Visa ending in 1234", "PayPal",
 * "Gift card". A method no longer on the profile is described from its id prefix.
 */
export function describePaymentMethod(user: User | undefined, paymentMethodId: string): string {
  const method: PaymentMethod | undefined = user && Object.hasOwn(user.payment_methods, paymentMethodId) ? user.payment_methods[paymentMethodId] : undefined;
  const source = method?.source ?? paymentMethodId.replace(/_\d+$/, '');
  switch (source) {
    case 'credit_card': {
      const brand = method?.brand ? (BRAND_NAMES[method.brand] ?? method.brand) : 'Credit card';
      return method?.last_four ? `${brand} ending in ${method.last_four}` : brand;
    }
    case 'paypal':
      return 'PayPal';
    case 'gift_card':
      return 'Gift card';
    default:
      return 'Payment method';
  }
}

/** When a refund to this method reaches the customer, per the store policy. */
export type RefundTiming = 'immediately' | 'within 5-7 business days';

/**
 * Refunds to a gift card arrive immediately; to a credit card or PayPal within 5–7 business days.
 * @see ../../../../../shared/data/tau-bench-retail/wiki.md (cancel / modify payment rules)
 */
export function refundTiming(paymentMethodId: string): RefundTiming {
  return paymentMethodId.startsWith('gift_card_') ? 'immediately' : 'within 5-7 business days';
}

/** Rounds dollars to cents. */
export function cents(dollars: number): number {
  return Math.round((dollars + Number.EPSILON) * 100) / 100;
}
