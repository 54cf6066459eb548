/**
 * Knowledge base, `returns` collection: returns, exchanges, damaged or missing items, warranty.
 */
import type { KnowledgeArticle } from '@switchboard/core';
import { STORE_POLICY as P } from '../policy.js';
import { article } from './article.js';

export const RETURNS_ARTICLES: readonly KnowledgeArticle[] = [
  article({
    id: 'return-policy',
    title: 'Return and refund policy',
    collection: 'returns',
    tags: ['return', 'refund', 'policy', 'return window', 'condition', 'delivered'],
    paragraphs: [
      `You can return items from a delivered order within ${P.returnWindowDays} days of delivery. Only orders with the status "delivered" can be returned: a pending order can be cancelled or changed instead, and a processed order is already on its way, so wait until it arrives and then return it.`,
      'Items should come back in the condition you received them, with all parts, accessories and manuals. Opened packaging is fine. Items that arrived damaged or faulty are always accepted; see "Damaged, wrong or missing items".',
      'You can return some or all of the items of an order. Put every item you want to return into one request: once a return or an exchange has been requested for an order, the order cannot be changed again.',
      'We refund the price of each returned item as shown on your order. Returns are free: there is no restocking fee and the return label is prepaid.',
      `The refund goes to the original payment method of the order, or to an existing gift card on your account if you prefer. Gift-card refunds arrive immediately; refunds to a credit card or PayPal take ${P.cardRefundBusinessDays} business days.`,
    ],
  }),
  article({
    id: 'start-a-return',
    title: 'How to start a return',
    collection: 'returns',
    tags: ['return', 'start return', 'return label', 'send back', 'how to return'],
    paragraphs: [
      'Start a return in the chat. We first confirm your identity with your email address, or your name and zip code.',
      'Then tell us the order id (it starts with #W, for example #W1234567), which items you want to return, and where the refund should go: the original payment method or an existing gift card. We list the details and ask you to confirm before anything changes.',
      `Once you confirm, the order status becomes "return requested" and we email you a prepaid return label with instructions. Please hand the package to the carrier within ${P.returnShipByDays} days.`,
      'Only the items you listed are returned; the rest of the order stays with you. You do not need to cancel anything else.',
    ],
  }),
  article({
    id: 'exchanges',
    title: 'Exchanging an item for another size, color or option',
    collection: 'returns',
    tags: ['exchange', 'swap', 'size', 'color', 'variant', 'price difference', 'delivered'],
    paragraphs: [
      `You can exchange items from a delivered order within ${P.returnWindowDays} days of delivery. Each item can be exchanged for an available variant of the same product, for example a T-Shirt in size M for the same T-Shirt in size L, or a blue Water Bottle for a green one.`,
      'Exchanges stay within the same product type: a shirt cannot become a pair of shoes. For a different product, return the item and place a new order.',
      'If the new variant costs more, we charge the difference; if it costs less, we refund it. You choose the payment method for the difference; a gift card must have enough balance to cover it.',
      'List every item you want to exchange at once: an order can have only one exchange request. After you confirm, the order status becomes "exchange requested" and we email you instructions for sending the original items back. You do not need to place a new order.',
      'Pending orders are not exchanged: change the item options of the order instead (see "Changing a pending order").',
    ],
  }),
  article({
    id: 'damaged-or-missing-items',
    title: 'Damaged, wrong or missing items',
    collection: 'returns',
    tags: ['damaged', 'broken', 'missing', 'wrong item', 'not received', 'lost package', 'defective'],
    paragraphs: [
      `Please report a damaged, faulty, wrong or missing item within ${P.reportProblemDays} days of delivery. Have your order id ready and, for damaged items, a photo of the item and the box.`,
      'If tracking says delivered but you cannot find the package, wait 48 hours (carriers sometimes mark packages early), and check with neighbors and your building reception.',
      'If the package is still missing, or an item arrived damaged or wrong, our support team opens a case with the carrier and sends a replacement or a refund to your original payment method. These cases are handled by a human agent; the chat transfers you with all the details so you do not have to repeat them.',
      'An order shipped in several packages has a tracking number per package, so one part may arrive before the other.',
    ],
  }),
  article({
    id: 'warranty',
    title: 'Warranty',
    collection: 'returns',
    tags: ['warranty', 'guarantee', 'defect', 'repair', 'faulty', 'stopped working'],
    paragraphs: [
      `Every product we sell is covered by our ${P.warrantyMonths}-month limited warranty against manufacturing defects, counted from the delivery date.`,
      'The warranty covers faults in materials and workmanship. It does not cover normal wear, accidental damage, misuse, or changes made by someone else.',
      `Within ${P.returnWindowDays} days of delivery, a faulty item can simply be returned or exchanged. After that, make a warranty claim: tell us the order id, the item, what is wrong, and send a photo or short video if you can.`,
      'Warranty claims are reviewed by our support team, who arrange a repair, a replacement, or a refund to the original payment method.',
    ],
  }),
];
