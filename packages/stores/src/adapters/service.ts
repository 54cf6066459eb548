/**
 * Storage of the service platform besides turns: operator API keys (hashed), CSAT feedback, and
 * settings shared by every node (the customer-token secret).
 */
import { InvalidInputError } from '@switchboard/core';
import { and, asc, avg, count, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { conflict, guard, toDate } from '../errors.js';
import { feedback, meta, operatorKeys } from '../schema.js';
import type { SqlDatabase } from '../sql.js';

/** An operator API key as stored: never the key, only its SHA-256. Times are ISO 8601. */
export interface OperatorKeyRecord {
  id: string;
  /** The operator the key acts as. */
  name: string;
  /** SHA-256 of the key, hex. */
  keyHash: string;
  createdAt: string;
  revokedAt?: string;
}

/** Operator API keys. SQL adapter: {@link createOperatorKeyStore}. */
export interface OperatorKeyStore {
  /** @throws SwitchboardError `CONFLICT` when the id or hash exists. */
  create(record: Omit<OperatorKeyRecord, 'revokedAt'>): Promise<void>;
  /** The key with this hash, revoked or not. */
  findByHash(keyHash: string): Promise<OperatorKeyRecord | undefined>;
  /** Every key, oldest first. */
  list(): Promise<OperatorKeyRecord[]>;
  /** Revokes a key. @returns false when no unrevoked key has this id. */
  revoke(input: { id: string; at: string }): Promise<boolean>;
}

/** A customer's satisfaction rating of a conversation. */
export interface FeedbackRecord {
  conversationId: string;
  /** 1 (very unsatisfied) … 5 (very satisfied). */
  rating: number;
  comment?: string;
  createdAt: string;
  updatedAt: string;
}

/** CSAT feedback, one (latest) rating per conversation. SQL adapter: {@link createFeedbackStore}. */
export interface FeedbackStore {
  /** Stores the rating, replacing an earlier one of the conversation (`createdAt` is kept). */
  upsert(input: { conversationId: string; rating: number; comment?: string; at: string }): Promise<FeedbackRecord>;
  get(conversationId: string): Promise<FeedbackRecord | undefined>;
  /** Count and mean rating over every conversation (`average` is 0 when there is none). */
  summary(): Promise<{ count: number; average: number }>;
  /**
   * Ratings given or changed at or after `since` (ISO 8601), oldest `updatedAt` first; the newest
   * `limit` when more match (dashboards and the CSAT alert).
   * @throws InvalidInputError `INVALID_INPUT` for an unreadable time or a limit below 1.
   */
  listSince(query: { since: string; limit: number }): Promise<FeedbackRecord[]>;
}

/** Small settings every node shares. SQL adapter: {@link createSettingsStore}. */
export interface SettingsStore {
  /** The stored value of `key`; stores `initial` first when there is none (the first caller wins). */
  getOrInit(key: string, initial: string): Promise<string>;
}

type KeyRow = typeof operatorKeys.$inferSelect;
const keyFromRow = (row: KeyRow): OperatorKeyRecord => ({
  id: row.id,
  name: row.name,
  keyHash: row.keyHash,
  createdAt: row.createdAt.toISOString(),
  ...(row.revokedAt === null ? {} : { revokedAt: row.revokedAt.toISOString() }),
});

/** Creates the SQL {@link OperatorKeyStore}. Methods throw `StoreError` (`STORE_FAILED`) on driver failures. */
export function createOperatorKeyStore(db: SqlDatabase): OperatorKeyStore {
  return {
    async create(record) {
      const inserted = await guard('operatorKeys.create', () =>
        db.insert(operatorKeys).values({ id: record.id, name: record.name, keyHash: record.keyHash, createdAt: toDate(record.createdAt, 'createdAt') }).onConflictDoNothing().returning({ id: operatorKeys.id }),
      );
      if (inserted.length === 0) throw conflict('operator key', record.id);
    },
    async findByHash(keyHash) {
      const rows = await guard('operatorKeys.findByHash', () => db.select().from(operatorKeys).where(eq(operatorKeys.keyHash, keyHash)));
      return rows[0] === undefined ? undefined : keyFromRow(rows[0]);
    },
    async list() {
      const rows = await guard('operatorKeys.list', () => db.select().from(operatorKeys).orderBy(asc(operatorKeys.createdAt), asc(operatorKeys.id)));
      return rows.map(keyFromRow);
    },
    async revoke(input) {
      const rows = await guard('operatorKeys.revoke', () =>
        db.update(operatorKeys).set({ revokedAt: toDate(input.at, 'at') }).where(and(eq(operatorKeys.id, input.id), isNull(operatorKeys.revokedAt))).returning({ id: operatorKeys.id }),
      );
      return rows.length > 0;
    },
  };
}

type FeedbackRow = typeof feedback.$inferSelect;
const feedbackFromRow = (row: FeedbackRow): FeedbackRecord => ({
  conversationId: row.conversationId,
  rating: row.rating,
  ...(row.comment === null ? {} : { comment: row.comment }),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Creates the SQL {@link FeedbackStore}. Methods throw `StoreError` (`STORE_FAILED`) on driver failures. */
export function createFeedbackStore(db: SqlDatabase): FeedbackStore {
  return {
    async upsert(input) {
      const at = toDate(input.at, 'at');
      const rows = await guard('feedback.upsert', () =>
        db
          .insert(feedback)
          .values({ conversationId: input.conversationId, rating: input.rating, comment: input.comment ?? null, createdAt: at, updatedAt: at })
          .onConflictDoUpdate({ target: feedback.conversationId, set: { rating: input.rating, comment: input.comment ?? null, updatedAt: at } })
          .returning(),
      );
      const row = rows[0];
      if (row === undefined) throw conflict('feedback', input.conversationId);
      return feedbackFromRow(row);
    },
    async get(conversationId) {
      const rows = await guard('feedback.get', () => db.select().from(feedback).where(eq(feedback.conversationId, conversationId)));
      return rows[0] === undefined ? undefined : feedbackFromRow(rows[0]);
    },
    async summary() {
      const rows = await guard('feedback.summary', () => db.select({ count: count(), average: avg(feedback.rating) }).from(feedback));
      return { count: Number(rows[0]?.count ?? 0), average: Number(rows[0]?.average ?? 0) };
    },
    async listSince(query) {
      if (!Number.isInteger(query.limit) || query.limit < 1) throw new InvalidInputError('INVALID_INPUT', 'limit must be an integer ≥ 1', { details: { field: 'limit' } });
      const since = toDate(query.since, 'since');
      const rows = await guard('feedback.listSince', () =>
        db.select().from(feedback).where(gte(feedback.updatedAt, since)).orderBy(desc(feedback.updatedAt), desc(feedback.conversationId)).limit(query.limit),
      );
      return rows.reverse().map(feedbackFromRow);
    },
  };
}

/** Creates the SQL {@link SettingsStore} on the `meta` table. */
export function createSettingsStore(db: SqlDatabase): SettingsStore {
  return {
    getOrInit(key, initial) {
      return guard('settings.getOrInit', async () => {
        await db.insert(meta).values({ key, value: initial }).onConflictDoNothing();
        const rows = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, key));
        return rows[0]?.value ?? initial;
      });
    },
  };
}

/** A cheap round trip to the database, for readiness probes. */
export async function pingDatabase(db: SqlDatabase): Promise<void> {
  await guard('database.ping', () => db.execute(sql`select 1`));
}
