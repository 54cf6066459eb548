/**
 * The three statements every queued turn runs — accepting its message, claiming it and
 * completing it — as raw SQL sent once each per turn ({@link RawQuery}: prepared once per
 * connection on PostgreSQL). Profiles of `switchboard bench load` showed the per-call drizzle
 * query building and the round trips of the separate writes (reply, conversation, audit events,
 * turn outcome) as the largest costs a turn adds around the engine; see docs/benchmarks.md "Load".
 */
import { AgentEventSchema, ConversationSchema, MessageSchema } from '@switchboard/core';
import type { AgentEvent, Conversation, Message } from '@switchboard/core';
import { parseInput, parseStored, toDate } from '../errors.js';
import type { turns } from '../schema.js';
import type { RawQuery } from '../sql.js';

/**
 * Stores a new turn and its customer message in one statement: the message only if the turn was
 * inserted (an idempotent retry — same turn id or same `(conversation, idempotency key)` — stores
 * neither). Returns the message id when both were stored, no row otherwise.
 */
const ACCEPT_SQL = `with inserted as (
  insert into turns (id, conversation_id, message_id, status, priority, priority_rank, idempotency_key, request_hash, created_at, updated_at)
  values ($1, $2, $3, 'queued', $4, $5::int, $6, $7, $8::timestamptz, $8::timestamptz)
  on conflict do nothing
  returning id)
insert into messages (id, conversation_id, role, author, text, turn_id, created_at)
select $3, $9, $10, $11, $12, inserted.id, $13::timestamptz from inserted
returning id`;

/**
 * Runs the accept statement.
 * @param input.turn - The new turn; `createdAt` is ISO 8601 (also its `updated_at`); `priorityRank` orders the lanes (0 = most urgent).
 * @param input.message - The customer message, already validated; `createdAt` ISO 8601.
 * @returns true when the turn and the message were stored, false when the turn id or its idempotency key existed.
 */
export async function acceptTurnRow(query: RawQuery, input: { turn: { id: string; conversationId: string; priority: string; priorityRank: number; idempotencyKey?: string; requestHash?: string; createdAt: string }; message: Message }): Promise<boolean> {
  const { turn, message } = input;
  const values = [turn.id, turn.conversationId, message.id, turn.priority, turn.priorityRank, turn.idempotencyKey ?? null, turn.requestHash ?? null, turn.createdAt, message.conversationId, message.role, message.author, message.text, message.createdAt];
  const rows = await query<{ id: string }>({ name: 'switchboard_turn_accept_v1', text: ACCEPT_SQL, values });
  return rows.length > 0;
}

/**
 * Accepts a turn already leased to its worker, in one statement, when what the worker read of the
 * conversation is still current: the conversation's version is `$15` and its newest message is
 * `$16`, and no turn of it is unfinished. Otherwise the turn is stored `queued` as by
 * {@link acceptTurnRow}. Returns the stored turn's status and whether the read was current; no
 * row when nothing was stored (the conversation is gone, or the turn id or idempotency key
 * existed).
 */
const ACCEPT_CLAIMED_SQL = `with conv as (
  select c.version from conversations c where c.id = $2
), state as (
  select (select version from conv) = $15::int
      and (select m.id from messages m where m.conversation_id = $2 order by m.seq desc limit 1) is not distinct from $16::text as fresh,
    not exists (select 1 from turns u where u.conversation_id = $2 and u.status in ('queued', 'running')) as free
  where exists (select 1 from conv)
), inserted as (
  insert into turns (id, conversation_id, message_id, status, priority, priority_rank, idempotency_key, request_hash, attempts, worker_id, lease_expires_at, base_version, created_at, updated_at)
  select $1, $2, $3, case when s.fresh and s.free then 'running' else 'queued' end, $4, $5::int, $6, $7,
    case when s.fresh and s.free then 1 else 0 end,
    case when s.fresh and s.free then $14 end,
    case when s.fresh and s.free then now() + $17::int * interval '1 millisecond' end,
    case when s.fresh and s.free then $15::int end,
    $8::timestamptz, $8::timestamptz
  from state s
  on conflict do nothing
  returning id, status
), message as (
  insert into messages (id, conversation_id, role, author, text, turn_id, created_at)
  select $3, $9, $10, $11, $12, inserted.id, $13::timestamptz from inserted
  returning id
)
select (select status from inserted) as status, (select fresh from state) as fresh, exists (select 1 from message) as stored, exists (select 1 from conv) as found`;

