/**
 * {@link TurnStore} on SQL: the durable turn queue (table `turns`). A queue driver (in-process or
 * BullMQ) only carries turn ids; this table decides who may run a turn, in which order, and
 * whether it already ran. Leases use the database clock (`now()`), so workers with skewed clocks
 * agree on when a claim expired.
 */
import { ConversationSchema, MessageSchema, URGENCIES } from '@switchboard/core';
import type { Conversation, Message, Urgency } from '@switchboard/core';
import { and, asc, eq, getTableColumns, inArray, lt, or, sql } from 'drizzle-orm';
import { conflict, guard, parseInput, parseStored, toDate } from '../errors.js';
import { conversations, messages, turns } from '../schema.js';
import type { SqlDatabase } from '../sql.js';

/** `queued` → `running` (leased by a worker) → `done` | `failed`. */
export type TurnStatus = 'queued' | 'running' | 'done' | 'failed';

/** One accepted customer message and what became of it. Times are ISO 8601. */
export interface TurnRecord {
  id: string;
  conversationId: string;
  /** The customer message this turn processes (stored with the turn, in one transaction). */
  messageId: string;
  status: TurnStatus;
  /** Lane from the fast triage when the message was accepted. */
  priority: Urgency;
  idempotencyKey?: string;
  /** SHA-256 (hex) of the request that created the turn, to refuse a key reused for another body. */
  requestHash?: string;
  /** Claims so far (1 on the first run; more after a worker died or released it). */
  attempts: number;
  workerId?: string;
  leaseExpiresAt?: string;
  /** The conversation's version when the turn first ran; a higher stored version means the turn saved. */
  baseVersion?: number;
  /** `TurnOutcome.outcome` when done. */
  outcome?: string;
  /** Error code when failed. */
  errorCode?: string;
  /** Ids of the messages the turn sent, in order. */
  replyIds: string[];
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

/** What {@link TurnStore.accept} stores: the new turn and its customer message. */
export interface TurnAcceptInput {
  turn: { id: string; conversationId: string; priority: Urgency; createdAt: string; idempotencyKey?: string; requestHash?: string };
  /** The customer's message; `turnId` must be the turn's id. */
  message: Message;
}

/**
 * Outcome of {@link TurnStore.claim}: `claimed` — run it (with the customer's `text` and the
 * `conversation` as stored now, `undefined` when it is gone); `blocked` —
 * an earlier turn of the conversation is unfinished; `busy` — another worker holds an unexpired
 * lease; `finished` — it already ran; `missing` — no such turn.
 */
export type TurnClaim =
  | { status: 'claimed'; turn: TurnRecord; text: string; conversation: Conversation | undefined }
  | { status: 'blocked' }
  | { status: 'busy' }
  | { status: 'finished'; turn: TurnRecord }
  | { status: 'missing' };

/** The durable turn queue. SQL adapter: {@link createTurnStore}. */
export interface TurnStore {
  /**
   * Stores a turn and its customer message in one transaction. With an `idempotencyKey` already
   * used in the conversation, stores nothing and returns the earlier turn (`created: false`).
   * @throws SwitchboardError `CONFLICT` when the turn or message id exists.
   */
  accept(input: TurnAcceptInput): Promise<{ turn: TurnRecord; created: boolean }>;
  get(turnId: string): Promise<TurnRecord | undefined>;
  /**
   * Leases the turn to `workerId` for `leaseMs` in one conditional update: only a `queued` turn,
   * or a `running` one whose lease expired (its worker died), and only when no earlier turn of
   * the conversation is unfinished. Of concurrent claimers exactly one wins. The first claim
   * records the conversation's version as the turn's `baseVersion`.
   */
  claim(input: { turnId: string; workerId: string; leaseMs: number }): Promise<TurnClaim>;
  /** Extends the lease of a turn `workerId` still holds. @returns false when it lost the lease. */
  renew(input: { turnId: string; workerId: string; leaseMs: number }): Promise<boolean>;
  /** Marks a turn `workerId` holds as done or failed. @returns false when it no longer held it. */
  finish(input: { turnId: string; workerId: string; status: 'done' | 'failed'; outcome?: string; errorCode?: string; replyIds: readonly string[] }): Promise<boolean>;
  /** Puts a turn `workerId` holds back in the queue (shutdown, retryable failure). @returns false when it no longer held it. */
  release(input: { turnId: string; workerId: string }): Promise<boolean>;
  /** Queued and running turns, oldest first, at most `limit` (recovery after a restart, sweeps). */
  listUnfinished(options: { limit: number }): Promise<TurnRecord[]>;
  /** Number of queued and running turns (the queue-depth metric). */
  depth(): Promise<{ queued: number; running: number }>;
}

type TurnRow = typeof turns.$inferSelect;

function turnFromRow(row: TurnRow): TurnRecord {
  return {
    id: row.id,
    conversationId: row.conversationId,
    messageId: row.messageId,
    status: row.status as TurnStatus,
    priority: row.priority as Urgency,
    ...(row.idempotencyKey === null ? {} : { idempotencyKey: row.idempotencyKey }),
    ...(row.requestHash === null ? {} : { requestHash: row.requestHash }),
    attempts: row.attempts,
    ...(row.workerId === null ? {} : { workerId: row.workerId }),
    ...(row.leaseExpiresAt === null ? {} : { leaseExpiresAt: row.leaseExpiresAt.toISOString() }),
    ...(row.baseVersion === null ? {} : { baseVersion: row.baseVersion }),
    ...(row.outcome === null ? {} : { outcome: row.outcome }),
    ...(row.errorCode === null ? {} : { errorCode: row.errorCode }),
    replyIds: Array.isArray(row.replyIds) ? row.replyIds.map(String) : [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(row.finishedAt === null ? {} : { finishedAt: row.finishedAt.toISOString() }),
  };
}

/** `urgent` → 0 … `low` → 3, so ascending order is most urgent first. */
const rankOf = (priority: Urgency): number => URGENCIES.length - 1 - URGENCIES.indexOf(priority);
const leaseUntil = (leaseMs: number) => sql`now() + ${leaseMs} * interval '1 millisecond'`;
const UNFINISHED = ['queued', 'running'];

/** The rows of a raw `execute` (node-postgres and PGlite both answer `{ rows }`). */
function rowsOf<Row>(result: unknown): Row[] {
  const rows = (result as { rows?: Row[] }).rows;
  return Array.isArray(rows) ? rows : [];
}

async function selectTurn(db: SqlDatabase, turnId: string): Promise<TurnRecord | undefined> {
  const rows = await db.select().from(turns).where(eq(turns.id, turnId));
  return rows[0] === undefined ? undefined : turnFromRow(rows[0]);
}

/** The conditional lease: queued or expired, and the oldest unfinished turn of its conversation. */
async function tryClaim(db: SqlDatabase, input: { turnId: string; workerId: string; leaseMs: number }): Promise<(TurnRow & { text: string | null; conversationData: unknown; conversationVersion: number | null }) | undefined> {
  const conversationVersion = sql<number | null>`(select ${conversations.version} from ${conversations} where ${conversations.id} = ${turns.conversationId})`;
  const rows = await db
    .update(turns)
    .set({ status: 'running', workerId: input.workerId, attempts: sql`${turns.attempts} + 1`, leaseExpiresAt: leaseUntil(input.leaseMs), baseVersion: sql`coalesce(${turns.baseVersion}, ${conversationVersion})`, updatedAt: sql`now()` })
    .where(
      and(
        eq(turns.id, input.turnId),
        or(eq(turns.status, 'queued'), and(eq(turns.status, 'running'), lt(turns.leaseExpiresAt, sql`now()`))),
        sql`not exists (select 1 from ${turns} as "earlier" where "earlier"."conversation_id" = ${turns.conversationId} and "earlier"."seq" < ${turns.seq} and "earlier"."status" in ('queued', 'running'))`,
      ),
    )
    .returning({
      ...getTableColumns(turns),
      text: sql<string | null>`(select ${messages.text} from ${messages} where ${messages.id} = ${turns.messageId})`,
      conversationData: sql<unknown>`(select ${conversations.data} from ${conversations} where ${conversations.id} = ${turns.conversationId})`,
      conversationVersion,
    });
  return rows[0];
}

/**
 * Creates the SQL {@link TurnStore}.
 * @param db - A drizzle database from `openDatabase`.
 * @returns The store; methods throw `StoreError` (`STORE_FAILED`) on driver failures.
 */
export function createTurnStore(db: SqlDatabase): TurnStore {
  return {
    async accept({ turn, message }) {
      const record = parseInput(MessageSchema, message, 'message');
      const createdAt = toDate(turn.createdAt, 'turn.createdAt');
      const messageAt = toDate(record.createdAt, 'message.createdAt').toISOString();
      return guard('turns.accept', async () => {
        // One statement: the message is stored only if the turn is (an idempotent retry stores neither).
        const stored = rowsOf<{ id: string }>(
          await db.execute(sql`with inserted as (
            insert into ${turns} (id, conversation_id, message_id, status, priority, priority_rank, idempotency_key, request_hash, created_at, updated_at)
            values (${turn.id}, ${turn.conversationId}, ${record.id}, 'queued', ${turn.priority}, ${rankOf(turn.priority)}, ${turn.idempotencyKey ?? null}, ${turn.requestHash ?? null}, ${createdAt.toISOString()}::timestamptz, ${createdAt.toISOString()}::timestamptz)
            on conflict do nothing
            returning id)
          insert into ${messages} (id, conversation_id, role, author, text, turn_id, created_at)
          select ${record.id}, ${record.conversationId}, ${record.role}, ${record.author}, ${record.text}, inserted.id, ${messageAt}::timestamptz from inserted
          returning id`),
        );
        if (stored.length > 0) {
          const accepted: TurnRecord = { id: turn.id, conversationId: turn.conversationId, messageId: record.id, status: 'queued', priority: turn.priority, attempts: 0, replyIds: [], createdAt: createdAt.toISOString(), updatedAt: createdAt.toISOString(), ...(turn.idempotencyKey === undefined ? {} : { idempotencyKey: turn.idempotencyKey }), ...(turn.requestHash === undefined ? {} : { requestHash: turn.requestHash }) };
          return { turn: accepted, created: true };
        }
        const existing = turn.idempotencyKey === undefined ? [] : await db.select().from(turns).where(and(eq(turns.conversationId, turn.conversationId), eq(turns.idempotencyKey, turn.idempotencyKey)));
        if (existing[0] !== undefined) return { turn: turnFromRow(existing[0]), created: false };
        throw conflict('turn', turn.id);
      });
    },

    get: (turnId) => guard('turns.get', () => selectTurn(db, turnId)),

    claim(input) {
      return guard('turns.claim', async (): Promise<TurnClaim> => {
        const claimed = await tryClaim(db, input);
        if (claimed !== undefined) {
          const { text, conversationData, conversationVersion, ...row } = claimed;
          const conversation = conversationData === null || conversationVersion === null ? undefined : parseStored(ConversationSchema, { ...(conversationData as object), version: Number(conversationVersion) }, 'conversation');
          return { status: 'claimed', turn: turnFromRow(row), text: text ?? '', conversation };
        }
        const current = await selectTurn(db, input.turnId);
        if (current === undefined) return { status: 'missing' };
        if (current.status === 'done' || current.status === 'failed') return { status: 'finished', turn: current };
        return current.status === 'running' ? { status: 'busy' } : { status: 'blocked' };
      });
    },

    async renew(input) {
      const rows = await guard('turns.renew', () =>
        db
          .update(turns)
          .set({ leaseExpiresAt: leaseUntil(input.leaseMs), updatedAt: sql`now()` })
          .where(and(eq(turns.id, input.turnId), eq(turns.workerId, input.workerId), eq(turns.status, 'running')))
          .returning({ id: turns.id }),
      );
      return rows.length > 0;
    },

    async finish(input) {
      const rows = await guard('turns.finish', () =>
        db
          .update(turns)
          .set({
            status: input.status,
            outcome: input.outcome ?? null,
            errorCode: input.errorCode ?? null,
            replyIds: [...input.replyIds],
            leaseExpiresAt: null,
            updatedAt: sql`now()`,
            finishedAt: sql`now()`,
          })
          .where(and(eq(turns.id, input.turnId), eq(turns.workerId, input.workerId), eq(turns.status, 'running')))
          .returning({ id: turns.id }),
      );
      return rows.length > 0;
    },

    async release(input) {
      const rows = await guard('turns.release', () =>
        db
          .update(turns)
          .set({ status: 'queued', workerId: null, leaseExpiresAt: null, updatedAt: sql`now()` })
          .where(and(eq(turns.id, input.turnId), eq(turns.workerId, input.workerId), eq(turns.status, 'running')))
          .returning({ id: turns.id }),
      );
      return rows.length > 0;
    },

    async listUnfinished(options) {
      const rows = await guard('turns.listUnfinished', () => db.select().from(turns).where(inArray(turns.status, UNFINISHED)).orderBy(asc(turns.seq)).limit(options.limit));
      return rows.map(turnFromRow);
    },

    async depth() {
      const rows = await guard('turns.depth', () =>
        db.select({ status: turns.status, count: sql<number>`count(*)::int` }).from(turns).where(inArray(turns.status, UNFINISHED)).groupBy(turns.status),
      );
      const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0);
      return { queued: count('queued'), running: count('running') };
    },
  };
}
