/**
 * A small seeded pseudo-random generator, so training is reproducible given a seed.
 * @see https://gist.github.com/tommyettinger/46a874533244883189143505d203312c (Mulberry32)
 */

/** Returns a generator of floats in [0, 1), fully determined by `seed` (any 32-bit integer). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `items` in place (Fisher–Yates) with `random`, and returns it. */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const value = items[index] as T;
    items[index] = items[other] as T;
    items[other] = value;
  }
  return items;
}
