/**
 * Idempotency keys for requests the user may retry (`Idempotency-Key`, 1–128 characters).
 * `crypto.randomUUID` exists only in secure contexts (https, localhost); elsewhere the key comes
 * from `crypto.getRandomValues`, which every browser has.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
