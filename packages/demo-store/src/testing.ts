/**
 * Test doubles for the demo store: an in-memory {@link CommerceStore} (also the fast store of
 * `eval tau-tools`).
 */
import { canonicalJson, InvalidInputError, OrderSchema, ProductSchema, SwitchboardError, UserSchema } from '@switchboard/core';
import type { CommerceChanges, CommerceStore, Order, Product, RecordChange, StoreSnapshot, User } from '@switchboard/core';
import type { z } from 'zod';

/** How one kind of record is validated and keyed. */
interface RecordKind<T> {
  entity: 'user' | 'order' | 'product';
  table: 'users' | 'orders' | 'products';
  schema: z.ZodType<T>;
  idOf: (record: T) => string;
}

const USERS: RecordKind<User> = { entity: 'user', table: 'users', schema: UserSchema, idOf: (user) => user.user_id };
const ORDERS: RecordKind<Order> = { entity: 'order', table: 'orders', schema: OrderSchema, idOf: (order) => order.order_id };
const PRODUCTS: RecordKind<Product> = { entity: 'product', table: 'products', schema: ProductSchema, idOf: (product) => product.product_id };

/** Validates each change's `after` (same id as `before`); returns the parsed records. @throws InvalidInputError `INVALID_INPUT`. */
function parseChanges<T>(kind: RecordKind<T>, changes: readonly RecordChange<T>[] | undefined): { id: string; before: T; after: T }[] {
  return (changes ?? []).map(({ before, after }) => {
    const parsed = kind.schema.safeParse(after);
    if (!parsed.success) throw new InvalidInputError('INVALID_INPUT', `Invalid ${kind.entity}`, { details: { entity: kind.entity } });
    const id = kind.idOf(before);
    if (kind.idOf(parsed.data) !== id) throw new InvalidInputError('INVALID_INPUT', `A ${kind.entity} change may not change its id`, { details: { entity: kind.entity } });
    return { id, before, after: parsed.data };
  });
}

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
 * `applyChanges` is the same compare-and-set as the SQL adapter: `CONFLICT` (retryable) when a
 * `before` differs from the stored record, `INVALID_INPUT` for an invalid `after`; all or nothing.
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
    applyChanges(changes: CommerceChanges) {
      const planned = [
        ...parseChanges(USERS, changes.users).map((change) => ({ ...change, table: USERS.table })),
        ...parseChanges(ORDERS, changes.orders).map((change) => ({ ...change, table: ORDERS.table })),
        ...parseChanges(PRODUCTS, changes.products).map((change) => ({ ...change, table: PRODUCTS.table })),
      ];
      for (const change of planned) {
        const records: Record<string, unknown> = data[change.table];
        const stored = own(records, change.id);
        if (stored === undefined || canonicalJson(stored) !== canonicalJson(change.before)) {
          return Promise.reject(new SwitchboardError('CONFLICT', 'A store record changed since it was read', { details: { table: change.table }, isRetryable: true }));
        }
      }
      for (const change of planned) (data[change.table] as Record<string, unknown>)[change.id] = structuredClone(change.after);
      return Promise.resolve();
    },
    dangerouslyReplaceAll(snapshot) {
      data = structuredClone(snapshot);
      return Promise.resolve();
    },
    counts: () =>
      Promise.resolve({ users: Object.keys(data.users).length, orders: Object.keys(data.orders).length, products: Object.keys(data.products).length }),
  };
}
