/**
 * Percentile by nearest rank on a copy of `values` (milliseconds in, milliseconds out).
 * @param p - percentile in [0, 100].
 * @returns 0 for an empty list.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/** p50 / p95 / p99 of a list of durations, rounded to 0.001 ms. */
export function latencySummary(values: readonly number[]): { p50: number; p95: number; p99: number } {
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return { p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), p99: round(percentile(values, 99)) };
}
