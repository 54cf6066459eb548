/**
 * A deep copy of stored data (the in-memory ports, the turn driver): the same isolation as `structuredClone`
 * (callers never share objects with the store), several times cheaper on the plain JSON-shaped
 * records the ports hold (conversations, messages, events). Anything else goes to `structuredClone`.
 */

/**
 * Copies plain objects and arrays recursively (own enumerable keys, `undefined` values kept), dates
 * as new dates; primitives as they are. Other objects (maps, sets, class instances, typed arrays)
 * are copied by `structuredClone`, so the result never shares mutable state with `value`.
 * @throws DOMException `DataCloneError` (from `structuredClone`) for functions or other uncloneable values inside such objects.
 */
export function cloneData<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    // An indexed loop rather than `map` with a callback, and `for…in` rather than `Object.keys`
    // below: this copies every stored record, and each spared allocation counts.
    const items = value as unknown[];
    const copy: unknown[] = [];
    for (let index = 0; index < items.length; index += 1) copy.push(cloneData(items[index]));
    return copy as T;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    const source = value as Record<string, unknown>;
    const copy: Record<string, unknown> = prototype === null ? (Object.create(null) as Record<string, unknown>) : {};
    for (const key in source) {
      if (Object.hasOwn(source, key)) copy[key] = cloneData(source[key]);
    }
    return copy as T;
  }
  if (value instanceof Date) return new Date(value.getTime()) as T;
  return structuredClone(value);
}
