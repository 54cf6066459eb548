/**
 * Token prices and the cost of a call. Prices are USD per million tokens; a desk overrides or
 * extends them with `llm.prices`.
 */
import { z } from 'zod';
import type { TokenCount } from './types.js';

/** The price of one model: USD per million input tokens and per million output tokens (≥ 0). */
export const PriceSchema = z.object({
  inputPerMillionUsd: z.number().min(0),
  outputPerMillionUsd: z.number().min(0),
});
export type Price = z.infer<typeof PriceSchema>;

/** Model id (or `provider:model`) → price. A key also prices ids it prefixes (`gpt-4o-mini` prices `gpt-4o-mini-2024-07-18`). */
export type PriceTable = Readonly<Record<string, Price>>;

const price = (inputPerMillionUsd: number, outputPerMillionUsd: number): Price => ({ inputPerMillionUsd, outputPerMillionUsd });

/**
 * List prices of common models, USD per million tokens (standard tier, no caching or batch
 * discounts). Verify against the providers' pricing pages before relying on the totals; a desk
 * overrides any entry with `llm.prices`. Local models (`ollama:`, `scripted:`) cost 0.
 * @see https://openai.com/api/pricing/
 * @see https://www.anthropic.com/pricing#api
 */
export const DEFAULT_PRICES: PriceTable = Object.freeze({
  'gpt-4o-mini': price(0.15, 0.6),
  'gpt-4o': price(2.5, 10),
  'gpt-4.1-nano': price(0.1, 0.4),
  'gpt-4.1-mini': price(0.4, 1.6),
  'gpt-4.1': price(2, 8),
  'gpt-5-nano': price(0.05, 0.4),
  'gpt-5-mini': price(0.25, 2),
  'gpt-5': price(1.25, 10),
  'claude-3-5-haiku': price(0.8, 4),
  'claude-haiku-4-5': price(1, 5),
  'claude-sonnet-4': price(3, 15),
  'claude-opus-4': price(15, 75),
  'ollama:': price(0, 0),
  'scripted:': price(0, 0),
});

/**
 * The price of `provider:modelId`: the longest table key equal to or prefixing `provider:modelId`
 * or `modelId`. `table` entries win over {@link DEFAULT_PRICES}.
 * @returns the price, or `undefined` when no key matches (the cost is then reported as unknown).
 */
export function findPrice(input: { provider: string; modelId: string; table?: PriceTable }): Price | undefined {
  const qualified = `${input.provider}:${input.modelId}`;
  const lookup = (table: PriceTable): Price | undefined => {
    let best: { key: string; price: Price } | undefined;
    for (const [key, entry] of Object.entries(table)) {
      const matches = qualified.startsWith(key) || input.modelId.startsWith(key);
      if (matches && (best === undefined || key.length > best.key.length)) best = { key, price: entry };
    }
    return best?.price;
  };
  return lookup(input.table ?? {}) ?? lookup(DEFAULT_PRICES);
}

/** USD cost of `tokens` at `price`, rounded to a millionth of a dollar. */
export function costOf(tokens: TokenCount, entry: Price): number {
  const usd = (tokens.input * entry.inputPerMillionUsd + tokens.output * entry.outputPerMillionUsd) / 1_000_000;
  return Math.round(usd * 1_000_000) / 1_000_000;
}
