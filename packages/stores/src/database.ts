/**
 * The {@link Database} handle: every storage port on one connection, plus lifecycle.
 */
import type { ApprovalQueue, CommerceStore, ConversationDirectory, ConversationStore, EmailOutbox, EventLog, EventLogWindow, NewsletterSubscriptions, TicketQueue, ToolCallLog } from '@switchboard/core';
import { is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { createApprovalQueue } from './adapters/approvals.js';
import { createCommerceStore } from './adapters/commerce.js';
import { createConversationStore } from './adapters/conversations.js';
import { createEventLog } from './adapters/events.js';
import { createEmailOutbox, createNewsletterSubscriptions } from './adapters/messaging.js';
import { createTicketQueue } from './adapters/tickets.js';
import { createToolCallLog } from './adapters/tool-calls.js';
import { createFeedbackStore, createOperatorKeyStore, createSettingsStore, pingDatabase } from './adapters/service.js';
import type { FeedbackStore, OperatorKeyStore, SettingsStore } from './adapters/service.js';
import { createTurnStore } from './adapters/turns.js';
import type { TurnStore } from './adapters/turns.js';
import { guard } from './errors.js';
import * as schema from './schema.js';
import type { RawQuery, SqlDatabase } from './sql.js';

/** Which engine is underneath: embedded PGlite or a PostgreSQL server. */
export type DatabaseKind = 'pglite' | 'postgres';

/** Every storage port of Switchboard on one database, as {@link openDatabase} returns it. */
export interface Database {
  /** Conversations, their messages, and operator lists of them. */
  readonly conversations: ConversationStore & ConversationDirectory;
  /** The audit log, per conversation and by time window. */
  readonly events: EventLog & EventLogWindow;
  readonly tickets: TicketQueue;
  readonly commerce: CommerceStore;
  /** Idempotency log of write tools; pass it to `createToolGateway({ toolCalls })`. */
  readonly toolCalls: ToolCallLog;
  /** Emails the desk asked to send (password resets). */
  readonly outbox: EmailOutbox;
  readonly newsletter: NewsletterSubscriptions;
  /** Operator approvals of write actions and shadow-mode replies. */
  readonly approvals: ApprovalQueue;
  /** The durable turn queue: accepted customer messages, leases, outcomes. */
  readonly turns: TurnStore;
  /** Operator API keys (hashed). */
  readonly operatorKeys: OperatorKeyStore;
  /** CSAT ratings of conversations. */
  readonly feedback: FeedbackStore;
  /** Settings every node shares (the customer-token secret). */
  readonly settings: SettingsStore;
  readonly kind: DatabaseKind;
  /** One cheap query; throws `StoreError` (`STORE_FAILED`) when the database cannot answer. */
  ping(): Promise<void>;
  /** Releases the connection pool or stops PGlite (flushing it to disk). Idempotent. */
  close(): Promise<void>;
  /**
   * Deletes every row of every Switchboard table (schema and migrations stay). Tests only;
   * optional, because not every adapter can offer it.
   */
  dangerouslyResetForTests?(): Promise<void>;
}

/** Every table of the schema, found from `schema.ts` itself so no list is kept by hand. */
const ALL_TABLES: readonly PgTable[] = Object.values<unknown>(schema).filter((value): value is PgTable => is(value, PgTable));

/** Builds the ports on an open, migrated drizzle database. */
export function assembleDatabase(options: { db: SqlDatabase; kind: DatabaseKind; query: RawQuery; close: () => Promise<void> }): Database {
  const { db, kind } = options;
  let closing: Promise<void> | undefined;
  return Object.freeze({
    conversations: createConversationStore(db, options.query),
    events: createEventLog(db),
    tickets: createTicketQueue(db),
    commerce: createCommerceStore(db),
    toolCalls: createToolCallLog(db),
    outbox: createEmailOutbox(db),
    newsletter: createNewsletterSubscriptions(db),
    approvals: createApprovalQueue(db),
    turns: createTurnStore(db, options.query),
    operatorKeys: createOperatorKeyStore(db),
    feedback: createFeedbackStore(db),
    settings: createSettingsStore(db),
    kind,
    ping: () => pingDatabase(db),
    close(): Promise<void> {
      closing ??= guard('database.close', options.close);
      return closing;
    },
    async dangerouslyResetForTests(): Promise<void> {
      const tables = sql.join(ALL_TABLES.map((table) => sql`${table}`), sql`, `);
      await guard('database.dangerouslyResetForTests', () => db.execute(sql`truncate table ${tables} restart identity`));
    },
  });
}
