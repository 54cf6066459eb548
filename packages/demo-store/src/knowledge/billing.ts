/**
 * Knowledge base, `billing` collection: refunds, payments, gift cards, invoices, fees, promo codes.
 */
import type { KnowledgeArticle } from '@switchboard/core';
import { STORE_POLICY as P } from '../policy.js';
import { article } from './article.js';

export const BILLING_ARTICLES: readonly KnowledgeArticle[] = [
  article({
    id: 'refund-methods-and-timing',
    title: 'How refunds are paid and how long they take',
    collection: 'billing',
    tags: ['refund', 'refund time', 'how long', 'money back', 'original payment method', 'gift card', 'credit card', 'paypal'],
    paragraphs: [
      'Refunds go back to the original payment method of the order. For returns and exchanges you can also choose an existing gift card on your account. We cannot refund to a different card, a bank account or in cash.',
      `Refunds to a gift card arrive immediately. Refunds to a credit card or PayPal take ${P.cardRefundBusinessDays} business days to appear, depending on your bank.`,
      'When you cancel a pending order, the whole order total is refunded right away. When you return items, the refund covers the price of the returned items and is issued once the items reach us.',
      'If you changed the payment method of a pending order, the first method is refunded in full and the new method is charged.',
    ],
  }),
  article({
    id: 'refund-status',
    title: 'Checking the status of a refund',
    collection: 'billing',
    tags: ['refund status', 'track refund', 'where is my refund', 'refund not received'],
    paragraphs: [
      'Ask us in the chat with your order id and we will check the refund for you after confirming your identity.',
      'A refund is "requested" while we wait for returned items to arrive, and "refunded" once we have issued it. We tell you the amount, the payment method it went to, and when it should arrive.',
      `Gift-card refunds show up immediately. Card and PayPal refunds take ${P.cardRefundBusinessDays} business days after they are issued; some banks show them as a pending credit first.`,
      `If a refund to your card has not appeared after ${P.cardRefundBusinessDays} business days, check with your bank with the refund date and amount, then contact us if it is still missing.`,
    ],
  }),
  article({
    id: 'payment-methods',
    title: 'Accepted payment methods',
    collection: 'billing',
    tags: ['payment methods', 'pay', 'credit card', 'visa', 'mastercard', 'american express', 'paypal', 'gift card'],
    paragraphs: [
      'We accept credit cards (Visa, Mastercard and American Express), PayPal, and our own gift cards.',
      'Each order is paid with a single payment method. If you pay with a gift card, its balance must cover the whole order total.',
      'You can save several payment methods on your account and pick one at checkout. We do not accept cash on delivery, bank transfers, checks or cryptocurrency.',
      'The payment method of a pending order can be changed to another saved method (see "Changing a pending order").',
    ],
  }),
  article({
    id: 'gift-cards',
    title: 'Gift cards and gift-card balance',
    collection: 'billing',
    tags: ['gift card', 'balance', 'gift card balance', 'store credit'],
    paragraphs: [
      'A gift card saved on your account can pay for an order when its balance covers the whole order total. Your balance appears in your account under Payment methods, or ask us in the chat.',
      'Gift cards do not expire and cannot be exchanged for cash.',
      'Refunds to a gift card arrive immediately, which makes it the fastest refund option for returns and exchanges.',
    ],
  }),
  article({
    id: 'failed-payments',
    title: 'Payment failed or was declined',
    collection: 'billing',
    tags: ['payment failed', 'declined', 'card declined', 'charged twice', 'payment issue', 'authorization'],
    paragraphs: [
      'When a payment fails, the order is not placed and you are not charged. Common causes are a mistyped card number, expiry date or security code, a billing address that does not match the card, an expired card, or a limit set by your bank.',
      'Check the details and try again, or choose another payment method. If the card keeps being declined, your bank can tell you why; we never see your full card number.',
      'Sometimes a bank shows a temporary authorization for a failed attempt. It is not a charge and disappears within 3–5 business days.',
      'If you see two charges for one order, or a charge for an order you did not place, contact us with the order id and we will look at the payment history with you.',
    ],
  }),
  article({
    id: 'invoices-and-receipts',
    title: 'Invoices and receipts',
    collection: 'billing',
    tags: ['invoice', 'receipt', 'bill', 'copy of invoice', 'proof of purchase'],
    paragraphs: [
      'Every order has an invoice, numbered after the order (invoice INV-W1234567 belongs to order #W1234567). We email a receipt when you place the order.',
      'The invoice lists each item with its options and price, the order total, the payment method (for cards, the brand and last four digits), every payment and refund on the order, and the shipping address.',
      'You can download an invoice from your account under Orders, or ask us in the chat for the invoice of one order or of all your orders once we have confirmed your identity.',
      'Shipping is free, so the total is the sum of the item prices shown on the order.',
    ],
  }),
  article({
    id: 'cancellation-fees',
    title: 'Are there fees for cancelling or returning?',
    collection: 'billing',
    tags: ['cancellation fee', 'fee', 'restocking fee', 'penalty', 'charge for cancelling'],
    paragraphs: [
      'There are no cancellation fees. A pending order can be cancelled free of charge and the whole total is refunded to the original payment method.',
      'Returns are free too: no restocking fee, and the return label is prepaid.',
      'Changing the items of a pending order or exchanging a delivered item has no fee, but if the new variant has a different price, you pay or receive the price difference.',
      'Processed orders cannot be cancelled; return them after delivery instead, also at no cost.',
    ],
  }),
  article({
    id: 'promo-codes',
    title: 'Promo codes and discounts',
    collection: 'billing',
    tags: ['promo code', 'discount', 'coupon', 'voucher', 'sale'],
    paragraphs: [
      'Enter a promo code at checkout, before you pay. One code can be used per order, and codes cannot be combined.',
      'A code cannot be added to an order after it has been placed. The discount is applied to the item prices, so the order and its invoice show the discounted prices.',
      'If a code does not work, check its expiry date, its minimum order amount and the products it applies to. Codes cannot be exchanged for cash or used to buy gift cards.',
    ],
  }),
  article({
    id: 'price-adjustments',
    title: 'Price drops and price adjustments',
    collection: 'billing',
    tags: ['price adjustment', 'price drop', 'price match', 'cheaper', 'lower price'],
    paragraphs: [
      'We do not adjust the price of an order after it has been placed, and we do not match other stores\u2019 prices.',
      'If the price of an item drops while your order is still pending, you can cancel the order free of charge and order again at the new price.',
      `For a delivered order you can return the item within ${P.returnWindowDays} days of delivery as usual.`,
    ],
  }),
];