/**
 * Runs the accept-and-claim statement.
 * @param input.claim - The worker taking the turn, its lease (milliseconds), and what it read of
 *   the conversation: `expectedVersion` and the id of the newest message (`null`: none).
 * @returns `status` of the stored turn (`running`: leased to `claim.workerId`; `queued`), or
 *   `undefined` when nothing was stored; `fresh` false when the read was stale; `found` false when
 *   the conversation does not exist.
 */
export async function acceptClaimedTurnRow(
  query: RawQuery,
  input: Parameters<typeof acceptTurnRow>[1] & { claim: { workerId: string; leaseMs: number; expectedVersion: number; lastMessageId: string | null } },
): Promise<{ status: 'running' | 'queued' | undefined; fresh: boolean; found: boolean }> {
  const { turn, message, claim } = input;
  const values = [turn.id, turn.conversationId, message.id, turn.priority, turn.priorityRank, turn.idempotencyKey ?? null, turn.requestHash ?? null, turn.createdAt, message.conversationId, message.role, message.author, message.text, message.createdAt, claim.workerId, claim.expectedVersion, claim.lastMessageId, Math.round(claim.leaseMs)];
  const rows = await query<{ status: string | null; fresh: boolean | null; stored: boolean; found: boolean }>({ name: 'switchboard_turn_accept_claimed_v1', text: ACCEPT_CLAIMED_SQL, values });
  const row = rows[0];
  const status = row?.stored === true && (row.status === 'running' || row.status === 'queued') ? row.status : undefined;
  return { status, fresh: row?.fresh === true, found: row?.found === true };
}

/** A claimed row: the turn's columns (camelCase, as drizzle reads them) and what the turn reads first. */
export type ClaimedTurnRow = typeof turns.$inferSelect & { text: string | null; conversationData: unknown; conversationVersion: number | null; recentMessages: unknown };

/**
 * The conditional lease in one statement: queued or expired, and the oldest unfinished turn of
 * its conversation. Returns the customer's text, the conversation as stored now and its newest
 * `$4` messages (oldest first), so the turn's first reads need no further round trip.
 */
const CLAIM_SQL = `update turns t set status = 'running', worker_id = $2, attempts = t.attempts + 1,
  lease_expires_at = now() + $3::int * interval '1 millisecond',
  base_version = coalesce(t.base_version, (select c.version from conversations c where c.id = t.conversation_id)),
  updated_at = now()
where t.id = $1
  and (t.status = 'queued' or (t.status = 'running' and t.lease_expires_at < now()))
  and not exists (select 1 from turns earlier where earlier.conversation_id = t.conversation_id and earlier.seq < t.seq and earlier.status in ('queued', 'running'))
returning t.id, t.conversation_id as "conversationId", t.message_id as "messageId", t.status, t.priority, t.priority_rank as "priorityRank",
  t.idempotency_key as "idempotencyKey", t.request_hash as "requestHash", t.attempts, t.worker_id as "workerId", t.lease_expires_at as "leaseExpiresAt",
  t.base_version as "baseVersion", t.outcome, t.error_code as "errorCode", t.reply_ids as "replyIds", t.created_at as "createdAt", t.updated_at as "updatedAt", t.finished_at as "finishedAt",
  (select m.text from messages m where m.id = t.message_id) as text,
  (select c.data from conversations c where c.id = t.conversation_id) as "conversationData",
  (select c.version from conversations c where c.id = t.conversation_id) as "conversationVersion",
  (select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'conversationId', r.conversation_id, 'role', r.role, 'author', r.author, 'text', r.text, 'turnId', r.turn_id, 'createdAt', r.created_at) order by r.seq), '[]'::jsonb)
     from (select * from messages m where m.conversation_id = t.conversation_id order by m.seq desc limit $4::int) r) as "recentMessages"`;

