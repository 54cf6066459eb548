/**
 * A small seeded pseudo-random number generator for the store generator: mulberry32 (32-bit
 * state, period 2^32) plus the draws the generator needs. Same seed → same sequence, on every
 * platform. Not for anything security-related.
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c (mulberry32)
 */

/** Draws from one seeded stream. Every method advances the stream. */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** `true` with probability `probability` (0–1). */
  chance(probability: number): boolean;
  /** A string of `length` decimal digits; the first is never `0`. */
  digits(length: number): string;
  /** One key of `weights`, with probability proportional to its weight (weights ≥ 0, sum > 0). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** `count` distinct elements of `items` (count ≤ items.length), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/**
 * Creates a mulberry32 stream.
 * @param seed - any integer; it is truncated to 32 bits.
 * @example
 * ```ts
 * const random = createRandom(42);
 * random.int(1, 6); // the same value every run
 * ```
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('pick() needs a non-empty list');
    return item;
  };
  return {
    next,
    int,
    pick,
    chance: (probability) => next() < probability,
    digits(length) {
      let text = String(int(1, 9));
      for (let index = 1; index < length; index += 1) text += String(int(0, 9));
      return text;
    },
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
      const entries = Object.entries(weights) as [K, number][];
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let remaining = next() * total;
      for (const [key, weight] of entries) {
        remaining -= weight;
        if (remaining < 0) return key;
      }
      const last = entries[entries.length - 1];
      if (last === undefined) throw new RangeError('weighted() needs at least one weight');
      return last[0];
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const pool = [...items];
      for (let index = pool.length - 1; index > 0; index -= 1) {
        const swap = int(0, index);
        [pool[index], pool[swap]] = [pool[swap] as T, pool[index] as T];
      }
      return pool.slice(0, count);
    },
  };
}

/** Rounds a dollar amount to cents (two decimals), avoiding binary drift such as 0.1 + 0.2. */
export function roundCents(dollars: number): number {
  return Math.round((dollars + Number.EPSILON) * 100) / 100;
}
