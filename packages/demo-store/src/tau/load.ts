/**
 * Loading the τ-bench retail store (users.json, orders.json, products.json) into a
 * {@link StoreSnapshot}, for `switchboard import tau-retail` and `eval tau-tools`.
 * @see ../../../../../shared/data/tau-bench-retail/SOURCE.md (shapes and origin)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError, OrderSchema, ProductSchema, UserSchema, type StoreSnapshot } from '@switchboard/core';
import type { z } from 'zod';

/** The three files a τ-bench retail store directory holds. */
export const TAU_RETAIL_FILES = Object.freeze({ users: 'users.json', orders: 'orders.json', products: 'products.json' } as const);

/**
 * Reads and parses one JSON file of `directory`.
 * @throws InvalidInputError `DATA_MISSING` when it cannot be read; `INVALID_INPUT` when it is not JSON.
 */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError('DATA_MISSING', `Cannot read ${path}`, { cause: error, details: { path } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidInputError('INVALID_INPUT', `${path} is not valid JSON`, { cause: error, details: { path } });
  }
}

/** Parses every record of a keyed file with `schema`, checking the key is the record's id. */
function parseKeyed<T>(options: { records: unknown; file: string; schema: z.ZodType<T>; idOf: (record: T) => string; prepare?: (key: string, value: unknown) => unknown }): Record<string, T> {
  const { records, file } = options;
  if (records === null || typeof records !== 'object' || Array.isArray(records)) {
    throw new InvalidInputError('INVALID_INPUT', `${file} must be an object keyed by id`, { details: { file } });
  }
  const parsed: Record<string, T> = {};
  for (const [key, value] of Object.entries(records)) {
    const result = options.schema.safeParse(options.prepare ? options.prepare(key, value) : value);
    if (!result.success) {
      const fields = result.error.issues.map((issue) => issue.path.join('.') || '(root)');
      throw new InvalidInputError('INVALID_INPUT', `${file}: record ${key} does not match its schema`, { details: { file, key, fields } });
    }
    if (options.idOf(result.data) !== key) throw new InvalidInputError('INVALID_INPUT', `${file}: record ${key} carries another id`, { details: { file, key } });
    parsed[key] = result.data;
  }
  return parsed;
}

/**
 * Loads a τ-bench retail store directory as a {@link StoreSnapshot}. τ user records have no
 * `user_id` field; it is added from each record's key. Records are validated with core's
 * `UserSchema`, `OrderSchema` and `ProductSchema`; orders keep their extra fields (`cancel_reason`,
 * `exchange_*`, `return_*`). Money stays in dollars as in the files.
 *
 * Use it to import the τ store (`database.commerce.dangerouslyReplaceAll(loadTauRetailStore(dir))`)
 * or to evaluate tools against it; the desk's own demo store comes from `generateStore` instead.
 *
 * @param directory - Holds users.json, orders.json and products.json (for example
 *   `../shared/data/tau-bench-retail`).
 * @returns The snapshot: 500 users, 1,000 orders, 50 products for the published store.
 * @throws InvalidInputError `DATA_MISSING` when a file is missing or unreadable; `INVALID_INPUT`
 *   when a file is not JSON, a record does not match its schema or is keyed by another id.
 * @example
 * ```ts
 * const snapshot = loadTauRetailStore('../shared/data/tau-bench-retail');
 * Object.keys(snapshot.orders).length; // 1000
 * ```
 */
export function loadTauRetailStore(directory: string): StoreSnapshot {
  const read = (file: string): unknown => readJsonFile(join(directory, file));
  const users = parseKeyed({
    records: read(TAU_RETAIL_FILES.users),
    file: TAU_RETAIL_FILES.users,
    schema: UserSchema,
    idOf: (user) => user.user_id,
    prepare: (key, value) => (value !== null && typeof value === 'object' ? { ...value, user_id: key } : value),
  });
  const orders = parseKeyed({ records: read(TAU_RETAIL_FILES.orders), file: TAU_RETAIL_FILES.orders, schema: OrderSchema, idOf: (order) => order.order_id });
  const products = parseKeyed({ records: read(TAU_RETAIL_FILES.products), file: TAU_RETAIL_FILES.products, schema: ProductSchema, idOf: (product) => product.product_id });
  return { users, orders, products };
}
