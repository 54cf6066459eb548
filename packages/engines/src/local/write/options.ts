/**
 * Product option values in customer text: "the black 4 ft metal bookshelf", "size L",
 * "not waterproof", "black frame and blue lenses" → `{ option: value }` for one product.
 *
 * A value counts when it is written as in the catalog (case, spaces and hyphens aside). Numbers,
 * one- or two-character values and yes/no/none count only next to their option's name
 * ("size 10", "1000 pieces"); a value two options share ("black" frame and lens colour) counts
 * only next to a word that names one of them. Yes/no options are read from their name: "not
 * waterproof", "without water resistance" → no; "waterproof", "waterproof: yes" → yes.
 */
import type { Product } from '@switchboard/core';
import { compact, singular, tokenize, type Token } from './text.js';

interface ValueEntry {
  option: string;
  value: string;
}

/** The option values of one product, indexed for lookup. Build once per product and turn. */
export interface OptionIndex {
  values: Map<string, ValueEntry[]>;
  /** Longest value, in tokens. */
  longest: number;
  /** Option name → its words (singular), for "next to its name" checks. */
  nameWords: Map<string, string[]>;
  /** Options whose values are only yes / no. */
  booleans: string[];
  /** Options one of whose values is "none" ("no backlight" → backlight none). */
  noneable: string[];
}

const WEAK_VALUE = /^(?:\d+(?:\.\d+)?|.{1,2}|yes|no|none)$/;
const NEGATIONS = new Set(['not', 'non', 'no', 'without']);

/** Indexes the option values of `product`'s variants (and of `extra` option sets, such as the items of an order). */
export function indexOptions(product: Product | undefined, extra: readonly Record<string, string>[] = []): OptionIndex {
  const index: OptionIndex = { values: new Map(), longest: 1, nameWords: new Map(), booleans: [], noneable: [] };
  const sets = [...Object.values(product?.variants ?? {}).map((variant) => variant.options), ...extra];
  const byOption = new Map<string, Set<string>>();
  for (const options of sets) {
    for (const [option, value] of Object.entries(options)) {
      byOption.set(option, (byOption.get(option) ?? new Set()).add(value));
      const key = compact(value);
      if (key === '') continue;
      const entries = index.values.get(key) ?? [];
      if (!entries.some((entry) => entry.option === option)) entries.push({ option, value });
      index.values.set(key, entries);
      index.longest = Math.max(index.longest, tokenize(value).length);
    }
  }
  for (const [option, values] of byOption) {
    index.nameWords.set(option, tokenize(option).map((token) => singular(token.text)));
    if ([...values].every((value) => value === 'yes' || value === 'no')) index.booleans.push(option);
    if (values.has('none')) index.noneable.push(option);
  }
  return index;
}

/**
 * Whether a word of `option`'s name is within `reach` tokens of [start, end], in the same clause
 * ("frame color: brown, lens color: blue": "lens" is not next to the first "brown").
 */
function nearName(input: { tokens: readonly Token[]; start: number; end: number; words: readonly string[]; reach: number }): boolean {
  const { tokens, start, end, words, reach } = input;
  const named = (position: number): boolean => {
    const word = singular(tokens[position]?.text ?? '');
    return words.some((candidate) => word === candidate || (candidate.length >= 6 && word.startsWith(candidate.slice(0, 6))));
  };
  for (let position = start - 1; position >= Math.max(0, start - reach); position -= 1) {
    if (tokens[position + 1]?.boundary === true) break;
    if (named(position)) return true;
  }
  for (let position = end + 1; position <= Math.min(tokens.length - 1, end + reach); position += 1) {
    if (tokens[position]?.boundary === true) break;
    if (named(position)) return true;
  }
  return false;
}

/** The words of `option`'s name that the other options sharing a value do not have (all its words when none are distinctive). */
function distinctiveWords(index: OptionIndex, option: string, others: readonly string[]): string[] {
  const own = index.nameWords.get(option) ?? [];
  const shared = new Set(others.filter((other) => other !== option).flatMap((other) => index.nameWords.get(other) ?? []));
  const distinct = own.filter((word) => !shared.has(word));
  return distinct.length > 0 ? distinct : own;
}

/**
 * Option values said in tokens [from, to) of `tokens`, skipping positions in `skip` (product names).
 * @returns option name → catalog value; the first value said for an option wins.
 */
export function readOptions(input: { tokens: readonly Token[]; from: number; to: number; index: OptionIndex; skip?: ReadonlySet<number> }): Record<string, string> {
  const { tokens, index } = input;
  const from = Math.max(0, input.from);
  const to = Math.min(tokens.length, input.to);
  const skip = input.skip ?? new Set<number>();
  const said: Record<string, string> = {};
  for (let start = from; start < to; start += 1) {
    if (skip.has(start)) continue;
    for (let length = Math.min(index.longest, to - start); length >= 1; length -= 1) {
      const end = start + length - 1;
      if ([...Array(length).keys()].some((offset) => skip.has(start + offset))) continue;
      const key = tokens.slice(start, end + 1).map((token) => token.text).join('');
      const entries = index.values.get(key);
      if (entries === undefined) continue;
      const weak = WEAK_VALUE.test(key);
      const options = entries.map((entry) => entry.option);
      const chosen = entries.length === 1 && !weak
        ? entries
        : entries.filter((entry) => !index.booleans.includes(entry.option) && nearName({ tokens, start, end, words: distinctiveWords(index, entry.option, options), reach: weak ? 2 : 3 }));
      const entry = chosen.length === 1 ? chosen[0] : undefined;
      if (entry === undefined) continue;
      said[entry.option] ??= entry.value;
      start = end;
      break;
    }
  }
  readBooleans({ tokens, from, to, index, said });
  return said;
}

/**
 * Yes/no options from their name: "not waterproof" → no, "water resistance: yes" → yes,
 * "waterproof" → yes; and "no backlight" / "without connectivity" → none for options that have it.
 */
function readBooleans(input: { tokens: readonly Token[]; from: number; to: number; index: OptionIndex; said: Record<string, string> }): void {
  const { tokens, from, to, index, said } = input;
  for (const option of [...index.booleans, ...index.noneable]) {
    const boolean = index.booleans.includes(option);
    if (said[option] !== undefined) continue;
    const words = index.nameWords.get(option) ?? [];
    const matches = (position: number, word: string): boolean => {
      const text = singular(tokens[position]?.text ?? '');
      return text === word || (word.length >= 6 && text.startsWith(word.slice(0, 6)));
    };
    for (let position = from; position + words.length <= to; position += 1) {
      if (!words.every((word, offset) => matches(position + offset, word))) continue;
      const after = tokens.slice(position + words.length, position + words.length + 2).map((token) => token.text);
      const before = tokens.slice(Math.max(from, position - 2), position).map((token) => token.text);
      if (!boolean) {
        if (!before.some((word) => NEGATIONS.has(word))) continue;
        said[option] = 'none';
        break;
      }
      if (after.includes('no')) said[option] = 'no';
      else if (after.includes('yes')) said[option] = 'yes';
      else said[option] = before.some((word) => NEGATIONS.has(word)) ? 'no' : 'yes';
      break;
    }
  }
}
