/**
 * Conformance: {@link ToolCallLog} — claims, results, leases — and a write retried through core's
 * tool gateway with the same idempotency key applied once.
 */
import { createToolGateway, defineTool, OrderSchema, ToolError, type AgentConfig, type ToolCallResult } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { order, snapshot, user } from '../fixtures.js';
import type { SuiteContext } from '../context.js';

const claimOf = (context: SuiteContext, overrides: { key?: string; argsJson?: string; leaseMs?: number } = {}) => ({
  idempotencyKey: overrides.key ?? context.id('key'),
  toolName: 'refund_order',
  argsJson: overrides.argsJson ?? '{"order_id":"#W1"}',
  conversationId: 'conv_1',
  agentId: 'billing',
  leaseMs: overrides.leaseMs ?? 60_000,
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function describeToolCalls(context: SuiteContext): void {
  describe('ToolCallLog', () => {
    it('claims a key once, answers pending while it runs, then the recorded result', async () => {
      const { toolCalls } = context.database();
      const request = claimOf(context);
      expect(await toolCalls.claim(request)).toEqual({ status: 'claimed' });
      expect(await toolCalls.claim(request)).toEqual({ status: 'pending', toolName: 'refund_order', argsJson: request.argsJson });
      const result: ToolCallResult = { ok: true, output: { amount: 142.31999999999994, status: 'refunded' } };
      await toolCalls.complete({ idempotencyKey: request.idempotencyKey, result });
      expect(await toolCalls.claim(request)).toEqual({ status: 'completed', toolName: 'refund_order', argsJson: request.argsJson, result });
      await toolCalls.release(request.idempotencyKey);
      expect((await toolCalls.claim(request)).status).toBe('completed');
    });

    it('lets exactly one of many concurrent callers claim a key', async () => {
      const { toolCalls } = context.database();
      const request = claimOf(context);
      const claims = await Promise.all(Array.from({ length: 6 }, () => toolCalls.claim(request)));
      expect(claims.filter((claim) => claim.status === 'claimed')).toHaveLength(1);
    });

    it('frees a released key, and takes over an expired claim of the same call only', async () => {
      const { toolCalls } = context.database();
      const released = claimOf(context);
      await toolCalls.claim(released);
      await toolCalls.release(released.idempotencyKey);
      expect(await toolCalls.claim(released)).toEqual({ status: 'claimed' });

      const crashed = claimOf(context, { leaseMs: 1 });
      await toolCalls.claim(crashed);
      await sleep(30);
      expect(await toolCalls.claim({ ...crashed, argsJson: '{"order_id":"#W2"}' })).toMatchObject({ status: 'pending', argsJson: crashed.argsJson });
      expect(await toolCalls.claim(crashed)).toEqual({ status: 'claimed' });
    });

    it('runs a write retried with the same idempotency key once, through the gateway', async () => {
      const database = context.database();
      const ada = user({ id: context.id('ada'), firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
      const placed = order({ id: context.id('#W'), userId: ada.user_id });
      await database.commerce.dangerouslyReplaceAll(snapshot({ users: [ada], orders: [placed], products: [] }));
      let executions = 0;
      const refund = defineTool({
        name: 'refund_order',
        description: 'Refunds an order in full (test tool).',
        kind: 'write',
        scopes: ['billing:write'],
        // Core's schemas, so stores needs no zod dependency of its own.
        input: OrderSchema.pick({ order_id: true }),
        output: OrderSchema.pick({ payment_history: true }),
        timeoutMs: 5000,
        idempotent: true,
        async execute({ order_id: orderId }) {
          executions += 1;
          const before = await database.commerce.getOrder(orderId);
          if (!before) throw new ToolError('NOT_FOUND', 'order not found');
          const paid = before.payment_history[0]!;
          const after = { ...before, payment_history: [...before.payment_history, { ...paid, transaction_type: 'refund' as const }] };
          await database.commerce.applyChanges({ orders: [{ before, after }] });
          return { payment_history: after.payment_history };
        },
      });
      const agent: AgentConfig = { id: 'billing', name: 'Billing', description: 'd', instructions: 'prompts/billing@1', tools: ['refund_order'], scopes: ['billing:write'], knowledge: [], handoffs: [], role: 'specialist' };
      const gateway = createToolGateway({ tools: [refund], agents: [agent], toolCalls: database.toolCalls });
      const call = (idempotencyKey: string, orderId = placed.order_id) =>
        gateway.call({ toolName: 'refund_order', args: { order_id: orderId }, context: { conversationId: 'conv_1', turnId: 'turn_1', agentId: 'billing', customerId: ada.user_id, idempotencyKey } });
      const key = context.id('turn');
      const first = await call(key);
      const retried = await call(key);
      expect(first).toMatchObject({ ok: true, output: { payment_history: [{ transaction_type: 'payment' }, { transaction_type: 'refund' }] } });
      expect(retried).toEqual(first);
      expect(executions).toBe(1);
      expect((await database.commerce.getOrder(placed.order_id))?.payment_history).toHaveLength(2);
      expect(await call(key, '#W_other')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const again = await call(context.id('turn'));
      expect(again.ok && (again.output as { payment_history: unknown[] }).payment_history).toHaveLength(3);
      expect(executions).toBe(2);
    });
  });
}
