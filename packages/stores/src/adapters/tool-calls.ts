/**
 * {@link ToolCallLog} on SQL: the idempotency log of write tools (table `tool_calls`).
 */
import { ToolCallResultSchema } from '@switchboard/core';
import type { ToolCallClaim, ToolCallClaimRequest, ToolCallLog } from '@switchboard/core';
import { and, eq, sql } from 'drizzle-orm';
import { guard, parseStored } from '../errors.js';
import { toolCalls } from '../schema.js';
import type { SqlDatabase } from '../sql.js';

/** Claim attempts when the row vanishes between the conditional insert and the read (a concurrent release). */
const MAX_CLAIM_ATTEMPTS = 3;

/** One conditional insert: a row comes back only when this caller now holds the claim. */
async function tryClaim(db: SqlDatabase, request: ToolCallClaimRequest): Promise<boolean> {
  const leaseExpiresAt = sql`now() + ${request.leaseMs} * interval '1 millisecond'`;
  const rows = await db
    .insert(toolCalls)
    .values({
      idempotencyKey: request.idempotencyKey,
      toolName: request.toolName,
      argsJson: request.argsJson,
      conversationId: request.conversationId,
      agentId: request.agentId,
      status: 'pending',
      leaseExpiresAt,
      createdAt: sql`now()`,
    })
    .onConflictDoUpdate({
      target: toolCalls.idempotencyKey,
      set: { leaseExpiresAt: sql`excluded.lease_expires_at` },
      // Take over only an expired claim of the very same call (a run that crashed).
      setWhere: sql`${toolCalls.status} = 'pending' and ${toolCalls.leaseExpiresAt} < now() and ${toolCalls.toolName} = excluded.tool_name and ${toolCalls.argsJson} = excluded.args_json`,
    })
    .returning({ key: toolCalls.idempotencyKey });
  return rows.length > 0;
}

/**
 * Creates the SQL {@link ToolCallLog}.
 *
 * `claim` is one `INSERT … ON CONFLICT DO UPDATE … WHERE` (the update only takes over an expired
 * pending claim of the same tool and arguments), so of two concurrent callers exactly one gets
 * `claimed`. Lease times use the database clock (`now()`), so workers with skewed clocks agree.
 * `complete` stores the result and marks the key `completed`; `release` deletes a pending key.
 *
 * @param db - A drizzle database from {@link openDatabase}.
 * @returns The log. Methods throw `StoreError` (`STORE_FAILED`) on driver failures and for a
 *   stored result that does not parse.
 */
export function createToolCallLog(db: SqlDatabase): ToolCallLog {
  return {
    async claim(request): Promise<ToolCallClaim> {
      return guard('toolCalls.claim', async () => {
        for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt += 1) {
          if (await tryClaim(db, request)) return { status: 'claimed' };
          const [row] = await db
            .select({ toolName: toolCalls.toolName, argsJson: toolCalls.argsJson, status: toolCalls.status, result: toolCalls.result })
            .from(toolCalls)
            .where(eq(toolCalls.idempotencyKey, request.idempotencyKey));
          if (row === undefined) continue;
          if (row.status === 'completed') {
            return { status: 'completed', toolName: row.toolName, argsJson: row.argsJson, result: parseStored(ToolCallResultSchema, row.result, 'tool call result') };
          }
          return { status: 'pending', toolName: row.toolName, argsJson: row.argsJson };
        }
        const pending: ToolCallClaim = { status: 'pending', toolName: request.toolName, argsJson: request.argsJson };
        return pending;
      });
    },

    async complete({ idempotencyKey, result }) {
      await guard('toolCalls.complete', () =>
        db.update(toolCalls).set({ status: 'completed', result, completedAt: sql`now()` }).where(eq(toolCalls.idempotencyKey, idempotencyKey)),
      );
    },

    async release(idempotencyKey) {
      await guard('toolCalls.release', () => db.delete(toolCalls).where(and(eq(toolCalls.idempotencyKey, idempotencyKey), eq(toolCalls.status, 'pending'))));
    },
  };
}
