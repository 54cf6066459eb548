/**
 * {@link ConversationStore} on SQL: conversations with optimistic concurrency on `version`, and
 * their messages in append order.
 */
import { ConversationSchema, InvalidInputError, MessageSchema, NotFoundError, SwitchboardError } from '@switchboard/core';
import type { Conversation, ConversationDirectory, ConversationStore, Message } from '@switchboard/core';
import { and, asc, count, desc, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import { conflict, guard, parseInput, parseStored, toDate } from '../errors.js';
import { conversations, messages } from '../schema.js';
import type { RawQuery, SqlDatabase } from '../sql.js';

function conversationRow(conversation: Conversation): typeof conversations.$inferInsert {
  return {
    id: conversation.id,
    status: conversation.status,
    channel: conversation.channel,
    customerId: conversation.identity?.customerId ?? null,
    currentAgentId: conversation.currentAgentId ?? null,
    priority: conversation.priority,
    version: conversation.version,
    createdAt: toDate(conversation.createdAt, 'conversation.createdAt'),
    updatedAt: toDate(conversation.updatedAt, 'conversation.updatedAt'),
    data: conversation,
  };
}

type MessageRow = Pick<typeof messages.$inferSelect, 'id' | 'conversationId' | 'role' | 'author' | 'text' | 'turnId' | 'createdAt'>;

function messageFromRow(row: MessageRow): Message {
  return parseStored(
    MessageSchema,
    {
      id: row.id,
      conversationId: row.conversationId,
      role: row.role,
      author: row.author,
      text: row.text,
      createdAt: row.createdAt.toISOString(),
      ...(row.turnId === null ? {} : { turnId: row.turnId }),
    },
    'message',
  );
}

const messageColumns = {
  id: messages.id,
  conversationId: messages.conversationId,
  role: messages.role,
  author: messages.author,
  text: messages.text,
  turnId: messages.turnId,
  createdAt: messages.createdAt,
};

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new InvalidInputError('INVALID_INPUT', 'limit must be a non-negative integer', { details: { field: 'limit' } });
  }
}

/** Statuses of conversations that are over (left out of {@link ConversationDirectory.countActiveByAgent}). */
const FINISHED_STATUSES = ['resolved', 'abandoned'];

/**
 * Creates the SQL {@link ConversationStore} (and {@link ConversationDirectory}).
 *
 * Conversations are stored whole in `conversations.data` and validated with `ConversationSchema`
 * on write and on read. Message times are normalized to `Date#toISOString()` form (UTC,
 * milliseconds): `2024-05-01T10:00:00Z` reads back as `2024-05-01T10:00:00.000Z`.
 *
 * @param db - A drizzle database from {@link openDatabase}.
 * @param query - The driver's raw statements; when given, `get` (read when every message is
 *   accepted) runs as a prepared statement instead of a drizzle-built query. Same results.
 * @returns The store. Its methods throw `StoreError` (`STORE_FAILED`) on driver failures,
 *   `InvalidInputError` (`INVALID_INPUT`) for records that fail their schema, and
 *   `SwitchboardError` (`CONFLICT`) as documented per method.
 */
