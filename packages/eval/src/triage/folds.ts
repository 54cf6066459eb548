/**
 * Seeded stratified K-fold assignment for cross-validating the triage classifier.
 */
import { InvalidInputError } from '@switchboard/core';

/** Deterministic 32-bit PRNG (mulberry32); returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Assigns every row to one of `folds` folds, stratified by label: each label's rows are shuffled
 * (seeded) and dealt round-robin, continuing from where the previous label stopped, so every fold
 * gets `⌊count/folds⌋` or `⌈count/folds⌉` rows of each label and fold sizes differ by at most 1.
 *
 * @param input.labels - Label per row.
 * @param input.folds - Number of folds, 2 ≤ folds ≤ rows.
 * @param input.seed - Shuffle seed; same seed and labels → same folds.
 * @returns Fold index (0 … folds − 1) per row, same order as `labels`.
 * @throws InvalidInputError `INVALID_INPUT` when `folds` is not an integer in [2, rows].
 * @example
 * ```ts
 * stratifiedFolds({ labels: ['a', 'a', 'b', 'b'], folds: 2, seed: 1 }); // e.g. [1, 0, 0, 1]
 * ```
 */
export function stratifiedFolds(input: { labels: readonly string[]; folds: number; seed: number }): number[] {
  const { labels, folds } = input;
  if (!Number.isInteger(folds) || folds < 2 || folds > labels.length) {
    throw new InvalidInputError('INVALID_INPUT', `Cross-validation needs 2 ≤ folds ≤ rows (got ${folds} folds for ${labels.length} rows)`, { details: { folds, rows: labels.length } });
  }
  const random = seededRandom(input.seed);
  const byLabel = new Map<string, number[]>();
  for (const [row, label] of labels.entries()) {
    const rows = byLabel.get(label);
    if (rows) rows.push(row);
    else byLabel.set(label, [row]);
  }
  const assignment = new Array<number>(labels.length).fill(0);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const rows = byLabel.get(label) as number[];
    for (let position = rows.length - 1; position > 0; position -= 1) {
      const swap = Math.floor(random() * (position + 1));
      [rows[position], rows[swap]] = [rows[swap] as number, rows[position] as number];
    }
    for (const row of rows) {
      assignment[row] = next;
      next = (next + 1) % folds;
    }
  }
  return assignment;
}
