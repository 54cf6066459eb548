/**
 * Article paragraphs with their content terms computed once, at index time, so that choosing the
 * passage of a hit costs set look-ups instead of re-tokenizing the article on every search.
 */
import { contentTerms } from './terms.js';

/** One paragraph of an article body and its distinct content terms (see `contentTerms`). */
export interface IndexedParagraph {
  text: string;
  terms: readonly string[];
  termSet: ReadonlySet<string>;
}

/** Paragraphs of `body` (separated by blank lines), trimmed, empty ones dropped; in order. */
export function indexParagraphs(body: string): IndexedParagraph[] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((text) => {
      const terms = contentTerms(text);
      return { text, terms, termSet: new Set(terms) };
    });
}

/** Whether `term` matches a paragraph word: equal to it, or (terms of 4+ letters) a prefix of it. */
function matches(paragraph: IndexedParagraph, term: string): boolean {
  return paragraph.termSet.has(term) || (term.length >= 4 && paragraph.terms.some((word) => word.startsWith(term)));
}

/**
 * The paragraph matching the most query weight; the first paragraph (or the trimmed body when it
 * has none) when no paragraph matches. Ties keep the earlier paragraph.
 *
 * @param input.paragraphs - From {@link indexParagraphs}.
 * @param input.fallback - Returned when `paragraphs` is empty (the trimmed body).
 * @param input.queryTerms - Distinct processed query terms, in query order.
 * @param input.weightOf - Weight of one query term (its IDF, > 0).
 */
export function bestPassage(input: { paragraphs: readonly IndexedParagraph[]; fallback: string; queryTerms: readonly string[]; weightOf: (term: string) => number }): string {
  let best = { paragraph: input.paragraphs[0]?.text ?? input.fallback, weight: 0 };
  for (const paragraph of input.paragraphs) {
    let weight = 0;
    for (const term of input.queryTerms) if (matches(paragraph, term)) weight += input.weightOf(term);
    if (weight > best.weight) best = { paragraph: paragraph.text, weight };
  }
  return best.paragraph;
}