/**
 * Runs the claim statement.
 * @param input.recentMessages - How many of the newest messages to return (0–1,000).
 * @returns the claimed row, or `undefined` when the turn could not be claimed.
 */
export async function claimTurnRow(query: RawQuery, input: { turnId: string; workerId: string; leaseMs: number; recentMessages: number }): Promise<ClaimedTurnRow | undefined> {
  const rows = await query<ClaimedTurnRow>({ name: 'switchboard_turn_claim_v1', text: CLAIM_SQL, values: [input.turnId, input.workerId, Math.round(input.leaseMs), input.recentMessages] });
  return rows[0];
}

/** The newest messages the claim returned, validated, oldest first. */
export function recentMessagesOf(value: unknown): Message[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: Record<string, unknown>) => {
    const { turnId, createdAt, ...rest } = item;
    return parseStored(MessageSchema, { ...rest, createdAt: new Date(String(createdAt)).toISOString(), ...(typeof turnId === 'string' ? { turnId } : {}) }, 'message');
  });
}

/** What {@link TurnStore.complete} writes for a finished turn, atomically. */
export interface TurnCompletion {
  turnId: string;
  workerId: string;
  status: 'done' | 'failed';
  /** `TurnOutcome.outcome` when done. */
  outcome?: string;
  /** Error code when failed. */
  errorCode?: string;
  /** Ids of the messages sent to the customer, in order. */
  replyIds: readonly string[];
  /** Messages the turn wrote, in order; an id already stored (a re-run) is skipped. */
  messages: readonly Message[];
  /**
   * The conversation to save and the stored version it was read at: stored as `conversation`
   * with `version: nextVersion` only if the stored version still is `expectedVersion`.
   */
  conversation?: { value: Conversation; expectedVersion: number; nextVersion: number };
  /** Audit events of the turn, in order; an id already stored (a re-run) is skipped. */
  events: readonly AgentEvent[];
}

/**
 * Outcome of {@link TurnStore.complete}: `completed` — everything was written; `lost` — the
 * worker no longer holds the turn (nothing written; its new holder completes it); `conflict` —
 * the conversation was saved by another writer since it was read (nothing written;
 * `storedVersion` is `null` when the conversation is gone).
 */
export type TurnCompletionResult = { status: 'completed' } | { status: 'lost' } | { status: 'conflict'; storedVersion: number | null };

/**
 * One statement: lock the lease, save the conversation (optimistic version check), insert the
 * messages and audit events (skipping ids a first run stored), mark the turn finished — all or
 * nothing, and only while `$2` still holds the turn.
 */
