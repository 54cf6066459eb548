/**
 * The one SQL schema of Switchboard, shared by PGlite and PostgreSQL.
 *
 * Columns hold what is filtered or ordered; a `data` jsonb column holds the full validated record
 * where the record has nested fields (conversations, tickets, store records), and is parsed with
 * core's zod schemas when read back. Migrations in `../migrations` are generated from this file by
 * `npm run db:generate -w @switchboard/stores`; never edit a generated migration by hand.
 *
 * This file imports `drizzle-orm/pg-core` only, so drizzle-kit can load it on its own.
 *
 * No foreign keys: drizzle-kit writes references as `"public"."conversations"`, which would pin
 * every migration to the `public` schema and break per-schema isolation (`openDatabase({ schema })`).
 * The ports write a conversation before its messages, events and tickets.
 */
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Timestamps are `timestamptz`, exchanged with the driver as `Date`. */
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Conversations; `data` is the full `Conversation`, `version` drives optimistic concurrency. */
export const conversations = pgTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    /** `identity.customerId` once the customer is verified. */
    customerId: text('customer_id'),
    currentAgentId: text('current_agent_id'),
    priority: text('priority').notNull(),
    version: integer('version').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    data: jsonb('data').notNull(),
  },
  (table) => [
    index('conversations_status_updated_idx').on(table.status, table.updatedAt),
    index('conversations_customer_idx').on(table.customerId),
  ],
);

/** Messages; `seq` is the insertion order within the database, used to order a transcript. */
export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    role: text('role').notNull(),
    author: text('author').notNull(),
    text: text('text').notNull(),
    turnId: text('turn_id'),
    createdAt: timestamptz('created_at').notNull(),
  },
  (table) => [index('messages_conversation_seq_idx').on(table.conversationId, table.seq)],
);

/** The append-only audit log; `data` is the event's type-specific payload. */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    conversationId: text('conversation_id').notNull(),
    traceId: text('trace_id').notNull(),
    turnId: text('turn_id').notNull(),
    time: timestamptz('time').notNull(),
    type: text('type').notNull(),
    agentId: text('agent_id'),
    data: jsonb('data').notNull(),
    latencyMs: doublePrecision('latency_ms'),
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    costUsd: doublePrecision('cost_usd'),
  },
  (table) => [
    index('events_conversation_time_idx').on(table.conversationId, table.time, table.seq),
    index('events_trace_idx').on(table.traceId),
    index('events_time_idx').on(table.time, table.seq),
  ],
);

/** The human queue; `priority_rank` is 0 for `urgent` … 3 for `low`, so ascending order is urgent first. */
export const tickets = pgTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id').notNull(),
    status: text('status').notNull(),
    priority: text('priority').notNull(),
    priorityRank: integer('priority_rank').notNull(),
    queue: text('queue').notNull(),
    slaDueAt: timestamptz('sla_due_at').notNull(),
    assignee: text('assignee'),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    data: jsonb('data').notNull(),
  },
  (table) => [
    index('tickets_order_idx').on(table.priorityRank, table.slaDueAt),
    index('tickets_status_queue_idx').on(table.status, table.queue),
    index('tickets_conversation_idx').on(table.conversationId),
  ],
);

/** Operator approvals (core's `ApprovalQueue`): write actions above policy limits and shadow-mode replies. */
export const approvals = pgTable(
  'approvals',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id').notNull(),
    status: text('status').notNull(),
    kind: text('kind').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    data: jsonb('data').notNull(),
  },
  (table) => [index('approvals_status_created_idx').on(table.status, table.createdAt), index('approvals_conversation_idx').on(table.conversationId)],
);

/** Store customers (τ-bench `users.json` records); lookup keys are lowercased copies. */
export const storeUsers = pgTable(
  'store_users',
  {
    id: text('id').primaryKey(),
    /** Lowercased, trimmed. */
    email: text('email').notNull(),
    /** Lowercased, trimmed. */
    firstNameLower: text('first_name_lower').notNull(),
    /** Lowercased, trimmed. */
    lastNameLower: text('last_name_lower').notNull(),
    zip: text('zip').notNull(),
    data: jsonb('data').notNull(),
  },
  (table) => [
    index('store_users_email_idx').on(table.email),
    index('store_users_name_zip_idx').on(table.lastNameLower, table.firstNameLower, table.zip),
  ],
);

