import { describe, expect, it } from 'vitest';
import { ARTICLES } from '../testing/fixtures.js';
import { createKnowledgeBase, DEFAULT_MIN_SCORE } from './knowledge-base.js';

const knowledge = createKnowledgeBase(ARTICLES);
const known = (query: string) => knowledge.search(query).filter((hit) => hit.score >= knowledge.minScore);

describe('createKnowledgeBase', () => {
  it('exposes the default minScore', () => {
    expect(knowledge.minScore).toBe(DEFAULT_MIN_SCORE);
    expect(createKnowledgeBase(ARTICLES, { minScore: 0.7 }).minScore).toBe(0.7);
  });

  it('hits the returns article above minScore, with the matching paragraph as passage', () => {
    const [best] = known('how long do I have to return an item');
    expect(best?.article.id).toBe('returns-policy');
    expect(best?.passage).toBe('You can return most items within 30 days of delivery for a full refund to the original payment method.');
  });

  it('returns nothing above minScore for an unrelated question', () => {
    expect(known('what is the capital of France')).toEqual([]);
    expect(known('I want to buy a car')).toEqual([]);
    expect(knowledge.search('')).toEqual([]);
    expect(knowledge.search('the and of what')).toEqual([]);
  });

  it('tolerates typos (fuzzy and swapped letters) and plural forms', () => {
    expect(known('how do I reset my pasword')[0]?.article.id).toBe('password-reset');
    expect(known('retrun policy')[0]?.article.id).toBe('returns-policy');
    expect(known('which payments methods do you accept')[0]?.article.id).toBe('payment-methods');
  });

  it('ranks by score in (0, 1], best first, and honours limit and collections', () => {
    const hits = knowledge.search('cancel my order and return it', { limit: 5 });
    expect(hits.length).toBeGreaterThan(1);
    expect(hits[0]?.article.id).toBe('cancel-order');
    for (const hit of hits) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
    expect(knowledge.search('cancel my order and return it', { limit: 1 })).toHaveLength(1);
    expect(knowledge.search('cancel my order and return it', { collections: ['returns'] }).map((hit) => hit.article.id)).toEqual(['returns-policy']);
  });

  it('boosts titles: a title match outranks a body mention', () => {
    expect(knowledge.search('tracking')[0]?.article.id).toBe('shipping-times');
  });

  it('works with an empty knowledge base and odd queries', () => {
    expect(createKnowledgeBase([]).search('refund')).toEqual([]);
    expect(knowledge.search('🙂'.repeat(10_000))).toEqual([]);
  });

  it('answers a repeated question the same way, cached or not, and callers cannot corrupt the cache', () => {
    const uncached = createKnowledgeBase(ARTICLES, { cacheSize: 0 });
    const queries = ['how long do I have to return an item', 'retrun policy', 'cancel my order and return it'];
    for (const query of queries) {
      const first = knowledge.search(query, { limit: 5 });
      first.forEach((hit) => Object.assign(hit, { score: -1, passage: 'tampered' }));
      first.length = 0;
      expect(knowledge.search(query, { limit: 5 })).toEqual(uncached.search(query, { limit: 5 }));
    }
    expect(knowledge.search('cancel my order and return it', { limit: 1 })).toHaveLength(1);
    expect(knowledge.search('cancel my order and return it', { collections: ['returns'] }).map((hit) => hit.article.id)).toEqual(['returns-policy']);
    expect(() => createKnowledgeBase(ARTICLES, { cacheSize: -1 })).toThrow(RangeError);
  });
});
