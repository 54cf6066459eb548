/**
 * Knowledge base, `shipping` collection: orders and delivery — statuses, tracking, delivery
 * options and times, addresses, cancelling and changing pending orders.
 */
import type { KnowledgeArticle } from '@switchboard/core';
import { STORE_POLICY as P } from '../policy.js';
import { article } from './article.js';

export const SHIPPING_ARTICLES: readonly KnowledgeArticle[] = [
  article({
    id: 'order-status-and-tracking',
    title: 'Order status and tracking',
    collection: 'shipping',
    tags: ['track order', 'tracking number', 'order status', 'where is my order', 'pending', 'processed', 'delivered'],
    paragraphs: [
      'An order is "pending" after you place it, "processed" once it has been packed and handed to the carrier, and "delivered" when it arrives. Cancelled orders show "cancelled"; orders with a return or exchange show "return requested" or "exchange requested".',
      'A processed order has a tracking number for each package; large orders can ship in more than one package. Pending orders have no tracking number yet.',
      'Ask us in the chat with your order id and we will give you the status and tracking numbers once we have confirmed your identity. You can also see them in your account under Orders.',
      'New tracking numbers can take up to 24 hours to show updates on the carrier\u2019s website.',
    ],
  }),
  article({
    id: 'delivery-options',
    title: 'Delivery options and shipping costs',
    collection: 'shipping',
    tags: ['delivery options', 'shipping methods', 'shipping cost', 'free shipping', 'express', 'freight'],
    paragraphs: [
      `Standard delivery is free on every order. It takes ${P.standardTransitBusinessDays} business days once the order is processed.`,
      `Large items such as bookshelves, bicycles, grills and luggage sets may travel by freight carrier, which takes ${P.freightTransitBusinessDays} business days; the carrier may call to arrange a delivery time.`,
      'We do not offer express, same-day or scheduled delivery, or in-store pickup at the moment.',
      'We deliver to addresses in the United States only (see "International shipping").',
    ],
  }),
  article({
    id: 'gift-wrapping-and-gifts',
    title: 'Gift wrapping and sending a gift',
    collection: 'shipping',
    tags: ['gift wrapping', 'gift wrap', 'gift wrapped', 'gift message', 'gift note', 'gift bag', 'gift box', 'send as a gift', 'present'],
    paragraphs: [
      'We do not offer gift wrapping, gift boxes or printed gift messages at the moment, and we cannot add a note to a package: every order ships in our standard packaging.',
      'To send an order as a gift or a present, ship it straight to the recipient: enter their address as the shipping address at checkout. We email the receipt to you, not to the recipient.',
      'If you would rather let them choose, a gift card is another option (see "Gift cards and gift-card balance").',
    ],
  }),
  article({
    id: 'delivery-times',
    title: 'How long delivery takes',
    collection: 'shipping',
    tags: ['delivery time', 'how long', 'when will it arrive', 'arrival', 'delivery period', 'estimated delivery'],
    paragraphs: [
      `Orders are processed (packed and handed to the carrier) within ${P.processingBusinessDays} business days of being placed.`,
      `Standard delivery then takes ${P.standardTransitBusinessDays} business days within the contiguous United States, and ${P.remoteExtraBusinessDays} business days more to Alaska and Hawaii. Freight items take ${P.freightTransitBusinessDays} business days.`,
      'For the latest estimate of a specific order, ask us with the order id: once it is processed, its tracking numbers show where each package is.',
    ],
  }),
  article({
    id: 'shipping-addresses',
    title: 'Shipping addresses and changing them',
    collection: 'shipping',
    tags: ['shipping address', 'change address', 'wrong address', 'default address', 'delivery address'],
    paragraphs: [
      'The address of an order can be changed while the order is pending. Tell us the order id and the new address (street, apartment or suite, city, state, 5-digit zip code) and confirm the change.',
      'Once an order is processed it is with the carrier and its address can no longer be changed. If a package cannot be delivered, the carrier returns it to us and we refund the order to the original payment method.',
      'Your default shipping address is stored in your account and is used for new orders. You can change it in your account settings at any time, or ask us in the chat; it does not change orders you already placed.',
    ],
  }),
  article({
    id: 'international-shipping',
    title: 'International shipping',
    collection: 'shipping',
    tags: ['international', 'ship abroad', 'outside us', 'canada', 'overseas', 'customs'],
    paragraphs: [
      'We currently deliver only to addresses in the United States: the 50 states and the District of Columbia.',
      'Customers abroad can still order for delivery to a US address, and international credit cards and PayPal accounts are accepted.',
      'Because we do not ship abroad, there are no customs duties or import fees on our orders.',
    ],
  }),
  article({
    id: 'cancel-order',
    title: 'Cancelling an order',
    collection: 'shipping',
    tags: ['cancel order', 'cancellation', 'stop order', 'no longer needed', 'ordered by mistake'],
    paragraphs: [
      'An order can be cancelled only while its status is "pending". Processed orders are already with the carrier: wait for the delivery and return the items instead.',
      `To cancel, tell us the order id and the reason: "${P.cancelReasons[0]}" or "${P.cancelReasons[1]}". We confirm the details with you before cancelling. A pending order whose items were already changed cannot be cancelled.`,
      `Cancelling is free and the order is cancelled as a whole. The full total is refunded to the original payment method: immediately for a gift card, within ${P.cardRefundBusinessDays} business days for a credit card or PayPal.`,
    ],
  }),
  article({
    id: 'change-order',
    title: 'Changing a pending order',
    collection: 'shipping',
    tags: ['change order', 'modify order', 'edit order', 'change size', 'change color', 'change payment'],
    paragraphs: [
      'While an order is pending, you can change three things: its shipping address, its payment method, and the options of its items. Nothing else can be changed, and processed or delivered orders cannot be changed.',
      'Items can be switched to another available variant of the same product, for example another size or color. The product type stays the same. You pay or receive the price difference through a payment method you choose; a gift card must cover the difference.',
      'Item changes can be made only once per order, and afterwards the order can no longer be changed or cancelled. Tell us every item you want to change in one go.',
      `The payment method can be replaced by one other saved method; a gift card must cover the whole total. The first method is refunded immediately if it was a gift card, otherwise within ${P.cardRefundBusinessDays} business days.`,
    ],
  }),
];