export function createConversationStore(db: SqlDatabase, query?: RawQuery): ConversationStore & ConversationDirectory {
  return {
    async create(conversation) {
      const record = parseInput(ConversationSchema, conversation, 'conversation');
      const inserted = await guard('conversations.create', () =>
        db.insert(conversations).values(conversationRow(record)).onConflictDoNothing().returning({ id: conversations.id }),
      );
      if (inserted.length === 0) throw conflict('conversation', record.id);
    },

    async get(id) {
      const rows = await guard('conversations.get', () =>
        query === undefined
          ? db.select({ data: conversations.data, version: conversations.version }).from(conversations).where(eq(conversations.id, id))
          : query<{ data: unknown; version: number }>({ name: 'switchboard_conversation_get_v1', text: 'select data, version from conversations where id = $1', values: [id] }),
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      return parseStored(ConversationSchema, { ...(row.data as object), version: row.version }, 'conversation');
    },

    async save(conversation) {
      const record = parseInput(ConversationSchema, conversation, 'conversation');
      const next: Conversation = { ...record, version: record.version + 1 };
      const updated = await guard('conversations.save', () =>
        db
          .update(conversations)
          .set(conversationRow(next))
          .where(and(eq(conversations.id, record.id), eq(conversations.version, record.version)))
          .returning({ id: conversations.id }),
      );
      if (updated.length > 0) return next;
      const existing = await guard('conversations.save', () =>
        db.select({ version: conversations.version }).from(conversations).where(eq(conversations.id, record.id)),
      );
      if (existing.length === 0) {
        throw new NotFoundError('CONVERSATION_NOT_FOUND', 'Conversation not found', { details: { conversationId: record.id } });
      }
      throw new SwitchboardError('CONFLICT', 'Conversation was saved by another writer', {
        details: { conversationId: record.id, expectedVersion: record.version, storedVersion: existing[0]?.version },
      });
    },

    async appendMessage(message) {
      const record = parseInput(MessageSchema, message, 'message');
      const inserted = await guard('conversations.appendMessage', () =>
        db
          .insert(messages)
          .values({
            id: record.id,
            conversationId: record.conversationId,
            role: record.role,
            author: record.author,
            text: record.text,
            turnId: record.turnId ?? null,
            createdAt: toDate(record.createdAt, 'message.createdAt'),
          })
          .onConflictDoNothing()
          .returning({ id: messages.id }),
      );
      if (inserted.length === 0) throw conflict('message', record.id);
    },

    async listMessages(conversationId, options = {}) {
      const { limit } = options;
      if (limit === undefined) {
        const rows = await guard('conversations.listMessages', () =>
          db.select(messageColumns).from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.seq)),
        );
        return rows.map(messageFromRow);
      }
      checkLimit(limit);
      if (limit === 0) return [];
      const newestFirst = await guard('conversations.listMessages', () =>
        db
          .select(messageColumns)
          .from(messages)
          .where(eq(messages.conversationId, conversationId))
          .orderBy(desc(messages.seq))
          .limit(limit),
      );
      return newestFirst.reverse().map(messageFromRow);
    },

    async listRecent(query) {
      if (!Number.isInteger(query.limit) || query.limit < 1) throw new InvalidInputError('INVALID_INPUT', 'limit must be an integer ≥ 1', { details: { field: 'limit' } });
      const rows = await guard('conversations.listRecent', () =>
        db
          .select({ data: conversations.data, version: conversations.version })
          .from(conversations)
          .where(query.status === undefined ? undefined : eq(conversations.status, query.status))
          .orderBy(desc(conversations.updatedAt), desc(conversations.id))
          .limit(query.limit),
      );
      const listed = rows.map((row) => parseStored(ConversationSchema, { ...(row.data as object), version: row.version }, 'conversation'));
      if (listed.length === 0) return [];
      const ids = listed.map((conversation) => conversation.id);
      const [counts, lasts] = await guard('conversations.listRecent', () =>
        Promise.all([
          db.select({ conversationId: messages.conversationId, count: count() }).from(messages).where(inArray(messages.conversationId, ids)).groupBy(messages.conversationId),
          db.selectDistinctOn([messages.conversationId], messageColumns).from(messages).where(inArray(messages.conversationId, ids)).orderBy(messages.conversationId, desc(messages.seq)),
        ]),
      );
      const countById = new Map(counts.map((row) => [row.conversationId, Number(row.count)]));
      const lastById = new Map(lasts.map((row) => [row.conversationId, messageFromRow(row)]));
      return listed.map((conversation) => {
        const last = lastById.get(conversation.id);
        return { conversation, messageCount: countById.get(conversation.id) ?? 0, ...(last ? { lastMessage: last } : {}) };
      });
    },

    async countActiveByAgent() {
      const rows = await guard('conversations.countActiveByAgent', () =>
        db
          .select({ agentId: conversations.currentAgentId, count: count() })
          .from(conversations)
          .where(and(notInArray(conversations.status, FINISHED_STATUSES), isNotNull(conversations.currentAgentId)))
          .groupBy(conversations.currentAgentId),
      );
      const counts: Record<string, number> = {};
      for (const row of rows) if (row.agentId !== null) counts[row.agentId] = Number(row.count);
      return counts;
    },
  };
}
