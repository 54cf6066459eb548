/**
 * {@link TurnStore} on SQL: the durable turn queue (table `turns`). A queue driver (in-process or
 * BullMQ) only carries turn ids; this table decides who may run a turn, in which order, and
 * whether it already ran. Leases use the database clock (`now()`), so workers with skewed clocks
 * agree on when a claim expired.
 */
import { ConversationSchema, MessageSchema, URGENCIES } from '@switchboard/core';
import type { Conversation, Message, Urgency } from '@switchboard/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { conflict, guard, parseInput, parseStored, toDate } from '../errors.js';
import { turns } from '../schema.js';
import type { RawQuery, SqlDatabase } from '../sql.js';
import { acceptClaimedTurnRow, acceptTurnRow, claimTurnRow, completeTurn, recentMessagesOf } from './turn-statements.js';
import type { TurnCompletion, TurnCompletionResult } from './turn-statements.js';

export type { TurnCompletion, TurnCompletionResult } from './turn-statements.js';

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

/** The lease {@link TurnStore.acceptClaimed} takes, and what the worker read it on. */
export interface TurnAcceptClaim {
  workerId: string;
  /** Lease, in milliseconds. */
  leaseMs: number;
  /** The conversation's version the worker holds. */
  expectedVersion: number;
  /** Id of the conversation's newest message the worker holds (`null`: none). */
  lastMessageId: string | null;
}

/**
 * Outcome of {@link TurnStore.claim}: `claimed` — run it (with the customer's `text`, the
 * `conversation` as stored now, `undefined` when it is gone, and its newest messages as asked
 * for, oldest first, the turn's own customer message included); `blocked` —
 * an earlier turn of the conversation is unfinished; `busy` — another worker holds an unexpired
 * lease; `finished` — it already ran; `missing` — no such turn.
 */
export type TurnClaim =
  | { status: 'claimed'; turn: TurnRecord; text: string; conversation: Conversation | undefined; recentMessages: Message[] }
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
  /**
   * {@link TurnStore.accept} and {@link TurnStore.claim} in one round trip, for a worker that
   * already holds what the turn reads first (the in-process queue keeps it from the
   * conversation's previous turn): the new turn is stored leased to `claim.workerId` (`running`,
   * attempt 1, `baseVersion` = `claim.expectedVersion`) when that read is still current — the
   * conversation's version is `claim.expectedVersion` and its newest message is
   * `claim.lastMessageId` — and no turn of the conversation is unfinished; otherwise it is stored
   * `queued`, exactly as `accept` stores it, for the usual claim.
   * @returns `missing` when the conversation does not exist (nothing stored); otherwise the turn,
   *   `created` (false: an idempotent retry, the earlier turn returned), `claimed` (leased to
   *   `claim.workerId`) and `fresh` (false: the worker's read was stale).
   * @throws SwitchboardError `CONFLICT` when the turn or message id exists.
   */
  acceptClaimed(input: TurnAcceptInput & { claim: TurnAcceptClaim }): Promise<{ status: 'missing' } | { status: 'accepted'; turn: TurnRecord; created: boolean; claimed: boolean; fresh: boolean }>;
  get(turnId: string): Promise<TurnRecord | undefined>;
  /**
   * Leases the turn to `workerId` for `leaseMs` in one conditional update: only a `queued` turn,
   * or a `running` one whose lease expired (its worker died), and only when no earlier turn of
   * the conversation is unfinished. Of concurrent claimers exactly one wins. The first claim
   * records the conversation's version as the turn's `baseVersion`. One round trip when claimed.
   * @param input.recentMessages - Newest messages of the conversation to return with the claim
   *   (the history the turn reads first), 0–1,000. @defaultValue 0
   */
  claim(input: { turnId: string; workerId: string; leaseMs: number; recentMessages?: number }): Promise<TurnClaim>;
  /** Extends the lease of a turn `workerId` still holds. @returns false when it lost the lease. */
  renew(input: { turnId: string; workerId: string; leaseMs: number }): Promise<boolean>;
  /**
   * Writes everything a finished turn produced — its messages, the saved conversation, its audit
   * events, its outcome — in one statement, all or nothing, while `workerId` holds the turn.
   * Messages and events whose id is already stored (a re-run after a crash) are skipped.
   * @returns {@link TurnCompletionResult}: `completed`, `lost` (no longer held; nothing written) or
   *   `conflict` (the conversation's version moved; nothing written).
   * @throws InvalidInputError `INVALID_INPUT` for a record that fails its schema; StoreError `STORE_FAILED` on driver failures.
   */
  complete(input: TurnCompletion): Promise<TurnCompletionResult>;
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

async function selectTurn(db: SqlDatabase, turnId: string): Promise<TurnRecord | undefined> {
  const rows = await db.select().from(turns).where(eq(turns.id, turnId));
  return rows[0] === undefined ? undefined : turnFromRow(rows[0]);
}

