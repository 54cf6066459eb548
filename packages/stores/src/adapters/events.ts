/**
 * {@link EventLog} on SQL: the append-only audit log.
 */
import { AgentEventSchema } from '@switchboard/core';
import { InvalidInputError } from '@switchboard/core';
import type { AgentEvent, EventLog, EventLogWindow } from '@switchboard/core';
import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import { conflict, describeDriverFailure, guard, parseInput, parseStored, toDate, toStoreError } from '../errors.js';
import { events } from '../schema.js';
import type { SqlDatabase } from '../sql.js';

/**
 * Rows per INSERT: 500 rows × 13 columns stays far below PostgreSQL's 65,535 bind parameters.
 * @see https://www.postgresql.org/docs/current/protocol-message-formats.html (Bind: Int16 count)
 */
const EVENTS_PER_INSERT = 500;

function eventRow(event: AgentEvent): typeof events.$inferInsert {
  return {
    id: event.id,
    conversationId: event.conversationId,
    traceId: event.traceId,
    turnId: event.turnId,
    time: toDate(event.time, 'event.time'),
    type: event.type,
    agentId: event.agentId ?? null,
    data: event.data,
    latencyMs: event.latencyMs ?? null,
    inputTokens: event.tokens?.input ?? null,
    outputTokens: event.tokens?.output ?? null,
    costUsd: event.costUsd ?? null,
  };
}

function eventFromRow(row: typeof events.$inferSelect): AgentEvent {
  const record: Record<string, unknown> = {
    id: row.id,
    conversationId: row.conversationId,
    traceId: row.traceId,
    turnId: row.turnId,
    time: row.time.toISOString(),
    type: row.type,
    data: row.data,
  };
  if (row.agentId !== null) record.agentId = row.agentId;
  if (row.latencyMs !== null) record.latencyMs = row.latencyMs;
  if (row.inputTokens !== null && row.outputTokens !== null) record.tokens = { input: row.inputTokens, output: row.outputTokens };
  if (row.costUsd !== null) record.costUsd = row.costUsd;
  return parseStored(AgentEventSchema, record, 'event');
}

/**
 * Creates the SQL {@link EventLog} (and {@link EventLogWindow}: `listSince` reads the
 * `events_time_idx` index).
 *
 * `append` writes a batch atomically (all or none) in append order; `list` returns a
 * conversation's events by `time`, then append order. Times are normalized to
 * `Date#toISOString()` form (UTC, milliseconds).
 *
 * @param db - A drizzle database from {@link openDatabase}.
 * @returns The log. `append` throws `SwitchboardError` (`CONFLICT`) if an event id already exists
 *   (nothing of the batch is written), `InvalidInputError` (`INVALID_INPUT`) for an invalid event;
 *   both methods throw `StoreError` (`STORE_FAILED`) on driver failures.
 */
export function createEventLog(db: SqlDatabase): EventLog & EventLogWindow {
  return {
    async append(batch) {
      if (batch.length === 0) return;
      const rows = batch.map((event) => eventRow(parseInput(AgentEventSchema, event, 'event')));
      const seen = new Set<string>();
      for (const row of rows) {
        if (seen.has(row.id)) throw conflict('event', row.id);
        seen.add(row.id);
      }
      if (rows.length <= EVENTS_PER_INSERT) {
        // One INSERT is atomic by itself (no transaction round trips): a duplicate id (23505) writes nothing.
        try {
          await db.insert(events).values(rows);
        } catch (error) {
          if (describeDriverFailure(error).code === '23505') throw conflict('event', rows[0]?.id ?? '');
          throw toStoreError(error, 'events.append');
        }
        return;
      }
      await guard('events.append', () =>
        db.transaction(async (tx) => {
          for (let start = 0; start < rows.length; start += EVENTS_PER_INSERT) {
            const chunk = rows.slice(start, start + EVENTS_PER_INSERT);
            const inserted = await tx.insert(events).values(chunk).onConflictDoNothing().returning({ id: events.id });
            if (inserted.length < chunk.length) {
              const insertedIds = new Set(inserted.map((row) => row.id));
              // Throwing rolls the whole batch back; guard() passes Switchboard errors through.
              throw conflict('event', chunk.find((row) => !insertedIds.has(row.id))?.id ?? '');
            }
          }
        }),
      );
    },

    async list(conversationId) {
      const rows = await guard('events.list', () =>
        db.select().from(events).where(eq(events.conversationId, conversationId)).orderBy(asc(events.time), asc(events.seq)),
      );
      return rows.map(eventFromRow);
    },

    async listSince(query) {
      if (!Number.isInteger(query.limit) || query.limit < 1) throw new InvalidInputError('INVALID_INPUT', 'limit must be an integer ≥ 1', { details: { field: 'limit' } });
      const since = toDate(query.since, 'since');
      const until = query.until === undefined ? undefined : toDate(query.until, 'until');
      const newestFirst = await guard('events.listSince', () =>
        db
          .select()
          .from(events)
          .where(until === undefined ? gte(events.time, since) : and(gte(events.time, since), lt(events.time, until)))
          .orderBy(desc(events.time), desc(events.seq))
          .limit(query.limit),
      );
      return newestFirst.reverse().map(eventFromRow);
    },
  };
}
