/**
 * Which items of an order the customer means, and what they want instead: product names matched
 * against the order's own items, option values read around each name, and the part after "to",
 * "for" or "into" (or before "instead of") read as the wanted options.
 */
import type { Order, OrderItem, Product, ProductVariant } from '@switchboard/core';
import { indexOptions, readOptions, type OptionIndex } from './options.js';
import { findPhrase, singular, tokenize, type Token } from './text.js';

/** One product named in the text, with what was said about the item the customer has and the one they want. */
export interface ItemMention {
  productId: string;
  /** Distinct order items of that product that fit `oldOptions` (every item of the product when none fit). */
  candidates: OrderItem[];
  oldOptions: Record<string, string>;
  newOptions: Record<string, string>;
  /** "the same one", "identical": the wanted item is the one they have. */
  same: boolean;
}

/** Last name words too generic to name a product on their own ("Dumbbell Set" is not "set"). */
const GENERIC_HEADS = new Set(['set', 'kit', 'maker', 'machine', 'card', 'pack', 'case', 'system', 'device', 'item', 'product', 'unit', 'cleaner']);
/** Everyday words for some catalog products. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  smartphone: ['phone'],
  bicycle: ['bike'],
  't-shirt': ['tee', 'shirt', 'tshirt'],
  'vacuum cleaner': ['vacuum'],
  'luggage set': ['luggage', 'suitcase'],
  'dumbbell set': ['dumbbell', 'dumbbells'],
  'makeup kit': ['makeup'],
  'espresso machine': ['espresso'],
  'coffee maker': ['coffee'],
  'jigsaw puzzle': ['jigsaw'],
};
const TRANSITIONS = ['to', 'for', 'into'];
const SEPARATORS = new Set(['and', 'also', 'plus', 'then']);

interface Alias {
  words: string[];
  productId: string;
}

interface Span {
  first: number;
  last: number;
  productId: string;
}

/** Name forms of the order's products: full name, joined hyphen form, unambiguous last word, synonyms. */
function aliasesOf(items: readonly OrderItem[]): Alias[] {
  const products = new Map(items.map((item) => [item.product_id, item.name]));
  const aliases: Alias[] = [];
  const heads = new Map<string, string[]>();
  for (const [productId, name] of products) {
    const words = tokenize(name).map((token) => token.text);
    aliases.push({ words, productId });
    if (name.includes('-')) aliases.push({ words: [words.join('')], productId });
    const head = singular(words.at(-1) ?? '');
    if (words.length > 1 && !GENERIC_HEADS.has(head)) heads.set(head, [...(heads.get(head) ?? []), productId]);
    for (const synonym of SYNONYMS[name.toLowerCase()] ?? []) aliases.push({ words: [synonym], productId });
  }
  for (const [head, owners] of heads) if (owners.length === 1) aliases.push({ words: [head], productId: owners[0] ?? '' });
  return aliases.sort((left, right) => right.words.length - left.words.length);
}

/** Product names in `tokens`, longest alias first, in order of appearance. */
function findSpans(tokens: readonly Token[], aliases: readonly Alias[]): Span[] {
  const spans: Span[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const alias = aliases.find((candidate) =>
      candidate.words.every((word, offset) => {
        const token = tokens[index + offset]?.text;
        return token !== undefined && (token === word || singular(token) === singular(word));
      }),
    );
    if (!alias) continue;
    spans.push({ first: index, last: index + alias.words.length - 1, productId: alias.productId });
    index += alias.words.length - 1;
  }
  return spans;
}

/** Where the text about span `next` starts: after the last separator ("and", ",", ";") between it and the previous span. */
function splitPoint(tokens: readonly Token[], previousLast: number, next: Span): number {
  for (let position = next.first; position > previousLast; position -= 1) {
    const token = tokens[position];
    if (!token) continue;
    if (SEPARATORS.has(token.text)) return position + 1;
    if (token.boundary) return position;
  }
  return next.first;
}

/** The index of the first token of the sentence holding `position`. */
function sentenceStart(tokens: readonly Token[], text: string, position: number): number {
  for (let index = position; index > 0; index -= 1) {
    const gap = text.slice(tokens[index - 1]?.end ?? 0, tokens[index]?.start ?? 0);
    if (/[.!?\n]/.test(gap)) return index;
  }
  return 0;
}

/** Options of every item of the order, to index values an order item has even when its product was not read. */
function optionIndexes(order: Order, products: ReadonlyMap<string, Product>): Map<string, OptionIndex> {
  const indexes = new Map<string, OptionIndex>();
  for (const item of order.items) {
    if (indexes.has(item.product_id)) continue;
    const own = order.items.filter((candidate) => candidate.product_id === item.product_id).map((candidate) => candidate.options);
    indexes.set(item.product_id, indexOptions(products.get(item.product_id), own));
  }
  return indexes;
}

/**
 * The items of `order` that `text` names, with the options said for the item they have (before
 * "to"/"for"/"into") and for the one they want (after it; before "instead of" when that is used).
 * @param context.products - product details by id (for the wanted options); may be empty for returns.
 */
