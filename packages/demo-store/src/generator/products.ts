/**
 * Builds products with variants from the catalog blueprint.
 */
import type { Product, ProductVariant } from '@switchboard/core';
import type { ProductBlueprint } from './catalog.js';
import { catalogId, type IdMinter } from './ids.js';
import { roundCents, type Random } from './prng.js';

/** Fewest and most variants per product type (capped by the number of option combinations). */
const MIN_VARIANTS = 5;
const MAX_VARIANTS = 18;
/** Share of variants currently sold out (`available: false`). */
const UNAVAILABLE_SHARE = 0.2;
/** Highest surcharge one option axis adds over the base price (its most expensive value). */
const AXIS_SURCHARGE = 0.2;
/** Random spread around the computed price, ± this fraction. */
const PRICE_JITTER = 0.03;

/** Options of {@link buildProduct}. */
export interface BuildProductOptions {
  blueprint: ProductBlueprint;
  random: Random;
  ids: IdMinter;
}

/**
 * One product: a 10-digit `product_id`, and 5–18 variants, each a distinct option combination
 * with a 10-digit `item_id`, a price in dollars (2 decimals) and `available` (≈ 80 % true).
 */
export function buildProduct(options: BuildProductOptions): Product {
  const { blueprint, random, ids } = options;
  const axes = Object.entries(blueprint.options);
  const combinations = axes.reduce((total, [, values]) => total * values.length, 1);
  const target = Math.min(combinations, random.int(MIN_VARIANTS, MAX_VARIANTS));
  const seen = new Set<string>();
  const variants: Record<string, ProductVariant> = {};
  let anyAvailable = false;
  while (seen.size < target) {
    const picks = axes.map(([name, values]) => ({ name, index: random.int(0, values.length - 1), values }));
    const key = picks.map((pick) => pick.index).join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    const multiplier = picks.reduce((product, pick) => product * (1 + (AXIS_SURCHARGE * pick.index) / Math.max(1, pick.values.length - 1)), 1);
    const jitter = 1 + (random.next() * 2 - 1) * PRICE_JITTER;
    const itemId = ids.unique(catalogId);
    const available = !random.chance(UNAVAILABLE_SHARE);
    anyAvailable ||= available;
    variants[itemId] = {
      item_id: itemId,
      options: Object.fromEntries(picks.map((pick) => [pick.name, pick.values[pick.index] ?? ''])),
      available,
      price: roundCents(blueprint.basePrice * multiplier * jitter),
    };
  }
  // Every product type keeps at least one variant on sale, so exchanges always have a target.
  if (!anyAvailable) {
    const first = Object.values(variants)[0];
    if (first) first.available = true;
  }
  return { name: blueprint.name, product_id: ids.unique(catalogId), variants };
}
