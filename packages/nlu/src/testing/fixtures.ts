/**
 * Small hand-written fixtures for the nlu unit tests (no dataset needed): a six-intent
 * training set, a three-product catalog and five knowledge-base articles.
 */
import type { KnowledgeArticle, Product } from '@switchboard/core';

/** Six intents × 12 utterances. */
export const INTENT_EXAMPLES: readonly { text: string; label: string }[] = [
  ...[
    'where is my order', 'track my order', 'when will my package arrive', 'has my order shipped yet',
    'I want to know the status of order #W2611340', 'my parcel has not arrived', 'can you tell me where my package is',
    'what is the delivery status of my purchase', 'order 1234567 still not delivered', 'how do I track my shipment',
    'is my order on its way', 'where is my stuff',
  ].map((text) => ({ text, label: 'track_order' })),
  ...[
    'cancel my order', 'I want to cancel order #W7654321', 'please cancel my purchase', 'I no longer want the order I placed',
    'how can I cancel an order', 'stop my order before it ships', 'cancel the order I made yesterday', 'I changed my mind, cancel it',
    'can I still cancel my purchase', 'I need to cancel order 2611340', 'cancel purchase 00123842', 'help me cancel my order',
  ].map((text) => ({ text, label: 'cancel_order' })),
  ...[
    'I want a refund', 'give me my money back', 'how do I get a refund', 'refund my payment please', 'I would like to be reimbursed',
    'I need my money returned', 'can I get reimbursed for this', 'request a refund for my purchase', 'I want my money back now',
    'get a refund of $12.50', 'please refund me', 'I deserve a refund',
  ].map((text) => ({ text, label: 'get_refund' })),
  ...[
    'change my shipping address', 'I moved, update my delivery address', 'ship it to a different address', 'wrong address on my order',
    'update the address for delivery', 'can I change where my package goes', 'edit my shipping address', 'new address for my order',
    'I need to correct my street address', 'please send it to my new home', 'modify delivery address', 'fix the address on the order',
  ].map((text) => ({ text, label: 'change_shipping_address' })),
  ...[
    'I forgot my password', 'reset my password', 'I cannot log in to my account', 'how do I recover my password', 'my password does not work',
    'locked out of my account', 'password reset link please', 'I can not sign in', 'help me get back into my account',
    'forgot password', 'login not working', 'change my password',
  ].map((text) => ({ text, label: 'recover_password' })),
  ...[
    'I want to talk to a person', 'connect me to a human agent', 'can I speak to a representative', 'let me talk to someone real',
    'I need a human', 'transfer me to customer service', 'get me a live agent', 'speak with an operator',
    'real person please', 'is there a human I can talk to', 'put me through to an agent', 'human agent now',
  ].map((text) => ({ text, label: 'contact_human_agent' })),
];

/** Intent → category for {@link INTENT_EXAMPLES}. */
export const INTENT_CATEGORY: Readonly<Record<string, string>> = {
  track_order: 'ORDER',
  cancel_order: 'ORDER',
  get_refund: 'REFUND',
  change_shipping_address: 'SHIPPING_ADDRESS',
  recover_password: 'ACCOUNT',
  contact_human_agent: 'CONTACT',
};

const variant = (item: string, options: Record<string, string>, price = 20) => ({ item_id: item, options, available: true, price });

/** Three products in the τ-bench retail shape (two kettles, so "kettle" alone is ambiguous). */
export const PRODUCTS: readonly Product[] = [
  {
    name: 'Water Bottle',
    product_id: 'p-bottle',
    variants: {
      '1001': variant('1001', { capacity: '750ml', material: 'plastic', color: 'red' }),
      '1002': variant('1002', { capacity: '1000ml', material: 'stainless steel', color: 'blue' }),
      '1003': variant('1003', { capacity: '500ml', material: 'glass', color: 'black' }),
    },
  },
  {
    name: 'Electric Kettle',
    product_id: 'p-electric-kettle',
    variants: {
      '2001': variant('2001', { capacity: '1L', material: 'glass', color: 'white' }),
      '2002': variant('2002', { capacity: '1.5L', material: 'stainless steel', color: 'silver' }),
    },
  },
  {
    name: 'Tea Kettle',
    product_id: 'p-tea-kettle',
    variants: { '3001': variant('3001', { material: 'ceramic', capacity: '2 liters', 'stovetop compatibility': 'gas' }) },
  },
  {
    name: 'Hiking Boots',
    product_id: 'p-boots',
    variants: {
      '4001': variant('4001', { size: '10', material: 'leather', waterproof: 'yes' }),
      '4002': variant('4002', { size: '11', material: 'synthetic', waterproof: 'no' }),
    },
  },
  {
    name: 'T-Shirt',
    product_id: 'p-tshirt',
    variants: { '5001': variant('5001', { color: 'blue', size: 'M', material: 'cotton', style: 'crew neck' }) },
  },
];

/** Five knowledge-base articles in different collections. */
export const ARTICLES: readonly KnowledgeArticle[] = [
  {
    id: 'returns-policy',
    title: 'Return policy',
    collection: 'returns',
    tags: ['return', 'exchange', 'refund'],
    body: 'Welcome to our returns guide.\n\nYou can return most items within 30 days of delivery for a full refund to the original payment method.\n\nItems must be unused and in their original packaging.',
  },
  {
    id: 'shipping-times',
    title: 'Shipping times and tracking',
    collection: 'shipping',
    tags: ['shipping', 'delivery', 'tracking'],
    body: 'Standard shipping takes 3 to 5 business days; express shipping takes 1 to 2 business days.\n\nYou get a tracking number by email once your order ships.',
  },
  {
    id: 'payment-methods',
    title: 'Payment methods',
    collection: 'billing',
    tags: ['payment', 'credit card', 'paypal', 'gift card'],
    body: 'We accept credit cards, PayPal and gift cards.\n\nGift card balances never expire.',
  },
  {
    id: 'password-reset',
    title: 'Reset your password',
    collection: 'account',
    tags: ['password', 'login', 'account'],
    body: 'Click "Forgot password" on the sign-in page and follow the link we email you.\n\nThe link expires after 24 hours.',
  },
  {
    id: 'cancel-order',
    title: 'Cancel an order',
    collection: 'orders',
    tags: ['cancel', 'order'],
    body: 'Pending orders can be cancelled from the order page. Orders that have shipped cannot be cancelled; return them instead.',
  },
];
