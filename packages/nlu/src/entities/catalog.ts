/**
 * Product mentions matched against the store catalog (τ-bench retail `Product` shape), with the
 * option values said nearby ("the red 750ml water bottle" → Water Bottle, `{ color: 'red',
 * capacity: '750ml' }`).
 *
 * Names match case-insensitively as whole words, in singular or plural ("water bottles"), with
 * hyphens optional ("t-shirt", "tshirt", "t shirt"). The last word of a multi-word name
 * ("kettle" for "Electric Kettle") matches too, but only when no other product shares it or ends
 * with it ("watch" is not used when both "Smart Watch" and "Wristwatch" exist) and it is not a
 * generic word (`set`, `kit`, `maker`…). Option values come from the product's variants and are
 * looked for in the same sentence, up to 6 words before and 8 after the name; values that are
 * numbers, one or two characters, or yes/no (sizes "10", "M") count only next to their option
 * name ("size 10"), and a value shared by two options counts only next to one option's name.
 */
import type { Product, ProductMention } from '@switchboard/core';
import { normalizeText } from '../text/normalize.js';

/** An index of catalog names and option values for fast mention lookup. Build once per catalog. */
export interface CatalogIndex {
  /** The indexed products, in the order given. */
  readonly products: readonly Product[];
  /** Product mentions in `text`, in order of appearance (a product mentioned twice appears twice). */
  findProducts(text: string): ProductMention[];
  /**
   * `text` normalized, with each product name replaced by "item" and the option values (and option
   * names) said with it removed ("exchange the black laser Gaming Mouse for a white one" → "exchange the item for a
   * one"), so a classifier reads the request rather than the catalog words.
   */
  maskProducts(text: string): string;
  /**
   * `text` normalized and lower-cased, with every word of the catalog's product names and option
   * values removed wherever it appears ("charcoal", "plain", "dark", "jigsaw puzzle"), except
   * yes/no/none/not: for reading the customer's mood without the catalog's words.
   */
  stripCatalogWords(text: string): string;
}

interface Token {
  text: string;
  start: number;
  sentence: number;
}

interface Alias {
  tokens: readonly string[];
  product: number;
}

interface ProductOptions {
  /** Compact value (`750ml`, `spacegrey`) → option names having it, with the value as written in the catalog. */
  values: Map<string, { option: string; value: string }[]>;
  longestValueTokens: number;
  /** Words of the product's option names (`size`, `color`, `backrest`, `height`), lower case. */
  nameWords: Set<string>;
}

const GENERIC_HEADS = new Set(['set', 'kit', 'maker', 'machine', 'card', 'pack', 'case', 'system', 'device', 'item', 'product', 'unit', 'bar']);
const WEAK_VALUE = /^(?:\d+(?:\.\d+)?|.{1,2}|yes|no|none)$/u;
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu;
const WINDOW_BEFORE = 6;
const WINDOW_AFTER = 8;

