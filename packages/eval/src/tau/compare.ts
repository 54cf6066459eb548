/**
 * Field-by-field comparison of JSON values, for end states and tool observations. Numbers compare
 * exactly (τ's unrounded sums such as 142.31999999999994 must match to the last bit).
 */

/** One difference: a JSON path (`payment_history.1.amount`, empty for the root) and both values (absent ones are `undefined`). */
export interface FieldDiff {
  path: string;
  expected: unknown;
  actual: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function walk(options: { expected: unknown; actual: unknown; path: string; out: FieldDiff[] }): void {
  const { expected, actual, path, out } = options;
  const join = (key: string | number): string => (path === '' ? String(key) : `${path}.${key}`);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.max(expected.length, actual.length);
    for (let index = 0; index < length; index += 1) walk({ expected: expected[index], actual: actual[index], path: join(index), out });
    return;
  }
  if (isRecord(expected) && isRecord(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) walk({ expected: expected[key], actual: actual[key], path: join(key), out });
    return;
  }
  if (expected !== actual) out.push({ path, expected, actual });
}

/**
 * The differences between `expected` and `actual`, in path order; empty when they are equal
 * (object key order ignored, array order kept, numbers compared with `===`).
 * @param limit - Most differences returned. @defaultValue 20
 */
export function diffJson(expected: unknown, actual: unknown, limit = 20): FieldDiff[] {
  const out: FieldDiff[] = [];
  walk({ expected, actual, path: '', out });
  return out.slice(0, limit);
}
