/**
 * {@link CommerceStore} on SQL: the company's users, orders and products in τ-bench shapes.
 */
import { InvalidInputError, OrderSchema, ProductSchema, SwitchboardError, UserSchema } from '@switchboard/core';
import type { CommerceChanges, CommerceStore, Order, Product, RecordChange, StoreSnapshot, User } from '@switchboard/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { guard, parseInput, parseStored, type RecordSchema } from '../errors.js';
import { storeOrders, storeProducts, storeUsers } from '../schema.js';
import type { SqlDatabase } from '../sql.js';

/**
 * Rows per multi-row INSERT. 1,000 rows × at most 6 columns = 6,000 bind parameters, far below
 * PostgreSQL's 65,535; the τ-bench store (500 users, 1,000 orders, 50 products) loads in 3 statements.
 */
const ROWS_PER_INSERT = 1000;

/** Lookup key for emails and names: trimmed and lowercased. */
function lookupKey(value: string): string {
  return value.trim().toLowerCase();
}

function assertKeyedById(options: { entity: string; key: string; id: string }): void {
  if (options.key === options.id) return;
  throw new InvalidInputError('INVALID_INPUT', `A ${options.entity} is keyed by an id other than its own`, {
    details: { entity: options.entity, key: options.key },
  });
}

/** Validates every record of a snapshot and checks that each is keyed by its own id. */
function parseSnapshot(snapshot: StoreSnapshot): { users: User[]; orders: Order[]; products: Product[] } {
  const users = Object.entries(snapshot.users).map(([key, value]) => {
    const user = parseInput(UserSchema, value, 'user');
    assertKeyedById({ entity: 'user', key, id: user.user_id });
    return user;
  });
  const orders = Object.entries(snapshot.orders).map(([key, value]) => {
    const order = parseInput(OrderSchema, value, 'order');
    assertKeyedById({ entity: 'order', key, id: order.order_id });
    return order;
  });
  const products = Object.entries(snapshot.products).map(([key, value]) => {
    const product = parseInput(ProductSchema, value, 'product');
    assertKeyedById({ entity: 'product', key, id: product.product_id });
    return product;
  });
  return { users, orders, products };
}

/** Validates each change's `after` and checks it keeps the record's id. @throws InvalidInputError `INVALID_INPUT`. */
function parseChanges<T>(options: {
  changes: readonly RecordChange<T>[] | undefined;
  schema: RecordSchema<T>;
  entity: string;
  idOf: (record: T) => string;
}): { id: string; before: T; after: T }[] {
  return (options.changes ?? []).map(({ before, after }) => {
    const parsed = parseInput(options.schema, after, options.entity);
    const id = options.idOf(before);
    if (options.idOf(parsed) !== id) {
      throw new InvalidInputError('INVALID_INPUT', `A ${options.entity} change may not change its id`, { details: { entity: options.entity } });
    }
    return { id, before, after: parsed };
  });
}

/** The record changed or vanished since it was read: `CONFLICT`, retryable (read again and redo). */
function staleRecord(table: string): SwitchboardError {
  return new SwitchboardError('CONFLICT', 'A store record changed since it was read', { details: { table }, isRetryable: true });
}

/** The user row's lookup columns and data. */
function userRow(user: User) {
  return {
    email: lookupKey(user.email),
    firstNameLower: lookupKey(user.name.first_name),
    lastNameLower: lookupKey(user.name.last_name),
    zip: user.address.zip.trim(),
    data: user,
  };
}

/** Applies parsed changes in one transaction; each UPDATE is conditional on the stored jsonb equal to `before`. */
async function applyParsedChanges(db: SqlDatabase, changes: CommerceChanges): Promise<void> {
  const users = parseChanges({ changes: changes.users, schema: UserSchema, entity: 'user', idOf: (user) => user.user_id });
  const orders = parseChanges({ changes: changes.orders, schema: OrderSchema, entity: 'order', idOf: (order) => order.order_id });
  const products = parseChanges({ changes: changes.products, schema: ProductSchema, entity: 'product', idOf: (product) => product.product_id });
  const same = (column: typeof storeUsers.data | typeof storeOrders.data | typeof storeProducts.data, before: unknown) => sql`${column} = ${JSON.stringify(before)}::jsonb`;
  await db.transaction(async (tx) => {
    for (const change of users) {
      const rows = await tx.update(storeUsers).set(userRow(change.after)).where(and(eq(storeUsers.id, change.id), same(storeUsers.data, change.before))).returning({ id: storeUsers.id });
      if (rows.length === 0) throw staleRecord('users');
    }
    for (const change of orders) {
      const rows = await tx
        .update(storeOrders)
        .set({ userId: change.after.user_id, data: change.after })
        .where(and(eq(storeOrders.id, change.id), same(storeOrders.data, change.before)))
        .returning({ id: storeOrders.id });
      if (rows.length === 0) throw staleRecord('orders');
    }
    for (const change of products) {
      const rows = await tx.update(storeProducts).set({ data: change.after }).where(and(eq(storeProducts.id, change.id), same(storeProducts.data, change.before))).returning({ id: storeProducts.id });
      if (rows.length === 0) throw staleRecord('products');
    }
  });
}

