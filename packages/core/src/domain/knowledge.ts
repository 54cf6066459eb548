import { z } from 'zod';

/** A knowledge-base article. `collection` groups articles by domain (`returns`, `shipping`, `billing`, `account`, `technical`, `general`). */
export const KnowledgeArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  collection: z.string(),
  tags: z.array(z.string()),
  /** Plain text or light markdown; paragraphs separated by blank lines. */
  body: z.string(),
});
export type KnowledgeArticle = z.infer<typeof KnowledgeArticleSchema>;

/** One retrieval hit. `score` is the retriever's relevance (higher is better, not bounded); `passage` is the best-matching paragraph. */
export interface KnowledgeHit {
  article: KnowledgeArticle;
  score: number;
  passage: string;
}
