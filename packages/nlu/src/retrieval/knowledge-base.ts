/**
 * Knowledge-base retrieval with minisearch (BM25 with title and tag boosts, prefix and fuzzy
 * matching), plus a bounded "do I know this?" score.
 */
import type { KnowledgeArticle, KnowledgeBase, KnowledgeHit } from '@switchboard/core';
import MiniSearch from 'minisearch';
import { LRUCache } from 'lru-cache';
import { bestPassage, indexParagraphs } from './passages.js';
import { contentTerms, correctTransposition, processTerm, splitTerms } from './terms.js';

/** Options of {@link createKnowledgeBase}. */
export interface KnowledgeBaseOptions {
  /** Scores below this mean "I don't know" (0–1). @defaultValue 0.5 */
  minScore?: number;
  /** Field boosts relative to the body. @defaultValue `{ title: 3, tags: 2 }` */
  boost?: { title?: number; tags?: number };
  /** Maximum edit distance as a share of the term length, for terms of 5+ letters (0 disables). @defaultValue 0.2 */
  fuzzy?: number;
  /**
   * Searches whose hits are remembered, keyed by the processed query terms, the collections and
   * the limit (least recently used evicted first; 0 disables). Each entry holds at most `limit`
   * hits that point at the articles, so the bound is on entries, not bytes.
   * @defaultValue 1000
   */
  cacheSize?: number;
}

/** Default {@link KnowledgeBaseOptions.minScore}. */
export const DEFAULT_MIN_SCORE = 0.5;

const DEFAULT_LIMIT = 3;
const DEFAULT_CACHE_SIZE = 1_000;
const MAX_QUERY_CHARS = 1_000;

interface IndexedArticle {
  id: string;
  title: string;
  tags: string;
  body: string;
  collection: string;
}

/**
 * Creates a knowledge base over `articles` implementing core's `KnowledgeBase` port.
 *
 * **Score scale.** `hit.score` is in (0, 1]: the share of the query's informative weight the
 * article matches — each distinct non-stopword query term weighs its BM25 IDF over the articles
 * (`ln(1 + (N − df + 0.5) / (df + 0.5))`, so terms the knowledge base never uses weigh the most),
 * and a term counts as matched when it matches the article exactly, by prefix or fuzzily (an
 * unknown term one swapped letter pair away from a known one is corrected first) — times
 * `sqrt(bm25 / best bm25)` so weaker hits rank lower. A hit at or above `minScore` (default 0.5:
 * the best article covers at least half of what the question is about) is something the desk
 * knows; below it, callers should say they don't know. "What is the capital of France?" scores
 * 0 against a store knowledge base, because none of its informative terms occur.
 *
 * `passage` is the article paragraph (paragraphs are separated by blank lines) that matches the
 * most query weight; the first paragraph when none matches.
 *
 * **Cost.** Articles are tokenized once, here; a search tokenizes the query, runs one MiniSearch
 * query and picks passages for the returned hits only. Hits are then cached (see
 * {@link KnowledgeBaseOptions.cacheSize}): the articles never change after creation, so a cached
 * answer is the answer. Each call returns fresh hit objects; the articles are shared, read-only.
 *
 * @param articles - Articles with unique ids; may be empty (every search then returns `[]`).
 *   Treated as immutable after the call.
 * @param options - See {@link KnowledgeBaseOptions}.
 * @returns The port plus `minScore`. `search` never throws; queries are read up to 1,000 characters.
 * @throws RangeError when `options.cacheSize` is negative or not an integer.
 * @see https://lucaong.github.io/minisearch/ (MiniSearch, BM25+)
 * @example
 * ```ts
 * const knowledge = createKnowledgeBase(articles);
 * const [best] = knowledge.search('how long do I have to return an item');
 * if (best && best.score >= knowledge.minScore) reply(best.passage);
 * ```
 */
