/**
 * Test doubles for the demo store: an in-memory {@link CommerceStore}.
 */
import type { CommerceStore, Order, Product, StoreSnapshot, User } from '@switchboard/core';

/** Options of {@link createMemoryCommerceStore}. */
export interface MemoryCommerceStoreOptions {
  /** Initial records; copied, so later changes to the caller's object do not leak in. @defaultValue an empty store */
  snapshot?: StoreSnapshot;
}

/**
 * An in-memory {@link CommerceStore} over a {@link StoreSnapshot}, for tests and offline demos.
 * Not for production: nothing is persisted; use the PGlite or PostgreSQL stores instead.
 *
 * Lookups behave like the database adapters should: `findUserIdByEmail` ignores case and
 * surrounding spaces; `findUserIdByNameZip` ignores case of the names and matches the zip
 * exactly. Every read returns a copy, so callers cannot change the stored records.
 *
 * @example
 * ```ts
 * const commerce = createMemoryCommerceStore({ snapshot: generateStore({ users: 20, orders: 40 }) });
 * await commerce.counts(); // { users: 20, orders: 40, products: 50 }
 * ```
 */
export function createMemoryCommerceStore(options: MemoryCommerceStoreOptions = {}): CommerceStore {
  let data: StoreSnapshot = structuredClone(options.snapshot ?? { users: {}, orders: {}, products: {} });
  const copy = <T>(record: T | undefined): T | undefined => (record === undefined ? undefined : structuredClone(record));
  const own = <T>(records: Record<string, T>, id: string): T | undefined => (Object.hasOwn(records, id) ? records[id] : undefined);
  const users = (): User[] => Object.values(data.users);

  return {
    getUser: (userId) => Promise.resolve(copy(own(data.users, userId))),
    listUserIds(options) {
      const ids = users().map((user) => user.user_id).sort();
      const offset = options.offset ?? 0;
      return Promise.resolve(ids.slice(offset, offset + options.limit));
    },
    findUserIdByEmail(email) {
      const wanted = email.trim().toLowerCase();
      return Promise.resolve(users().find((user) => user.email.toLowerCase() === wanted)?.user_id);
    },
    findUserIdByNameZip(query) {
      const first = query.firstName.trim().toLowerCase();
      const last = query.lastName.trim().toLowerCase();
      const zip = query.zip.trim();
      const match = users().find(
        (user) => user.name.first_name.toLowerCase() === first && user.name.last_name.toLowerCase() === last && user.address.zip === zip,
      );
      return Promise.resolve(match?.user_id);
    },
    getOrder: (orderId): Promise<Order | undefined> => Promise.resolve(copy(own(data.orders, orderId))),
    getProduct: (productId): Promise<Product | undefined> => Promise.resolve(copy(own(data.products, productId))),
    listProducts: () => Promise.resolve(structuredClone(Object.values(data.products))),
    dangerouslyReplaceAll(snapshot) {
      data = structuredClone(snapshot);
      return Promise.resolve();
    },
    counts: () =>
      Promise.resolve({ users: Object.keys(data.users).length, orders: Object.keys(data.orders).length, products: Object.keys(data.products).length }),
  };
}
