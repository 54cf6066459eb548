/**
 * Term processing shared by indexing and querying: lowercase words, English stopwords and
 * generic question words removed, a light plural stemmer ("returns" → "return",
 * "policies" → "policy").
 */
import { tokenize } from '../text/normalize.js';

/** English stopwords plus words that carry no topic in support questions ("how long", "need", "please"). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can ' +
    "can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't " +
    "have haven't having he her here hers herself him himself his how i i'd i'll i'm i've if in into is isn't it it's its itself " +
    "let's me more most my myself no nor not of off on once only or other ought our ours ourselves out over own same she should " +
    "shouldn't so some such than that that's the their theirs them themselves then there there's these they they'd they'll they're " +
    "this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when where which " +
    "while who whom why will with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves " +
    'hi hello hey please thanks thank help want need like know tell get got long much many soon just also still really ' +
    'anyone someone something anything way thing things question questions ask asking wondering possible able go going make take'
  ).split(' '),
);

/** Strips a plural ending: `-ies` → `-y`, `-s` (not `-ss`, `-us`, `-is`) on words longer than 3 letters. */
export function stem(term: string): string {
  if (term.length > 4 && term.endsWith('ies')) return `${term.slice(0, -3)}y`;
  if (term.length > 3 && term.endsWith('s') && !/(?:ss|us|is)$/.test(term)) return term.slice(0, -1);
  return term;
}

/** Index/query form of one token, or null for a stopword. */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/'s$/, '');
  if (lower.length === 0 || STOPWORDS.has(lower)) return null;
  return stem(lower);
}

/** Tokens for the index and queries (see `tokenize`). */
export function splitTerms(text: string): string[] {
  return tokenize(text);
}

/** Distinct processed terms of `text`, in order. */
export function contentTerms(text: string): string[] {
  const terms = splitTerms(text).map(processTerm).filter((term): term is string => term !== null);
  return [...new Set(terms)];
}

/** `term`, or the vocabulary word one adjacent transposition away ("retrun" → "return") when `term` is unknown. */
export function correctTransposition(term: string, vocabulary: ReadonlySet<string>): string {
  if (vocabulary.has(term) || term.length < 4) return term;
  for (let index = 0; index + 1 < term.length; index += 1) {
    const candidate = `${term.slice(0, index)}${term[index + 1] ?? ''}${term[index] ?? ''}${term.slice(index + 2)}`;
    if (vocabulary.has(candidate)) return candidate;
  }
  return term;
}
