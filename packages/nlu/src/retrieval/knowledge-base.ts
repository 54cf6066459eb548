/**
 * Knowledge-base retrieval with minisearch (BM25 with title and tag boosts, prefix and fuzzy
 * matching), plus a bounded "do I know this?" score.
 */
import type { KnowledgeArticle, KnowledgeBase, KnowledgeHit } from '@switchboard/core';
import MiniSearch from 'minisearch';
import { contentTerms, correctTransposition, processTerm, splitTerms } from './terms.js';

/** Options of {@link createKnowledgeBase}. */
export interface KnowledgeBaseOptions {
  /** Scores below this mean "I don't know" (0–1). @defaultValue 0.5 */
  minScore?: number;
  /** Field boosts relative to the body. @defaultValue `{ title: 3, tags: 2 }` */
  boost?: { title?: number; tags?: number };
  /** Maximum edit distance as a share of the term length, for terms of 5+ letters (0 disables). @defaultValue 0.2 */
  fuzzy?: number;
}

/** Default {@link KnowledgeBaseOptions.minScore}. */
export const DEFAULT_MIN_SCORE = 0.5;

const DEFAULT_LIMIT = 3;
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
 * @param articles - Articles with unique ids; may be empty (every search then returns `[]`).
 * @param options - See {@link KnowledgeBaseOptions}.
 * @returns The port plus `minScore`. `search` never throws; queries are read up to 1,000 characters.
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
  return {
    minScore: options.minScore ?? DEFAULT_MIN_SCORE,
    get(id: string) {
      return byId.get(id);
    },
    search(query, searchOptions = {}): KnowledgeHit[] {
      const text = typeof query === 'string' ? query.slice(0, MAX_QUERY_CHARS) : '';
      const queryTerms = [...new Set(contentTerms(text).map((term) => correctTransposition(term, vocabulary)))];
      const totalWeight = queryTerms.reduce((sum, term) => sum + weightOf(term), 0);
      if (queryTerms.length === 0 || totalWeight <= 0 || byId.size === 0) return [];
      const collections = searchOptions.collections === undefined ? undefined : new Set(searchOptions.collections);
      const results = index.search(queryTerms.join(' '), {
        filter: collections === undefined ? undefined : (result) => collections.has(String(result['collection'])),
      });
      const bestRaw = results[0]?.score ?? 0;
      const hits = results.flatMap((result) => {
        const article = byId.get(String(result.id));
        if (article === undefined || bestRaw <= 0) return [];
        const matched = new Set(result.queryTerms);
        const coverage = queryTerms.filter((term) => matched.has(term)).reduce((sum, term) => sum + weightOf(term), 0) / totalWeight;
        const score = coverage * Math.sqrt(result.score / bestRaw);
        return score > 0 ? [{ article, score, passage: bestPassage(article.body, { queryTerms, weightOf }) }] : [];
      });
      hits.sort((left, right) => right.score - left.score);
      return hits.slice(0, Math.max(0, searchOptions.limit ?? DEFAULT_LIMIT));
    },
  };
}

/** The paragraph matching the most query weight (a term matches a paragraph word equal to it or starting with it). */
function bestPassage(body: string, input: { queryTerms: readonly string[]; weightOf: (term: string) => number }): string {
  const paragraphs = body.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 0);
  let best = { paragraph: paragraphs[0] ?? body.trim(), weight: 0 };
  for (const paragraph of paragraphs) {
    const words = contentTerms(paragraph);
    const weight = input.queryTerms
      .filter((term) => words.some((word) => word === term || (term.length >= 4 && word.startsWith(term))))
      .reduce((sum, term) => sum + input.weightOf(term), 0);
    if (weight > best.weight) best = { paragraph, weight };
  }
  return best.paragraph;
}