/** Inserts `rows` with one multi-row INSERT per {@link ROWS_PER_INSERT} rows. */
async function insertInChunks<Table extends PgTable>(options: { db: SqlDatabase; table: Table; rows: readonly PgInsertValue<Table>[] }): Promise<void> {
  const { db, table, rows } = options;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await db.insert(table).values(rows.slice(start, start + ROWS_PER_INSERT));
  }
}

/**
 * Creates the SQL {@link CommerceStore}.
 *
 * Records are stored whole in `data` and validated with core's `UserSchema`, `OrderSchema` and
 * `ProductSchema` on write and read. Email and name lookups are case-insensitive and ignore
 * surrounding spaces; a zip code must match exactly. When several users match, the smallest
 * `user_id` wins, so answers are deterministic.
 *
 * @param db - A drizzle database from {@link openDatabase}.
 * `applyChanges` runs one transaction of conditional UPDATEs (`where data = before::jsonb`; jsonb
 * equality ignores key order), so a concurrent writer makes it fail with `CONFLICT` and change nothing.
 *
 * @returns The store. Methods throw `StoreError` (`STORE_FAILED`) on driver failures;
 *   `dangerouslyReplaceAll` and `applyChanges` throw `InvalidInputError` (`INVALID_INPUT`) for an
 *   invalid record and then change nothing; `applyChanges` throws `CONFLICT` for a stale `before`.
 */
export function createCommerceStore(db: SqlDatabase): CommerceStore {
  return {
    async getUser(userId) {
      const rows = await guard('commerce.getUser', () => db.select({ data: storeUsers.data }).from(storeUsers).where(eq(storeUsers.id, userId)));
      return rows[0] === undefined ? undefined : parseStored(UserSchema, rows[0].data, 'user');
    },

    async findUserIdByEmail(email) {
      const rows = await guard('commerce.findUserIdByEmail', () =>
        db.select({ id: storeUsers.id }).from(storeUsers).where(eq(storeUsers.email, lookupKey(email))).orderBy(asc(storeUsers.id)).limit(1),
      );
      return rows[0]?.id;
    },

    async findUserIdByNameZip(query) {
      const rows = await guard('commerce.findUserIdByNameZip', () =>
        db
          .select({ id: storeUsers.id })
          .from(storeUsers)
          .where(
            and(
              eq(storeUsers.lastNameLower, lookupKey(query.lastName)),
              eq(storeUsers.firstNameLower, lookupKey(query.firstName)),
              eq(storeUsers.zip, query.zip.trim()),
            ),
          )
          .orderBy(asc(storeUsers.id))
          .limit(1),
      );
      return rows[0]?.id;
    },

    async listUserIds(options) {
      const rows = await guard('commerce.listUserIds', () =>
        db.select({ id: storeUsers.id }).from(storeUsers).orderBy(asc(storeUsers.id)).limit(options.limit).offset(options.offset ?? 0),
      );
      return rows.map((row) => row.id);
    },

    async getOrder(orderId) {
      const rows = await guard('commerce.getOrder', () => db.select({ data: storeOrders.data }).from(storeOrders).where(eq(storeOrders.id, orderId)));
      return rows[0] === undefined ? undefined : parseStored(OrderSchema, rows[0].data, 'order');
    },

    async getProduct(productId) {
      const rows = await guard('commerce.getProduct', () =>
        db.select({ data: storeProducts.data }).from(storeProducts).where(eq(storeProducts.id, productId)),
      );
      return rows[0] === undefined ? undefined : parseStored(ProductSchema, rows[0].data, 'product');
    },

    async listProducts() {
      const rows = await guard('commerce.listProducts', () =>
        db.select({ data: storeProducts.data }).from(storeProducts).orderBy(asc(storeProducts.id)),
      );
      return rows.map((row) => parseStored(ProductSchema, row.data, 'product'));
    },

    async applyChanges(changes) {
      await guard('commerce.applyChanges', () => applyParsedChanges(db, changes));
    },

    async dangerouslyReplaceAll(snapshot) {
      const { users, orders, products } = parseSnapshot(snapshot);
      await guard('commerce.dangerouslyReplaceAll', () =>
        db.transaction(async (tx) => {
          await tx.delete(storeOrders);
          await tx.delete(storeUsers);
          await tx.delete(storeProducts);
          const userRows = users.map((user) => ({ id: user.user_id, ...userRow(user) }));
          await insertInChunks({ db: tx, table: storeUsers, rows: userRows });
          const orderRows = orders.map((order) => ({ id: order.order_id, userId: order.user_id, data: order }));
          await insertInChunks({ db: tx, table: storeOrders, rows: orderRows });
          const productRows = products.map((product) => ({ id: product.product_id, data: product }));
          await insertInChunks({ db: tx, table: storeProducts, rows: productRows });
        }),
      );
    },

    async counts() {
      const [users, orders, products] = await guard('commerce.counts', () =>
        Promise.all([db.$count(storeUsers), db.$count(storeOrders), db.$count(storeProducts)]),
      );
      return { users, orders, products };
    },
  };
}
