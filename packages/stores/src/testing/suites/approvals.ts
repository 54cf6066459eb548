/**
 * Conformance: {@link ApprovalQueue} — round-trip, filters, oldest first, one decision only.
 */
import type { Approval } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { expectCode } from '../context.js';
import type { SuiteContext } from '../context.js';
import { at } from '../fixtures.js';

function approval(options: { id: string; conversationId: string; createdAtMs: number }): Approval {
  return {
    id: options.id,
    conversationId: options.conversationId,
    kind: 'tool_call',
    status: 'pending',
    reason: 'REFUND_ABOVE_LIMIT: refund of $612.40 exceeds the $500.00 limit',
    agentId: 'returns',
    customerId: 'ada_lovelace_1234',
    toolName: 'return_delivered_order_items',
    args: { order_id: '#W1234567', item_ids: ['1234567890'], payment_method_id: 'credit_card_1' },
    idempotencyKey: 'turn_1:returns:3',
    amountCents: 61_240,
    createdAt: at(options.createdAtMs),
  };
}

export function describeApprovals(context: SuiteContext): void {
  describe('ApprovalQueue', () => {
    it('creates, reads back and lists approvals oldest first, filtered by status and conversation', async () => {
      const { approvals } = context.database();
      const conversationId = context.id('conv');
      const later = approval({ id: context.id('approval'), conversationId, createdAtMs: 2000 });
      const earlier = approval({ id: context.id('approval'), conversationId, createdAtMs: 1000 });
      await approvals.create(later);
      await approvals.create(earlier);
      expect(await approvals.get(later.id)).toEqual(later);
      expect((await approvals.list({ conversationId })).map((item) => item.id)).toEqual([earlier.id, later.id]);
      await expectCode(approvals.create(later), 'CONFLICT');
      expect(await approvals.get(context.id('missing'))).toBeUndefined();
    });

    it('records exactly one decision on a pending approval', async () => {
      const { approvals } = context.database();
      const record = approval({ id: context.id('approval'), conversationId: context.id('conv'), createdAtMs: 3000 });
      await approvals.create(record);
      const decided = await approvals.decide({ id: record.id, status: 'approved', decidedBy: 'op_ana', at: at(4000), note: 'ok' });
      expect(decided).toMatchObject({ status: 'approved', decidedBy: 'op_ana', decidedAt: at(4000), note: 'ok' });
      expect(await approvals.decide({ id: record.id, status: 'denied', decidedBy: 'op_ben', at: at(5000) })).toBeUndefined();
      expect(await approvals.get(record.id)).toEqual(decided);
      expect((await approvals.list({ conversationId: record.conversationId, status: 'pending' }))).toEqual([]);
    });
  });
}