function words(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

function compact(text: string): string {
  return words(text).join('');
}

function inflections(word: string): string[] {
  const forms = new Set([word]);
  if (word.endsWith('s') && !word.endsWith('ss')) {
    forms.add(word.slice(0, -1));
    if (/(?:s|x|z|ch|sh)es$/.test(word)) forms.add(word.slice(0, -2));
    if (word.endsWith('ies')) forms.add(`${word.slice(0, -3)}y`);
    return [...forms];
  }
  if (word.endsWith('y') && !/[aeiou]y$/.test(word)) forms.add(`${word.slice(0, -1)}ies`);
  else if (/(?:s|x|z|ch|sh)$/.test(word)) forms.add(`${word}es`);
  else forms.add(`${word}s`);
  if (word.endsWith('f')) forms.add(`${word.slice(0, -1)}ves`);
  return [...forms];
}

/** Name forms of one product: full name (every inflection of the last word), joined hyphen forms. */
function nameForms(name: string): string[][] {
  const tokens = words(name);
  const last = tokens.at(-1);
  if (last === undefined) return [];
  const forms = inflections(last).map((form) => [...tokens.slice(0, -1), form]);
  if (name.includes('-') || tokens.length > 1) {
    const joined = tokens.join('');
    if (name.includes('-')) forms.push(...inflections(joined).map((form) => [form]));
  }
  return forms;
}

function buildAliases(products: readonly Product[]): Map<string, Alias[]> {
  const byKey = new Map<string, Set<number>>();
  const addAlias = (tokens: readonly string[], product: number): void => {
    const key = tokens.join(' ');
    byKey.set(key, (byKey.get(key) ?? new Set()).add(product));
  };
  products.forEach((product, index) => nameForms(product.name).forEach((tokens) => addAlias(tokens, index)));
  const singleWordNames = products.map((product) => words(product.name)).filter((tokens) => tokens.length === 1).map((tokens) => tokens[0] ?? '');
  const heads = new Map<string, Set<number>>();
  products.forEach((product, index) => {
    const tokens = words(product.name);
    const head = tokens.at(-1);
    if (tokens.length < 2 || head === undefined || GENERIC_HEADS.has(head)) return;
    heads.set(head, (heads.get(head) ?? new Set()).add(index));
  });
  for (const [head, owners] of heads) {
    const sharedBySingleWord = singleWordNames.some((name) => name !== head && inflections(head).some((form) => name.endsWith(form)));
    const owner = [...owners][0];
    if (owners.size !== 1 || sharedBySingleWord || owner === undefined) continue;
    inflections(head).forEach((form) => addAlias([form], owner));
  }
  const aliases = new Map<string, Alias[]>();
  for (const [key, owners] of byKey) {
    const owner = [...owners][0];
    if (owners.size !== 1 || owner === undefined) continue;
    const tokens = key.split(' ');
    const first = tokens[0] ?? '';
    aliases.set(first, [...(aliases.get(first) ?? []), { tokens, product: owner }].sort((left, right) => right.tokens.length - left.tokens.length));
  }
  return aliases;
}

function buildOptions(product: Product): ProductOptions {
  const values = new Map<string, { option: string; value: string }[]>();
  const nameWords = new Set<string>();
  let longestValueTokens = 1;
  for (const variant of Object.values(product.variants)) {
    for (const [option, value] of Object.entries(variant.options)) {
      for (const word of words(option)) nameWords.add(word);
      const key = compact(value);
      if (key.length === 0) continue;
      const entries = values.get(key) ?? [];
      if (!entries.some((entry) => entry.option === option)) entries.push({ option, value });
      values.set(key, entries);
      longestValueTokens = Math.max(longestValueTokens, words(value).length);
    }
  }
  return { values, longestValueTokens, nameWords };
}

function tokenizeWithSentences(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let previousEnd = 0;
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    const start = match.index;
    if (/[.!?;\n]/.test(text.slice(previousEnd, start))) sentence += 1;
    tokens.push({ text: match[0], start, sentence });
    previousEnd = start + match[0].length;
  }
  return tokens;
}

/**
 * Builds the catalog index: name aliases (unambiguous ones only) and option values per product.
 *
 * @param products - Catalog products (τ-bench shape); may be empty.
 * @returns An index whose `findProducts` never throws.
 * @example
 * ```ts
 * const catalog = createCatalogIndex(products);
 * extractEntities('the red 750ml water bottle leaks', { catalog }).products;
 * // [{ productId: '8310926033', name: 'Water Bottle', options: { color: 'red', capacity: '750ml' } }]
 * ```
 */
