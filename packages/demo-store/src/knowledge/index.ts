/**
 * The demo store's knowledge base: 37 articles written for Switchboard, in six collections.
 */
import type { KnowledgeArticle } from '@switchboard/core';
import { ACCOUNT_ARTICLES } from './account.js';
import { BILLING_ARTICLES } from './billing.js';
import { GENERAL_ARTICLES } from './general.js';
import { RETURNS_ARTICLES } from './returns.js';
import { SHIPPING_ARTICLES } from './shipping.js';
import { TECHNICAL_ARTICLES } from './technical.js';

/** Knowledge-base collections of the demo desk. */
export const KNOWLEDGE_COLLECTIONS = ['returns', 'shipping', 'billing', 'account', 'technical', 'general'] as const;
export type KnowledgeCollection = (typeof KNOWLEDGE_COLLECTIONS)[number];

/**
 * Every article of the demo store's knowledge base, grouped by collection (`returns`,
 * `shipping`, `billing`, `account`, `technical`, `general`); ids are unique kebab-case strings.
 * Bodies are short plain-text paragraphs separated by blank lines. The policies they state
 * follow τ-bench retail's policy (pending orders: cancel or change; delivered orders: return or
 * exchange within the same product type; refunds to the original method or a gift card) and the
 * numbers in `STORE_POLICY`.
 * @see ../policy.ts
 * @see ../../../../../shared/data/tau-bench-retail/wiki.md
 */
export const KNOWLEDGE_ARTICLES: readonly KnowledgeArticle[] = Object.freeze([
  ...RETURNS_ARTICLES,
  ...BILLING_ARTICLES,
  ...SHIPPING_ARTICLES,
  ...ACCOUNT_ARTICLES,
  ...TECHNICAL_ARTICLES,
  ...GENERAL_ARTICLES,
]);
