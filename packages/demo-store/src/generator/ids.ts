/**
 * Unique id minting for the generator, in τ-bench formats: 10-digit product and item ids,
 * `#W` + 7-digit order ids, 12-digit tracking ids, `<source>_<7 digits>` payment method ids.
 */
import type { Random } from './prng.js';

/** Mints ids from one stream and never returns the same id twice (across all kinds). */
export interface IdMinter {
  /** A fresh id built by `make` (called again on collision). */
  unique(make: (random: Random) => string): string;
}

/** Creates a minter drawing from `random`. */
export function createIdMinter(random: Random): IdMinter {
  const used = new Set<string>();
  return {
    unique(make) {
      for (;;) {
        const id = make(random);
        if (!used.has(id)) {
          used.add(id);
          return id;
        }
      }
    },
  };
}

/** A 10-digit product or item id ("6086499569"). */
export const catalogId = (random: Random): string => random.digits(10);

/** An order id: `#W` and 7 digits ("#W2611340"). */
export const orderId = (random: Random): string => `#W${random.digits(7)}`;

/** A 12-digit carrier tracking id. */
export const trackingId = (random: Random): string => random.digits(12);