export function createCatalogIndex(products: readonly Product[]): CatalogIndex {
  const frozen = Object.freeze([...products]);
  const aliases = buildAliases(frozen);
  const options = frozen.map(buildOptions);
  const KEEP = new Set(['yes', 'no', 'none', 'not']);
  const catalogWords = new Set<string>();
  for (const product of frozen) {
    for (const word of words(product.name)) catalogWords.add(word);
    for (const variant of Object.values(product.variants)) for (const value of Object.values(variant.options)) for (const word of words(value)) catalogWords.add(word);
  }
  for (const word of KEEP) catalogWords.delete(word);
  const locate = (normalized: string): { tokens: Token[]; spans: { first: number; last: number; product: number }[]; mentions: ProductMention[]; used: Set<number>; named: Set<number> } => {
    const tokens = tokenizeWithSentences(normalized);
    const spans: { first: number; last: number; product: number }[] = [];
    for (let index = 0; index < tokens.length; index += 1) {
      const found = (aliases.get(tokens[index]?.text ?? '') ?? []).find((alias) =>
        alias.tokens.every((word, offset) => tokens[index + offset]?.text === word && tokens[index + offset]?.sentence === tokens[index]?.sentence),
      );
      if (found === undefined) continue;
      spans.push({ first: index, last: index + found.tokens.length - 1, product: found.product });
      index += found.tokens.length - 1;
    }
    const used = new Set<number>();
    const named = new Set<number>();
    const mentions = spans.map((span, position) => {
      const product = frozen[span.product] as Product;
      const window = {
        from: Math.max(span.first - WINDOW_BEFORE, (spans[position - 1]?.last ?? -1) + 1),
        to: Math.min(span.last + WINDOW_AFTER, (spans[position + 1]?.first ?? tokens.length) - 1),
      };
      const productOptions = options[span.product] as ProductOptions;
      const said = findOptionValues({ tokens, span, window, options: productOptions, used });
      for (let index = window.from; index <= window.to; index += 1) {
        const token = tokens[index];
        if (token && token.sentence === tokens[span.first]?.sentence && productOptions.nameWords.has(token.text)) named.add(index);
      }
      return { productId: product.product_id, name: product.name, options: said };
    });
    return { tokens, spans, mentions, used, named };
  };
  return Object.freeze({
    products: frozen,
    findProducts(text: string): ProductMention[] {
      return locate(normalizeText(text)).mentions;
    },
    stripCatalogWords(text: string): string {
      return normalizeText(text).toLowerCase().replace(/[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu, (word) => (catalogWords.has(word) ? ' ' : word));
    },
    maskProducts(text: string): string {
      const normalized = normalizeText(text);
      const { tokens, spans, used, named } = locate(normalized);
      // Token offsets are offsets in the lower-cased text.
      const lower = normalized.toLowerCase();
      const replaced = new Map<number, string>();
      for (const span of spans) {
        replaced.set(span.first, 'item');
        for (let index = span.first + 1; index <= span.last; index += 1) replaced.set(index, '');
      }
      for (const index of [...used, ...named]) if (!replaced.has(index)) replaced.set(index, '');
      let out = '';
      let cursor = 0;
      for (const [index, token] of tokens.entries()) {
        const replacement = replaced.get(index);
        if (replacement === undefined) continue;
        out += lower.slice(cursor, token.start) + replacement;
        cursor = token.start + token.text.length;
      }
      out += lower.slice(cursor);
      // Tidy what the removed words leave behind: "( , , )", doubled commas and spaces.
      return out.replace(/\(\s*(?:[,:;-]\s*)*\)/g, ' ').replace(/\s+[:-](?=\s|,)/g, ' ').replace(/\s*,(?:\s*,)+/g, ',').replace(/\s{2,}/g, ' ').trim();
    },
  });
}

/** Option values said in the window around a product mention, keyed by option name. */
function findOptionValues(input: {
  tokens: readonly Token[];
  span: { first: number; last: number };
  window: { from: number; to: number };
  options: ProductOptions;
  /** Receives the token positions of the values found. */
  used?: Set<number>;
}): Record<string, string> {
  const { tokens, span, window, options } = input;
  const sentence = tokens[span.first]?.sentence;
  const said: Record<string, string> = {};
  const near = (position: number, option: string): boolean => {
    const optionWords = new Set(words(option));
    for (let other = Math.max(window.from, position - 2); other <= Math.min(window.to, position + 2); other += 1) {
      if (optionWords.has(tokens[other]?.text ?? '')) return true;
    }
    return false;
  };
  for (let start = window.from; start <= window.to; start += 1) {
    if ((start >= span.first && start <= span.last) || tokens[start]?.sentence !== sentence) continue;
    for (let length = Math.min(options.longestValueTokens, window.to - start + 1); length >= 1; length -= 1) {
      const end = start + length - 1;
      if (end >= span.first && start <= span.last) continue;
      const key = tokens.slice(start, end + 1).map((token) => token.text).join('');
      const entries = options.values.get(key);
      if (entries === undefined) continue;
      const weak = WEAK_VALUE.test(key);
      const chosen = entries.length === 1 && !weak ? entries : entries.filter((entry) => near(start, entry.option) || near(end, entry.option));
      const entry = chosen.length === 1 ? chosen[0] : undefined;
      if (entry === undefined) continue;
      said[entry.option] ??= entry.value;
      for (let position = start; position <= end; position += 1) input.used?.add(position);
      start = end;
      break;
    }
  }
  return said;
}
