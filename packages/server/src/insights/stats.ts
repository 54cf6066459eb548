/**
 * Small statistics for the console's read models: nearest-rank percentiles and means.
 */

/**
 * The nearest-rank percentile of `values` (unsorted; not modified).
 * @param values - Samples, any order; empty gives 0.
 * @param percent - 0–100 (50 is the median, 95 the p95).
 * @returns The smallest sample with at least `percent` % of the samples at or below it; 0 for no sample.
 * @see https://en.wikipedia.org/wiki/Percentile#The_nearest-rank_method
 * @example percentile([5, 1, 3, 2, 4], 50) // 3
 */
export function percentile(values: readonly number[], percent: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

/** The mean of `values`, or `undefined` for none. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** `part / whole`, 0 when `whole` is 0 (rates of empty windows). */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
