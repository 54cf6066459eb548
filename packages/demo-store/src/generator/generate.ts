/**
 * The demo store's seeded data generator.
 */
import { InvalidInputError, type Order, type Product, type StoreSnapshot, type User } from '@switchboard/core';
import { CATALOG } from './catalog.js';
import { createIdMinter } from './ids.js';
import { buildOrder } from './orders.js';
import { createRandom } from './prng.js';
import { buildProduct } from './products.js';
import { buildUser } from './users.js';

/** Options of {@link generateStore}. */
export interface GenerateStoreOptions {
  /** PRNG seed (any integer, truncated to 32 bits). @defaultValue 42 */
  seed?: number;
  /** Number of customers, 1–100,000. @defaultValue 500 */
  users?: number;
  /** Number of orders, 0–1,000,000, spread randomly over the customers (some get none). @defaultValue 1000 */
  orders?: number;
}

/** Defaults of {@link generateStore}: the size of τ-bench retail's store. */
export const DEFAULT_STORE_SIZE = Object.freeze({ seed: 42, users: 500, orders: 1000 });

/**
 * Generates the demo company's whole store — 50 product types with variants, customers with
 * payment methods, and their orders — deterministically from a seed: the same options always give
 * the same snapshot, and different seeds give different ones. Records follow τ-bench retail's
 * shapes and id formats and validate against core's `UserSchema`, `OrderSchema` and
 * `ProductSchema`; money is in US dollars with two decimals.
 *
 * Use it to seed a fresh database or tests; to load the real τ-bench store instead, import it from
 * `../shared/data/tau-bench-retail` (the cli's `import tau-retail`).
 *
 * The catalog depends only on `seed`, and customers only on `seed` and `users`, so changing the
 * number of orders keeps products and customers the same.
 *
 * @returns `{ users, orders, products }`, each keyed by its id (`user_id`, `order_id` such as
 *   `#W2611340`, `product_id`); every user's `orders` lists the ids of its orders.
 * @throws InvalidInputError `INVALID_INPUT` when a count is not an integer in range or the seed
 *   is not a finite number.
 * @see ../../../../../shared/data/tau-bench-retail/SOURCE.md (shapes, status mix)
 * @example
 * ```ts
 * const store = generateStore({ seed: 7, users: 50, orders: 100 });
 * Object.keys(store.orders).length; // 100
 * ```
 */
export function generateStore(options: GenerateStoreOptions = {}): StoreSnapshot {
  const seed = options.seed ?? DEFAULT_STORE_SIZE.seed;
  const userCount = options.users ?? DEFAULT_STORE_SIZE.users;
  const orderCount = options.orders ?? DEFAULT_STORE_SIZE.orders;
  if (!Number.isFinite(seed)) throw invalid('seed', 'a finite number');
  if (!Number.isInteger(userCount) || userCount < 1 || userCount > 100_000) throw invalid('users', 'an integer from 1 to 100000');
  if (!Number.isInteger(orderCount) || orderCount < 0 || orderCount > 1_000_000) throw invalid('orders', 'an integer from 0 to 1000000');

  const random = createRandom(seed);
  const ids = createIdMinter(random);

  const productList = CATALOG.map((blueprint) => buildProduct({ blueprint, random, ids }));
  const userList = Array.from({ length: userCount }, () => buildUser({ random, ids }));
  const orders: Record<string, Order> = {};
  for (let index = 0; index < orderCount; index += 1) {
    const user = random.pick(userList);
    const order = buildOrder({ user, products: productList, random, ids });
    orders[order.order_id] = order;
    user.orders.push(order.order_id);
  }

  const products: Record<string, Product> = {};
  for (const product of productList) products[product.product_id] = product;
  const users: Record<string, User> = {};
  for (const user of userList) users[user.user_id] = user;
  return { users, orders, products };
}

function invalid(field: string, expected: string): InvalidInputError {
  return new InvalidInputError('INVALID_INPUT', `generateStore option "${field}" must be ${expected}`, { details: { field } });
}
