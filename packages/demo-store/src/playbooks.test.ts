import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_ARTICLES } from './knowledge/index.js';
import { DEMO_PLAYBOOKS, INTENT_PLAYBOOKS, KNOWLEDGE_QUERY_HINTS } from './playbooks.js';
import { INTENTS } from './routing/intents.js';

/** Article each intent's hint must find. */
const EXPECTED_ARTICLE: Readonly<Record<keyof typeof INTENTS, string>> = {
  create_account: 'create-account',
  delete_account: 'delete-account-and-privacy',
  edit_account: 'edit-account',
  recover_password: 'password-reset',
  registration_problems: 'create-account',
  switch_account: 'switch-account',
  check_cancellation_fee: 'cancellation-fees',
  contact_customer_service: 'contact-and-hours',
  contact_human_agent: 'talk-to-a-human',
  delivery_options: 'delivery-options',
  delivery_period: 'delivery-times',
  complaint: 'feedback-and-complaints',
  review: 'feedback-and-complaints',
  check_invoice: 'invoices-and-receipts',
  get_invoice: 'invoices-and-receipts',
  newsletter_subscription: 'newsletter',
  cancel_order: 'cancel-order',
  change_order: 'change-order',
  place_order: 'place-an-order',
  track_order: 'order-status-and-tracking',
  check_payment_methods: 'payment-methods',
  payment_issue: 'failed-payments',
  check_refund_policy: 'return-policy',
  get_refund: 'start-a-return',
  track_refund: 'refund-status',
  change_shipping_address: 'shipping-addresses',
  set_up_shipping_address: 'shipping-addresses',
  exchange_item: 'exchanges',
  product_info: 'product-information',
  technical_issue: 'clear-cache',
};

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'to', 'how', 'my']);
const words = (text: string): string[] => text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 0 && !STOP_WORDS.has(word));

/** A deliberately naive retriever: query words found in the title and tags. */
function bestArticle(query: string): string | undefined {
  const scored = KNOWLEDGE_ARTICLES.map((article) => {
    const vocabulary = new Set(words(`${article.title} ${article.tags.join(' ')}`));
    return { id: article.id, score: words(query).filter((word) => vocabulary.has(word)).length };
  }).sort((left, right) => right.score - left.score);
  return scored[0] && scored[0].score > (scored[1]?.score ?? 0) ? scored[0].id : undefined;
}

describe('INTENT_PLAYBOOKS', () => {
  it('names a known playbook for every intent, and nothing else', () => {
    expect(Object.keys(INTENT_PLAYBOOKS).sort()).toEqual(Object.keys(INTENTS).sort());
    for (const playbook of Object.values(INTENT_PLAYBOOKS)) expect(DEMO_PLAYBOOKS).toContain(playbook);
  });

  it('runs write requests through their write playbooks, requests without a tool through write_request, lookups through theirs', () => {
    expect(INTENT_PLAYBOOKS).toMatchObject({
      track_order: 'order_status', delivery_period: 'order_status', check_invoice: 'invoices', get_invoice: 'invoices',
      track_refund: 'refund_status', product_info: 'product_info', contact_human_agent: 'human_handoff',
      cancel_order: 'cancel_order', change_order: 'change_order', change_shipping_address: 'order_address', set_up_shipping_address: 'user_address',
      get_refund: 'return_items', exchange_item: 'exchange_items', newsletter_subscription: 'newsletter', recover_password: 'password_reset',
      delete_account: 'write_request', complaint: 'write_request', place_order: 'write_request',
      check_refund_policy: 'knowledge_answer', check_payment_methods: 'knowledge_answer',
    });
  });
});

describe('KNOWLEDGE_QUERY_HINTS', () => {
  it('has a hint for every intent whose best article is the one that answers it', () => {
    expect(Object.keys(KNOWLEDGE_QUERY_HINTS).sort()).toEqual(Object.keys(INTENTS).sort());
    const misses = Object.entries(KNOWLEDGE_QUERY_HINTS)
      .map(([intent, query]) => ({ intent, expected: EXPECTED_ARTICLE[intent as keyof typeof INTENTS], found: bestArticle(query) }))
      .filter((row) => row.found !== row.expected);
    expect(misses).toEqual([]);
  });
});