/** Store orders (τ-bench `orders.json` records). */
export const storeOrders = pgTable(
  'store_orders',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    data: jsonb('data').notNull(),
  },
  (table) => [index('store_orders_user_idx').on(table.userId)],
);

/** Store products (τ-bench `products.json` records). */
export const storeProducts = pgTable('store_products', {
  id: text('id').primaryKey(),
  data: jsonb('data').notNull(),
});

/**
 * Idempotency log of write tools (core's `ToolCallLog`): one row per idempotency key. `status` is
 * `pending` while a claimed call runs (until `lease_expires_at`), then `completed` with `result`
 * (the `ToolCallResult` the agent got). `args_json` is the canonical JSON of the arguments.
 */
export const toolCalls = pgTable(
  'tool_calls',
  {
    idempotencyKey: text('idempotency_key').primaryKey(),
    toolName: text('tool_name').notNull(),
    argsJson: text('args_json').notNull(),
    conversationId: text('conversation_id').notNull(),
    agentId: text('agent_id').notNull(),
    status: text('status').notNull(),
    result: jsonb('result'),
    leaseExpiresAt: timestamptz('lease_expires_at').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    completedAt: timestamptz('completed_at'),
  },
  (table) => [index('tool_calls_conversation_idx').on(table.conversationId)],
);

/** Emails waiting for the mail sender (core's `EmailOutbox`); `sent_at` is set by the sender. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    userId: text('user_id').notNull(),
    toAddress: text('to_address').notNull(),
    template: text('template').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    sentAt: timestamptz('sent_at'),
  },
  (table) => [index('email_outbox_user_idx').on(table.userId, table.seq)],
);

/** Newsletter choices of store customers (core's `NewsletterSubscriptions`). */
export const newsletterSubscriptions = pgTable('newsletter_subscriptions', {
  userId: text('user_id').primaryKey(),
  subscribed: boolean('subscribed').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

/** Small key/value facts about the database (for example what was imported). */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * The turn queue's durable record (the server's `TurnStore`): one row per accepted customer
 * message. `status` is `queued` → `running` (held by `worker_id` until `lease_expires_at`) →
 * `done` or `failed`. `seq` orders the turns of a conversation; only the oldest unfinished turn
 * of a conversation can be claimed, so turns run one at a time, in order. `idempotency_key` is the
 * HTTP `Idempotency-Key` of the request that created it (unique per conversation), `request_hash`
 * the SHA-256 of its body. `base_version` is the conversation's version when the turn first ran.
 */
export const turns = pgTable(
  'turns',
  {
    id: text('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    conversationId: text('conversation_id').notNull(),
    messageId: text('message_id').notNull(),
    status: text('status').notNull(),
    priority: text('priority').notNull(),
    priorityRank: integer('priority_rank').notNull(),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    attempts: integer('attempts').notNull().default(0),
    workerId: text('worker_id'),
    leaseExpiresAt: timestamptz('lease_expires_at'),
    baseVersion: integer('base_version'),
    outcome: text('outcome'),
    errorCode: text('error_code'),
    replyIds: jsonb('reply_ids').notNull().default([]),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    finishedAt: timestamptz('finished_at'),
  },
  (table) => [
    uniqueIndex('turns_idempotency_idx').on(table.conversationId, table.idempotencyKey),
    // Only unfinished turns: the claim's "no earlier unfinished turn of this conversation" check
    // and crash recovery read it. The full (status, seq) index it replaces kept an entry for every
    // dead row version of every status change, and the claim scanned them all; a full
    // (conversation_id, seq) index was read by nothing else (docs/benchmarks.md "Load").
    index('turns_unfinished_idx').on(table.conversationId, table.seq).where(sql`${table.status} in ('queued', 'running')`),
  ],
);

/** Operator API keys, stored as the SHA-256 of the key (the key itself is shown once, at creation). */
export const operatorKeys = pgTable(
  'operator_keys',
  {
    id: text('id').primaryKey(),
    /** The operator the key acts as (`ana`); recorded as the author of operator actions. */
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
  },
  (table) => [uniqueIndex('operator_keys_hash_idx').on(table.keyHash)],
);

/** Customer satisfaction (CSAT) per conversation: the latest rating 1–5 and an optional comment. */
export const feedback = pgTable('feedback', {
  conversationId: text('conversation_id').primaryKey(),
  rating: integer('rating').notNull(),
  comment: text('comment'),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});
