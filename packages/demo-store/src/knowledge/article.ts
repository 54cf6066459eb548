/**
 * A small builder so articles are written as lists of paragraphs.
 */
import type { KnowledgeArticle } from '@switchboard/core';

/** An article as written: its paragraphs instead of one body string. */
export interface ArticleDraft {
  id: string;
  title: string;
  collection: 'returns' | 'shipping' | 'billing' | 'account' | 'technical' | 'general';
  tags: readonly string[];
  paragraphs: readonly string[];
}

/** Joins the paragraphs of `draft` with blank lines into a {@link KnowledgeArticle}. */
export function article(draft: ArticleDraft): KnowledgeArticle {
  return { id: draft.id, title: draft.title, collection: draft.collection, tags: [...draft.tags], body: draft.paragraphs.join('\n\n') };
}