const COMPLETE_SQL = `with lease as (
  select id from turns where id = $1 and worker_id = $2 and status = 'running' for update
), saved as (
  update conversations set status = s.status, channel = s.channel, customer_id = s.customer_id, current_agent_id = s.current_agent_id, priority = s.priority,
    version = s.next_version, updated_at = s.updated_at, data = s.data
  from jsonb_to_record($6::jsonb) as s(id text, status text, channel text, customer_id text, current_agent_id text, priority text, expected_version int, next_version int, updated_at timestamptz, data jsonb)
  where conversations.id = s.id and conversations.version = s.expected_version and exists (select 1 from lease)
  returning conversations.id
), ok as (
  select 1 as ok from lease where $6::jsonb is null or exists (select 1 from saved)
), inserted_messages as (
  insert into messages (id, conversation_id, role, author, text, turn_id, created_at)
  select m.id, m.conversation_id, m.role, m.author, m.text, m.turn_id, m.created_at
  from jsonb_to_recordset($7::jsonb) as m(id text, conversation_id text, role text, author text, text text, turn_id text, created_at timestamptz, ord int)
  where exists (select 1 from ok) order by m.ord
  on conflict (id) do nothing returning id
), inserted_events as (
  insert into events (id, conversation_id, trace_id, turn_id, time, type, agent_id, data, latency_ms, input_tokens, output_tokens, cost_usd)
  select e.id, e.conversation_id, e.trace_id, e.turn_id, e.time, e.type, e.agent_id, e.data, e.latency_ms, e.input_tokens, e.output_tokens, e.cost_usd
  from jsonb_to_recordset($8::jsonb) as e(id text, conversation_id text, trace_id text, turn_id text, time timestamptz, type text, agent_id text, data jsonb, latency_ms double precision, input_tokens int, output_tokens int, cost_usd double precision, ord int)
  where exists (select 1 from ok) order by e.ord
  on conflict (id) do nothing returning id
), finished as (
  update turns set status = $3, outcome = $4, error_code = $5, reply_ids = $9::jsonb, lease_expires_at = null, updated_at = now(), finished_at = now()
  where id = $1 and exists (select 1 from ok)
  returning id
)
select exists (select 1 from lease) as held, exists (select 1 from finished) as finished,
  (select c.version from conversations c where c.id = ($6::jsonb ->> 'id')) as "storedVersion",
  (select count(*) from inserted_messages)::int + (select count(*) from inserted_events)::int as written`;

function conversationParameter(input: TurnCompletion['conversation']): string | null {
  if (input === undefined) return null;
  const value = parseInput(ConversationSchema, { ...input.value, version: input.nextVersion }, 'conversation');
  return JSON.stringify({
    id: value.id,
    status: value.status,
    channel: value.channel,
    customer_id: value.identity?.customerId ?? null,
    current_agent_id: value.currentAgentId ?? null,
    priority: value.priority,
    expected_version: input.expectedVersion,
    next_version: input.nextVersion,
    updated_at: toDate(value.updatedAt, 'conversation.updatedAt').toISOString(),
    data: value,
  });
}

function messagesParameter(messages: readonly Message[]): string {
  return JSON.stringify(
    messages.map((message, ord) => {
      const record = parseInput(MessageSchema, message, 'message');
      return { ord, id: record.id, conversation_id: record.conversationId, role: record.role, author: record.author, text: record.text, turn_id: record.turnId ?? null, created_at: toDate(record.createdAt, 'message.createdAt').toISOString() };
    }),
  );
}

function eventsParameter(events: readonly AgentEvent[]): string {
  return JSON.stringify(
    events.map((event, ord) => {
      const record = parseInput(AgentEventSchema, event, 'event');
      return {
        ord,
        id: record.id,
        conversation_id: record.conversationId,
        trace_id: record.traceId,
        turn_id: record.turnId,
        time: toDate(record.time, 'event.time').toISOString(),
        type: record.type,
        agent_id: record.agentId ?? null,
        data: record.data,
        latency_ms: record.latencyMs ?? null,
        input_tokens: record.tokens?.input ?? null,
        output_tokens: record.tokens?.output ?? null,
        cost_usd: record.costUsd ?? null,
      };
    }),
  );
}

/** Runs the completion statement (see {@link TurnCompletion}). */
export async function completeTurn(query: RawQuery, input: TurnCompletion): Promise<TurnCompletionResult> {
  const values = [
    input.turnId,
    input.workerId,
    input.status,
    input.outcome ?? null,
    input.errorCode ?? null,
    conversationParameter(input.conversation),
    messagesParameter(input.messages),
    eventsParameter(input.events),
    JSON.stringify(input.replyIds),
  ];
  const rows = await query<{ held: boolean; finished: boolean; storedVersion: number | null }>({ name: 'switchboard_turn_complete_v1', text: COMPLETE_SQL, values });
  const row = rows[0];
  if (row?.finished === true) return { status: 'completed' };
  if (row?.held !== true) return { status: 'lost' };
  return { status: 'conflict', storedVersion: row.storedVersion === null ? null : Number(row.storedVersion) };
}
