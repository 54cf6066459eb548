import { KnowledgeArticleSchema } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { STORE_POLICY } from '../policy.js';
import { KNOWLEDGE_ARTICLES, KNOWLEDGE_COLLECTIONS } from './index.js';

const text = (id: string): string => {
  const found = KNOWLEDGE_ARTICLES.find((article) => article.id === id);
  if (!found) throw new Error(`no article ${id}`);
  return found.body;
};

describe('KNOWLEDGE_ARTICLES', () => {
  it('has at least 25 schema-valid articles with unique kebab-case ids', () => {
    expect(KNOWLEDGE_ARTICLES.length).toBeGreaterThanOrEqual(25);
    for (const article of KNOWLEDGE_ARTICLES) {
      expect(KnowledgeArticleSchema.parse(article)).toEqual(article);
      expect(article.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(article.tags.length).toBeGreaterThan(0);
    }
    expect(new Set(KNOWLEDGE_ARTICLES.map((article) => article.id)).size).toBe(KNOWLEDGE_ARTICLES.length);
  });

  it('fills every collection, and uses no other', () => {
    for (const collection of KNOWLEDGE_COLLECTIONS) expect(KNOWLEDGE_ARTICLES.some((article) => article.collection === collection)).toBe(true);
    for (const article of KNOWLEDGE_ARTICLES) expect(KNOWLEDGE_COLLECTIONS).toContain(article.collection);
  });

  it('writes bodies as short paragraphs separated by blank lines, with no template leftovers', () => {
    for (const article of KNOWLEDGE_ARTICLES) {
      const paragraphs = article.body.split('\n\n');
      expect(paragraphs.length).toBeGreaterThanOrEqual(3);
      for (const paragraph of paragraphs) {
        expect(paragraph.trim()).toBe(paragraph);
        expect(paragraph.length).toBeGreaterThan(20);
        expect(paragraph.length).toBeLessThan(500);
      }
      expect(article.body).not.toMatch(/undefined|\$\{|\[object/);
    }
  });

  it('states one return window and one card refund time everywhere', () => {
    const bodies = KNOWLEDGE_ARTICLES.map((article) => article.body).join('\n');
    const windows = [...bodies.matchAll(/(\d+) days of delivery/g)].map((match) => Number(match[1]));
    expect(windows).toContain(STORE_POLICY.returnWindowDays);
    for (const days of windows) expect([STORE_POLICY.returnWindowDays, STORE_POLICY.reportProblemDays]).toContain(days);
    const refundTimes = [...bodies.matchAll(/(\d+[–-]\d+) business days/g)].map((match) => match[1]);
    expect(refundTimes).toContain('5–7');
    expect(bodies).not.toMatch(/\b5-7\b/);
  });

  it('keeps τ-bench rules: cancel only pending, return and exchange only delivered, same product type, refund to original method or gift card', () => {
    expect(text('cancel-order')).toMatch(/only while its status is "pending"/);
    expect(text('cancel-order')).toMatch(/no longer needed/);
    expect(text('cancel-order')).toMatch(/ordered by mistake/);
    expect(text('return-policy')).toMatch(/Only orders with the status "delivered"/);
    expect(text('return-policy')).toMatch(/original payment method.*gift card/s);
    expect(text('exchanges')).toMatch(/same product/);
    expect(text('change-order')).toMatch(/only once/);
    expect(text('refund-methods-and-timing')).toMatch(/gift card arrive immediately/);
    expect(text('cancellation-fees')).toMatch(/no cancellation fees/);
  });
});