type AcceptRow = Parameters<typeof acceptTurnRow>[1];

/** Validates what `accept` stores and shapes it for the accept statements. */
function acceptRow({ turn, message }: TurnAcceptInput): AcceptRow {
  const record = parseInput(MessageSchema, message, 'message');
  const createdAt = toDate(turn.createdAt, 'turn.createdAt').toISOString();
  const messageAt = toDate(record.createdAt, 'message.createdAt').toISOString();
  return {
    turn: { id: turn.id, conversationId: turn.conversationId, priority: turn.priority, priorityRank: rankOf(turn.priority), createdAt, ...(turn.idempotencyKey === undefined ? {} : { idempotencyKey: turn.idempotencyKey }), ...(turn.requestHash === undefined ? {} : { requestHash: turn.requestHash }) },
    message: { ...record, createdAt: messageAt },
  };
}

/** The record of a turn just stored by an accept statement (no read back). */
function acceptedRecord(row: AcceptRow, state: { status: 'queued' } | { status: 'running'; workerId: string; baseVersion: number }): TurnRecord {
  const { turn, message } = row;
  return {
    id: turn.id,
    conversationId: turn.conversationId,
    messageId: message.id,
    status: state.status,
    priority: turn.priority as Urgency,
    attempts: state.status === 'running' ? 1 : 0,
    ...(state.status === 'running' ? { workerId: state.workerId, baseVersion: state.baseVersion } : {}),
    replyIds: [],
    createdAt: turn.createdAt,
    updatedAt: turn.createdAt,
    ...(turn.idempotencyKey === undefined ? {} : { idempotencyKey: turn.idempotencyKey }),
    ...(turn.requestHash === undefined ? {} : { requestHash: turn.requestHash }),
  };
}

/** The turn an idempotent retry refers to. @throws SwitchboardError `CONFLICT` when the ids clashed without a matching key. */
async function earlierTurn(db: SqlDatabase, turn: TurnAcceptInput['turn']): Promise<TurnRecord> {
  const existing = turn.idempotencyKey === undefined ? [] : await db.select().from(turns).where(and(eq(turns.conversationId, turn.conversationId), eq(turns.idempotencyKey, turn.idempotencyKey)));
  if (existing[0] !== undefined) return turnFromRow(existing[0]);
  throw conflict('turn', turn.id);
}

/**
 * Creates the SQL {@link TurnStore}.
 * @param db - A drizzle database from `openDatabase`.
 * @param query - Its driver's raw statements (claim and complete, the per-turn hot path).
 * @returns The store; methods throw `StoreError` (`STORE_FAILED`) on driver failures.
 */
export function createTurnStore(db: SqlDatabase, query: RawQuery): TurnStore {
  return {
    async accept({ turn, message }) {
      const row = acceptRow({ turn, message });
      return guard('turns.accept', async () => {
        // One statement: the message is stored only if the turn is (an idempotent retry stores neither).
        const stored = await acceptTurnRow(query, row);
        if (stored) return { turn: acceptedRecord(row, { status: 'queued' }), created: true };
        return { turn: await earlierTurn(db, turn), created: false };
      });
    },

    async acceptClaimed({ turn, message, claim }) {
      const row = acceptRow({ turn, message });
      return guard('turns.acceptClaimed', async () => {
        const stored = await acceptClaimedTurnRow(query, { ...row, claim });
        if (!stored.found) return { status: 'missing' as const };
        if (stored.status === undefined) return { status: 'accepted' as const, turn: await earlierTurn(db, turn), created: false, claimed: false, fresh: stored.fresh };
        const claimed = stored.status === 'running';
        const record = acceptedRecord(row, claimed ? { status: 'running', workerId: claim.workerId, baseVersion: claim.expectedVersion } : { status: 'queued' });
        return { status: 'accepted' as const, turn: record, created: true, claimed, fresh: stored.fresh };
      });
    },

    get: (turnId) => guard('turns.get', () => selectTurn(db, turnId)),

    claim(input) {
      return guard('turns.claim', async (): Promise<TurnClaim> => {
        const recent = Math.min(1000, Math.max(0, Math.floor(input.recentMessages ?? 0)));
        const claimed = await claimTurnRow(query, { turnId: input.turnId, workerId: input.workerId, leaseMs: input.leaseMs, recentMessages: recent });
        if (claimed !== undefined) {
          const { text, conversationData, conversationVersion, recentMessages, ...row } = claimed;
          const conversation = conversationData === null || conversationVersion === null ? undefined : parseStored(ConversationSchema, { ...(conversationData as object), version: Number(conversationVersion) }, 'conversation');
          return { status: 'claimed', turn: turnFromRow(row), text: text ?? '', conversation, recentMessages: recentMessagesOf(recentMessages) };
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

    complete: (input) => guard('turns.complete', () => completeTurn(query, input)),

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
