/**
 * Feature hashing: strings to bucket ids with 32-bit FNV-1a.
 * @see http://www.isthe.com/chongo/tech/comp/fnv/ (FNV-1a)
 */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a hash of the UTF-16 code units of `value`, as an unsigned integer. */
export function hashString(value: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let index = 0; index < value.length; index += 1) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}
