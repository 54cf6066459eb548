import { extractFacts } from '../../core/src/quality/facts.js';
import { reviewReply } from '../../core/src/quality/review.js';
const texts = [
 'Order #W3995394 is delivered.\nTracking number 123456789012: Patio Umbrella (6 ft, green, none).\nOrder total paid: $1,380.79.',
 'Refunds take 5–7 business days, and you can return within 30 days. A 12-month warranty. 60% battery, 10 hours. Call 1-800-555-0142 or email support@demo-store.example.',
 'Your ticket is T-66185D7C (priority normal). Expect a reply within 24 hours; by Friday, on May 12, 2026 or 2026-11-21 or 12 May. Card ending in 9212, **** 4444. order 12345 and order number AB-991. 1380.79 USD, 15%, USD 12',
 'Invoice for order #W1234567 (status: delivered):\n- Water Bottle (750ml, red): $12.50\nPayment of $12.50 (Mastercard credit card ending 9212)',
];
for (const t of texts) console.log(extractFacts(t).map(f => `${f.kind}:${f.text}=>${f.key}`).join(' | '));
const order = { order_id: '#W3995394', payment_history: [{ transaction_type: 'payment', amount: 1000.5 }, { transaction_type: 'payment', amount: 380.29 }, { transaction_type: 'refund', amount: 10 }], fulfillments: [{ tracking_id: ['123456789012'] }] };
const base = { evidence: { toolOutputs: [order], knowledgeTexts: [], conversationTexts: ['where is my order W3995394?'] }, customerEmails: ['a@example.com'], sentiment: { label: 'neutral' as const, frustration: 0 }, subtasks: [], answeredIntents: [] };
console.log(JSON.stringify(reviewReply({ ...base, reply: texts[0]! })));
console.log(JSON.stringify(reviewReply({ ...base, reply: texts[0]!.replace('1,380.79', '1,380.97') })));
console.log(JSON.stringify(reviewReply({ ...base, reply: texts[0]!.replace('W3995394', 'W3995395') })));
console.log(JSON.stringify(reviewReply({ ...base, sentiment: { label: 'negative', frustration: 0.8 }, reply: texts[0]!.replace('123456789012', '123456789013') })));