export function findItemMentions(text: string, context: { order: Order; products: ReadonlyMap<string, Product> }): ItemMention[] {
  const { order } = context;
  const tokens = tokenize(text);
  const spans = findSpans(tokens, aliasesOf(order.items));
  const indexes = optionIndexes(order, context.products);
  const skip = new Set(spans.flatMap((span) => Array.from({ length: span.last - span.first + 1 }, (_, offset) => span.first + offset)));
  return spans.map((span, position) => {
    const previous = spans[position - 1];
    const next = spans[position + 1];
    const left = previous ? splitPoint(tokens, previous.last, span) : sentenceStart(tokens, text, span.first);
    const right = next ? splitPoint(tokens, span.last, next) : tokens.length;
    const index = indexes.get(span.productId) ?? indexOptions(undefined);
    const parts = splitOldNew({ tokens, left, span, right });
    const read = (range: { from: number; to: number }): Record<string, string> => readOptions({ tokens, from: range.from, to: range.to, index, skip });
    const oldOptions = read(parts.old);
    const newOptions = parts.wanted ? read(parts.wanted) : {};
    const wantedWords = parts.wanted ? tokens.slice(parts.wanted.from, parts.wanted.to).map((token) => token.text) : [];
    const same = wantedWords.includes('same') || wantedWords.includes('identical');
    const items = distinctItems(order.items.filter((item) => item.product_id === span.productId));
    const fitting = items.filter((item) => Object.entries(oldOptions).every(([option, value]) => item.options[option] === value));
    return { productId: span.productId, candidates: fitting.length > 0 ? fitting : items, oldOptions, newOptions, same };
  });
}

interface Range {
  from: number;
  to: number;
}

/** Splits the text about one product into the ranges describing the item they have and the one they want. */
function splitOldNew(input: { tokens: readonly Token[]; left: number; span: Span; right: number }): { old: Range; wanted?: Range } {
  const { tokens, left, span, right } = input;
  const insteadOf = findPhrase(tokens.slice(0, right), 'instead of', left);
  if (insteadOf >= 0 && insteadOf > span.last) return { old: { from: insteadOf + 2, to: right }, wanted: { from: left, to: insteadOf } };
  if (insteadOf >= 0 && insteadOf < span.first) return { old: { from: insteadOf + 2, to: right }, wanted: { from: left, to: insteadOf } };
  let transition = -1;
  for (let position = span.last + 1; position < right; position += 1) {
    if (TRANSITIONS.includes(tokens[position]?.text ?? '')) {
      transition = position;
      break;
    }
  }
  if (transition < 0) {
    const withAt = tokens.findIndex((token, position) => position > span.last && position < right && token.text === 'with' && tokens[position + 1]?.text !== 'the');
    if (withAt >= 0 && tokens.slice(withAt, right).some((token) => token.text === 'one' || token.text === 'same')) transition = withAt;
  }
  if (transition < 0) return { old: { from: left, to: right } };
  return { old: { from: left, to: transition }, wanted: { from: transition + 1, to: right } };
}

/** Order items with distinct item ids, in order. */
export function distinctItems(items: readonly OrderItem[]): OrderItem[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.item_id) ? false : (seen.add(item.item_id), true)));
}

/** The variant a customer wants, or why it cannot be chosen yet. */
export type VariantChoice =
  | { ok: true; variant: ProductVariant }
  | { ok: false; reason: 'unspecified' | 'ambiguous' | 'unavailable' | 'unknown'; candidates: ProductVariant[] };

/**
 * The wanted variant of `item`'s product: the item's options with the said ones replacing them
 * (exact match), else the only available variant having every said option. "Same" keeps the item.
 */
export function chooseVariant(input: { item: OrderItem; product: Product; wanted: Record<string, string>; same: boolean }): VariantChoice {
  const { item, product, wanted, same } = input;
  const variants = Object.values(product.variants);
  if (same && Object.keys(wanted).every((option) => item.options[option] === wanted[option])) {
    const current = product.variants[item.item_id];
    if (current?.available) return { ok: true, variant: current };
    return { ok: false, reason: 'unavailable', candidates: variants.filter((variant) => variant.available) };
  }
  if (Object.keys(wanted).length === 0) return { ok: false, reason: 'unspecified', candidates: variants.filter((variant) => variant.available) };
  const target = { ...item.options, ...wanted };
  const exact = variants.find((variant) => Object.keys(target).length === Object.keys(variant.options).length && Object.entries(target).every(([option, value]) => variant.options[option] === value));
  if (exact?.available) return { ok: true, variant: exact };
  const fitting = variants.filter((variant) => Object.entries(wanted).every(([option, value]) => variant.options[option] === value));
  const available = fitting.filter((variant) => variant.available);
  if (exact && !exact.available) return { ok: false, reason: 'unavailable', candidates: available };
  if (available.length === 1 && available[0]) return { ok: true, variant: available[0] };
  if (available.length > 1) return { ok: false, reason: 'ambiguous', candidates: available };
  return { ok: false, reason: fitting.length > 0 ? 'unavailable' : 'unknown', candidates: variants.filter((variant) => variant.available) };
}

/** Whether `text` asks for every item of the order ("everything", "all the items", "the whole order", "both"). */
export function meansAllItems(text: string): boolean {
  return /\b(?:all (?:of )?(?:the |my )?(?:items|of them|products|things)|everything|the (?:whole|entire) order|all items|both (?:items|of them)|both)\b/i.test(text);
}
