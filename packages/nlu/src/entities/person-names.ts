/**
 * Person names the customer gives for themselves ("my name is Yusuf Rossi", "this is Mei
 * Kovacs", "I'm Ava Moore", "Ava Moore here", "Mr. Jones", "Yusuf Rossi, 80279").
 *
 * After a strong cue (`my name is`, `name:`, `I go by`) 1–3 name-like words are taken in any
 * case and title-cased. After a weak cue (`this is`, `I'm`, `I am`, `it's`) the words must be
 * capitalized, and the first one must not be a common word: it must be in no stop list and tagged
 * a noun or proper noun by wink-nlp when lowercased ("I'm Very Upset", "This is Ridiculous" and
 * "this is Customer Service" are not names).
 */
import { getPosWink } from '../wink.js';
import type { EntityMatch } from './spans.js';
import { matchAll } from './spans.js';

const NAME_WORD = String.raw`\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)?`;
const CAPITALIZED_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’]*(?:-\p{Lu}[\p{L}\p{M}'’]*)?`;
const STRONG_CUE = new RegExp(String.raw`\b(?:my\s+(?:full\s+)?name\s+is|my\s+name's|name\s*[:=-]|i\s+go\s+by|the\s+name\s+is)\s+((?:${NAME_WORD})(?:\s+${NAME_WORD}){0,2})`, 'giu');
const WEAK_CUE = new RegExp(String.raw`\b(?:[Tt]his\s+is|[Ii]['’]m|[Ii]\s+am|[Ii]t['’]s|[Ii]t\s+is)\s+((?:${CAPITALIZED_WORD})(?:\s+${CAPITALIZED_WORD}){0,2})`, 'gu');
const HERE_CUE = new RegExp(String.raw`(?:^|[.!?,]\s*|\b(?:hi|hello|hey)\s*,?\s*)((?:${CAPITALIZED_WORD})\s+(?:${CAPITALIZED_WORD}))\s+here\b`, 'gu');
const TITLE_CUE = new RegExp(String.raw`\b((?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+${CAPITALIZED_WORD}(?:\s+${CAPITALIZED_WORD})?)`, 'gu');
const NAME_THEN_ZIP = new RegExp(String.raw`(?<![\p{L}\p{N}])((?:${CAPITALIZED_WORD})\s+(?:${CAPITALIZED_WORD}))\s*[,;]?\s*(?:zip(?:\s*code)?\s*[:#]?\s*)?\d{5}(?!\d)`, 'gu');

/** Words that end a name after a strong cue, and that are never the first word of a name. */
const NOT_NAME_WORDS = new Set([
  'and', 'or', 'but', 'my', 'i', 'im', 'me', 'from', 'with', 'the', 'a', 'an', 'to', 'for', 'of', 'in', 'on', 'at', 'by', 'is', 'was',
  'zip', 'email', 'e-mail', 'phone', 'order', 'please', 'pls', 'thanks', 'thank', 'here', 'and', 'not', 'no', 'yes', 'so', 'very',
  'really', 'just', 'still', 'also', 'too', 'sorry', 'calling', 'writing', 'trying', 'looking', 'having', 'waiting', 'going', 'done',
  'back', 'customer', 'client', 'service', 'support', 'team', 'manager', 'agent', 'bot', 'human', 'person', 'account', 'user', 'owner',
  'member', 'buyer', 'ridiculous', 'urgent', 'unacceptable', 'annoyed', 'angry', 'upset', 'frustrated', 'happy', 'unhappy', 'hello',
  'hi', 'hey', 'dear', 'sir', 'madam', 'everyone', 'someone', 'nobody', 'it', 'this', 'that', 'what', 'who', 'why', 'how', 'when',
  'where', 'which', 'you', 'your', 'we', 'our', 'they', 'he', 'she', 'his', 'her', 'their', 'new', 'old', 'okay', 'ok', 'fine', 'good',
  'great', 'bad', 'need', 'want', 'have', 'has', 'had', 'can', 'could', 'would', 'will', 'should', 'help', 'about', 'regarding',
  're', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'tomorrow', 'yesterday',
]);
const NAME_TAGS = new Set(['NOUN', 'PROPN']);
const SURNAME_TAGS = new Set(['NOUN', 'PROPN', 'ADJ']);

function titleCase(word: string): string {
  return word.replace(/(^|[-'’])(\p{L})/gu, (_, separator: string, letter: string) => `${separator}${letter.toUpperCase()}`);
}

/** Part-of-speech tag per word, read in a neutral "this is …" frame; a hyphenated word gets its first part's tag. */
function tagsOf(words: readonly string[]): string[] {
  const wink = getPosWink();
  const parts = words.map((word) => word.split('-'));
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wink's `its` helpers are plain functions, passed by design
  const tags = wink.readDoc(`this is ${parts.flat().join(' ')}`).tokens().out(wink.its.pos).slice(2);
  let next = 0;
  return parts.map((wordParts) => {
    const tag = tags[next] ?? 'X';
    next += wordParts.length;
    return tag;
  });
}

/**
 * Whether `word` (at `index` in the candidate) can be part of a name. First words must be nouns
 * or proper nouns lowercased (or proper-noun verbs like "Mohamed", not "-ing" forms); later words
 * may also be adjectives ("Lee", "Brown"). After a strong cue the first word is always accepted,
 * and capitalized later words too.
 */
function isNameWord(word: string, context: { index: number; strong: boolean; lowerTag: string; writtenTag: string }): boolean {
  const lower = word.toLowerCase().replace(/’/g, "'");
  if (NOT_NAME_WORDS.has(lower) || word.length < 2) return false;
  const capitalized = /^\p{Lu}/u.test(word);
  if (context.strong) return context.index === 0 || capitalized || SURNAME_TAGS.has(context.lowerTag);
  if (context.index > 0) return SURNAME_TAGS.has(context.lowerTag) || context.writtenTag === 'PROPN';
  if (NAME_TAGS.has(context.lowerTag)) return true;
  return context.lowerTag === 'VERB' && context.writtenTag === 'PROPN' && !lower.endsWith('ing');
}

/** The leading words of `candidate` that form a name (may be empty). */
function nameWords(candidate: string, options: { strong: boolean }): string[] {
  const words = candidate.split(/\s+/).filter((word) => word.length > 0);
  const lowerTags = tagsOf(words.map((word) => word.toLowerCase()));
  const writtenTags = tagsOf(words);
  const taken: string[] = [];
  for (const [index, word] of words.entries()) {
    const context = { index, strong: options.strong, lowerTag: lowerTags[index] ?? 'X', writtenTag: writtenTags[index] ?? 'X' };
    if (!isNameWord(word, context)) break;
    taken.push(word);
  }
  return taken;
}

/** Names the customer gives for themselves, title-cased, with their spans. */
export function findPersonNames(text: string): EntityMatch<string>[] {
  const matches: EntityMatch<string>[] = [];
  const add = (match: RegExpExecArray, options: { strong: boolean; keepAsWritten?: boolean }): void => {
    const candidate = match[1] ?? '';
    const words = options.keepAsWritten ? candidate.split(/\s+/) : nameWords(candidate, options);
    if (words.length === 0) return;
    const name = words.join(' ');
    const start = match.index + match[0].indexOf(candidate);
    matches.push({ start, end: start + name.length, value: options.strong ? words.map(titleCase).join(' ') : name });
  };
  for (const match of matchAll(text, STRONG_CUE)) add(match, { strong: true });
  for (const pattern of [WEAK_CUE, HERE_CUE, NAME_THEN_ZIP]) {
    for (const match of matchAll(text, pattern)) add(match, { strong: false });
  }
  for (const match of matchAll(text, TITLE_CUE)) add(match, { strong: false, keepAsWritten: true });
  return matches;
}
