/**
 * Knowledge base, `general` collection: contact, human agents, products, ordering, feedback.
 */
import type { KnowledgeArticle } from '@switchboard/core';
import { STORE_POLICY as P } from '../policy.js';
import { article } from './article.js';

export const GENERAL_ARTICLES: readonly KnowledgeArticle[] = [
  article({
    id: 'contact-and-hours',
    title: 'Contacting customer service and opening hours',
    collection: 'general',
    tags: ['contact', 'customer service', 'opening hours', 'phone', 'email', 'support hours'],
    paragraphs: [
      'The chat is open 24 hours a day, 7 days a week, and can look up orders, refunds and invoices and answer questions about our policies.',
      `Human agents are available ${P.humanHours}, in the chat and by phone at ${P.supportPhone}.`,
      `You can also email ${P.supportEmail}; we answer within one business day. Please include your order id if your question is about an order, and never send passwords or full card numbers.`,
    ],
  }),
  article({
    id: 'talk-to-a-human',
    title: 'Talking to a human agent',
    collection: 'general',
    tags: ['human', 'real person', 'agent', 'representative', 'speak to someone', 'escalate'],
    paragraphs: [
      'Ask for a human in the chat at any time. We pass your conversation and what has been done so far to the agent, so you do not need to repeat yourself.',
      `Human agents work ${P.humanHours}. Outside those hours your request waits in the queue and an agent replies as soon as the team is back; urgent cases are answered first.`,
      'We also bring in a human agent ourselves for requests the chat cannot complete, such as damaged items, warranty claims and account deletion.',
    ],
  }),
  article({
    id: 'product-information',
    title: 'Product information and availability',
    collection: 'general',
    tags: ['product', 'availability', 'in stock', 'sold out', 'options', 'size', 'color', 'price'],
    paragraphs: [
      'Each product comes in several variants with different options, such as color, size, material or capacity. Every variant has its own price and availability.',
      'Ask us about a product by name and we can list its options, prices and which variants are available right now. The product page shows the same information.',
      'Sold-out variants cannot be ordered, and we do not take backorders or pre-orders. Availability changes as stock arrives, so check again later.',
    ],
  }),
  article({
    id: 'place-an-order',
    title: 'Placing an order',
    collection: 'general',
    tags: ['place order', 'buy', 'purchase', 'how to order', 'checkout'],
    paragraphs: [
      'Choose a product, pick its options, and add it to your cart. At checkout, confirm the shipping address, choose one saved payment method, and place the order.',
      'You receive a confirmation email with the order id, which starts with #W. The order is pending until it is processed, so you can still change or cancel it for a short while.',
      'Orders are placed on the website or in the app; the chat cannot place orders for you.',
    ],
  }),
  article({
    id: 'feedback-and-complaints',
    title: 'Feedback, reviews and complaints',
    collection: 'general',
    tags: ['complaint', 'feedback', 'review', 'unhappy', 'bad service', 'rate'],
    paragraphs: [
      'You can review a product from its page or from your order once it has been delivered. Reviews are published after a short moderation check.',
      'To make a complaint about our service or a product, tell us in the chat what happened and, if it concerns an order, the order id. A member of our team reviews every complaint and replies within two business days.',
      'General feedback about the website, the app or this chat is welcome at any time and goes straight to the teams that build them.',
    ],
  }),
];
