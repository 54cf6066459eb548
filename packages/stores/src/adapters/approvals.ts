/**
 * {@link ApprovalQueue} on SQL: one row per approval, the validated record in `data`.
 */
import { ApprovalSchema } from '@switchboard/core';
import type { Approval, ApprovalQueue } from '@switchboard/core';
import { and, asc, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { conflict, guard, parseInput, parseStored, toDate } from '../errors.js';
import { approvals } from '../schema.js';
import type { SqlDatabase } from '../sql.js';

function approvalRow(approval: Approval) {
  return {
    id: approval.id,
    conversationId: approval.conversationId,
    status: approval.status,
    kind: approval.kind,
    createdAt: toDate(approval.createdAt, 'approval.createdAt'),
    data: approval,
  };
}

/**
 * Creates the SQL {@link ApprovalQueue}. `decide` is a conditional update on `status = 'pending'`,
 * so of two operators deciding at once exactly one succeeds.
 * @throws SwitchboardError `CONFLICT` from `create` when the id exists; `StoreError` `STORE_FAILED` on driver failures.
 */
export function createApprovalQueue(db: SqlDatabase): ApprovalQueue {
  return {
    async create(approval) {
      const record = parseInput(ApprovalSchema, approval, 'approval');
      const inserted = await guard('approvals.create', () => db.insert(approvals).values(approvalRow(record)).onConflictDoNothing().returning({ id: approvals.id }));
      if (inserted.length === 0) throw conflict('approval', record.id);
    },
    async get(id) {
      const rows = await guard('approvals.get', () => db.select({ data: approvals.data }).from(approvals).where(eq(approvals.id, id)));
      return rows[0] === undefined ? undefined : parseStored(ApprovalSchema, rows[0].data, 'approval');
    },
    async list(filter = {}) {
      const conditions: SQL[] = [];
      if (filter.status !== undefined) conditions.push(eq(approvals.status, filter.status));
      if (filter.conversationId !== undefined) conditions.push(eq(approvals.conversationId, filter.conversationId));
      const rows = await guard('approvals.list', () =>
        db.select({ data: approvals.data }).from(approvals).where(and(...conditions)).orderBy(asc(approvals.createdAt), asc(approvals.id)),
      );
      return rows.map((row) => parseStored(ApprovalSchema, row.data, 'approval'));
    },
    async decide(input) {
      const rows = await guard('approvals.decide.read', () => db.select({ data: approvals.data }).from(approvals).where(eq(approvals.id, input.id)));
      if (rows[0] === undefined) return undefined;
      const current = parseStored(ApprovalSchema, rows[0].data, 'approval');
      if (current.status !== 'pending') return undefined;
      const decided: Approval = { ...current, status: input.status, decidedBy: input.decidedBy, decidedAt: input.at, ...(input.note === undefined ? {} : { note: input.note }) };
      const { id: _id, ...changes } = approvalRow(parseInput(ApprovalSchema, decided, 'approval'));
      const updated = await guard('approvals.decide', () =>
        db.update(approvals).set(changes).where(and(eq(approvals.id, input.id), eq(approvals.status, 'pending'))).returning({ id: approvals.id }),
      );
      return updated.length === 0 ? undefined : decided;
    },
  };
}
