/**
 * The stores `eval tau-tools` resets before each task: in memory (default, fast) or a SQL
 * database (PGlite or PostgreSQL, exercising the same adapters the desk runs on).
 */
import type { CommerceStore, CommerceChanges, StoreSnapshot, ToolCallLog } from '@switchboard/core';
import { createMemoryToolCallLog } from '@switchboard/core';
import { createMemoryCommerceStore } from '@switchboard/demo-store';
import type { Database } from '@switchboard/stores';

/** What one task runs on. */
export interface TauTaskStore {
  commerce: CommerceStore;
  toolCalls: ToolCallLog;
}

/** A store `eval tau-tools` resets to the τ snapshot before each task. */
export interface TauEvalStore {
  /** `memory`, `pglite` or `postgres`: reported as `store` in the eval report. */
  readonly kind: string;
  /** Replaces the whole commerce store with `snapshot` (a fresh import) and returns the ports for one task. */
  reset(snapshot: StoreSnapshot): Promise<TauTaskStore>;
}

/**
 * The in-memory store of `@switchboard/demo-store` (`createMemoryCommerceStore`), rebuilt from a
 * copy of the snapshot per task, with an in-memory idempotency log. Same compare-and-set semantics
 * as the SQL adapter; about 20 ms per task for the τ store (train, 500 tasks: ~10 s).
 */
export function createMemoryTauStore(): TauEvalStore {
  return {
    kind: 'memory',
    reset: (snapshot) => Promise.resolve({ commerce: createMemoryCommerceStore({ snapshot }), toolCalls: createMemoryToolCallLog() }),
  };
}

/**
 * An open database: `dangerouslyReplaceAll` per task (it deletes the store's users, orders and
 * products — never point it at data you keep) and the database's own idempotency log. Tool-call
 * keys carry a per-run prefix, so runs never collide in the log. In-memory PGlite: about 0.26 s
 * per task (train: ~130 s), dominated by the re-import.
 */
export function createDatabaseTauStore(database: Database): TauEvalStore {
  return {
    kind: database.kind,
    async reset(snapshot) {
      await database.commerce.dangerouslyReplaceAll(snapshot);
      return { commerce: database.commerce, toolCalls: database.toolCalls };
    },
  };
}

/** Ids of the records written through a store, per table. */
export interface WrittenIds {
  users: Set<string>;
  orders: Set<string>;
  products: Set<string>;
}

/** Wraps `commerce` so every id written by `applyChanges` is remembered (the records to compare after a task). */
export function trackWrites(commerce: CommerceStore): { commerce: CommerceStore; written: WrittenIds } {
  const written: WrittenIds = { users: new Set(), orders: new Set(), products: new Set() };
  const tracked: CommerceStore = {
    getUser: (userId) => commerce.getUser(userId),
    findUserIdByEmail: (email) => commerce.findUserIdByEmail(email),
    findUserIdByNameZip: (query) => commerce.findUserIdByNameZip(query),
    getOrder: (orderId) => commerce.getOrder(orderId),
    getProduct: (productId) => commerce.getProduct(productId),
    listProducts: () => commerce.listProducts(),
    listUserIds: (options) => commerce.listUserIds(options),
    counts: () => commerce.counts(),
    dangerouslyReplaceAll: (snapshot) => commerce.dangerouslyReplaceAll(snapshot),
    async applyChanges(changes: CommerceChanges) {
      await commerce.applyChanges(changes);
      for (const { after } of changes.users ?? []) written.users.add(after.user_id);
      for (const { after } of changes.orders ?? []) written.orders.add(after.order_id);
      for (const { after } of changes.products ?? []) written.products.add(after.product_id);
    },
  };
  return { commerce: tracked, written };
}