export function createKnowledgeBase(articles: readonly KnowledgeArticle[], options: KnowledgeBaseOptions = {}): KnowledgeBase & { minScore: number } {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const fuzzy = options.fuzzy ?? 0.2;
  const index = new MiniSearch<IndexedArticle>({
    fields: ['title', 'tags', 'body'],
    storeFields: ['collection'],
    tokenize: splitTerms,
    processTerm,
    searchOptions: {
      boost: { title: options.boost?.title ?? 3, tags: options.boost?.tags ?? 2 },
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 5 && fuzzy > 0 ? fuzzy : false),
      combineWith: 'OR',
    },
  });
  index.addAll([...byId.values()].map((article) => ({ id: article.id, title: article.title, tags: article.tags.join(' '), body: article.body, collection: article.collection })));
  const documentFrequency = new Map<string, number>();
  for (const article of byId.values()) {
    for (const term of contentTerms(`${article.title} ${article.tags.join(' ')} ${article.body}`)) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const vocabulary: ReadonlySet<string> = new Set(documentFrequency.keys());
  const weightOf = (term: string): number => {
    const frequency = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (byId.size - frequency + 0.5) / (frequency + 0.5));
  };
  const articleParagraphs = new Map([...byId.values()].map((article) => [article.id, indexParagraphs(article.body)]));
  const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  if (!Number.isInteger(cacheSize) || cacheSize < 0) throw new RangeError(`cacheSize must be a whole number ≥ 0, got ${String(cacheSize)}`);
  const cache = cacheSize === 0 ? undefined : new LRUCache<string, readonly KnowledgeHit[]>({ max: cacheSize });
  const rank = (queryTerms: readonly string[], input: { collections: readonly string[] | undefined; limit: number }): KnowledgeHit[] => {
    const totalWeight = queryTerms.reduce((sum, term) => sum + weightOf(term), 0);
    if (queryTerms.length === 0 || totalWeight <= 0 || byId.size === 0) return [];
    const collections = input.collections === undefined ? undefined : new Set(input.collections);
    const results = index.search(queryTerms.join(' '), {
      filter: collections === undefined ? undefined : (result) => collections.has(String(result['collection'])),
    });
    const bestRaw = results[0]?.score ?? 0;
    const ranked = results.flatMap((result) => {
      const article = byId.get(String(result.id));
      if (article === undefined || bestRaw <= 0) return [];
      const matched = new Set(result.queryTerms);
      const coverage = queryTerms.filter((term) => matched.has(term)).reduce((sum, term) => sum + weightOf(term), 0) / totalWeight;
      const score = coverage * Math.sqrt(result.score / bestRaw);
      return score > 0 ? [{ article, score }] : [];
    });
    ranked.sort((left, right) => right.score - left.score);
    // Passages only for the hits returned: choosing one is the costly part of a hit.
    return ranked.slice(0, input.limit).map(({ article, score }) => ({
      article,
      score,
      passage: bestPassage({ paragraphs: articleParagraphs.get(article.id) ?? [], fallback: article.body.trim(), queryTerms, weightOf }),
    }));
  };
  return {
    minScore: options.minScore ?? DEFAULT_MIN_SCORE,
    get(id: string) {
      return byId.get(id);
    },
    search(query, searchOptions = {}): KnowledgeHit[] {
      const text = typeof query === 'string' ? query.slice(0, MAX_QUERY_CHARS) : '';
      const queryTerms = [...new Set(contentTerms(text).map((term) => correctTransposition(term, vocabulary)))];
      const limit = Math.max(0, searchOptions.limit ?? DEFAULT_LIMIT);
      const collections = searchOptions.collections;
      // Hits depend only on the processed query terms, the collections and the limit.
      const key = `${String(limit)}\u0000${collections === undefined ? '*' : JSON.stringify([...collections].sort())}\u0000${queryTerms.join(' ')}`;
      const hits = cache?.get(key) ?? rank(queryTerms, { collections, limit });
      cache?.set(key, hits);
      return hits.map((hit) => ({ ...hit }));
    },
  };
}
