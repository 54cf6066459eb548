/**
 * Canonical JSON: `JSON.stringify` with object keys sorted at every depth, so two values that are
 * deep-equal (key order ignored) give the same string. Used to compare tool arguments under one
 * idempotency key and stored records in compare-and-set writes.
 */

/** Recursively sorts object keys; arrays keep their order; `undefined` object fields are dropped (as JSON does). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((entry) => sortKeys(entry));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => [key, sortKeys(record[key])]),
    );
  }
  return value;
}

/**
 * The canonical JSON text of `value`: keys sorted, no whitespace.
 * Not for values with cycles, `bigint`s or class instances other than plain objects and arrays.
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}
