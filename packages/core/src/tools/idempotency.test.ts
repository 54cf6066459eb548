import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { AgentConfig } from '../domain/agent.js';
import { StoreError, ToolError } from '../errors.js';
import type { ToolCallLog } from '../ports.js';
import { createManualClock } from '../testing/memory-ports.js';
import { canonicalJson } from './canonical-json.js';
import { createToolGateway } from './gateway.js';
import { createMemoryToolCallLog } from './memory-tool-call-log.js';
import { defineTool, type ToolContext } from './tool.js';

const agent: AgentConfig = { id: 'orders', name: 'Orders', description: 'd', instructions: 'prompts/orders@1', tools: ['refund', 'slow_refund', 'flaky_refund', 'lookup'], scopes: ['orders:write', 'orders:read'], knowledge: [], handoffs: [], role: 'specialist' };
const context = (idempotencyKey: string): ToolContext => ({ conversationId: 'c', turnId: 't', agentId: 'orders', customerId: 'ada', idempotencyKey });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A refund tool over a balance, counting its executions. */
function refundTools() {
  const state = { balance: 100, executions: 0, failuresLeft: 1 };
  const shape = { input: z.object({ amount: z.number().positive() }), output: z.object({ balance: z.number() }), idempotent: true, kind: 'write' as const, scopes: ['orders:write'] };
  const refund = defineTool({
    ...shape, name: 'refund', description: 'Refunds an amount.', timeoutMs: 100,
    execute({ amount }) {
      state.executions += 1;
      if (amount > state.balance) return Promise.reject(new ToolError('POLICY_REFUSED', 'refund above the balance', { details: { rule: 'over_balance' } }));
      state.balance -= amount;
      return Promise.resolve({ balance: state.balance });
    },
  });
  const slowRefund = defineTool({
    ...shape, name: 'slow_refund', description: 'Refunds slowly.', timeoutMs: 10,
    async execute({ amount }) {
      state.executions += 1;
      await sleep(40);
      state.balance -= amount;
      return { balance: state.balance };
    },
  });
  const flakyRefund = defineTool({
    ...shape, name: 'flaky_refund', description: 'Fails once without effect.', timeoutMs: 100,
    execute({ amount }) {
      state.executions += 1;
      if (state.failuresLeft > 0) {
        state.failuresLeft -= 1;
        return Promise.reject(new StoreError('database unreachable'));
      }
      state.balance -= amount;
      return Promise.resolve({ balance: state.balance });
    },
  });
  return { state, tools: [refund, slowRefund, flakyRefund] };
}

describe('write idempotency in the gateway', () => {
  it('runs a write retried with the same key once and answers the recorded result', async () => {
    const { state, tools } = refundTools();
    const audit: string[] = [];
    const gateway = createToolGateway({ tools, agents: [agent], toolCalls: createMemoryToolCallLog(), audit: (entry) => void audit.push(entry.outcome) });
    const first = await gateway.call({ toolName: 'refund', args: { amount: 30 }, context: context('turn_1:orders:1') });
    const retried = await gateway.call({ toolName: 'refund', args: { amount: 30 }, context: context('turn_1:orders:1') });
    expect(first).toEqual({ ok: true, output: { balance: 70 } });
    expect(retried).toEqual(first);
    expect(state).toMatchObject({ balance: 70, executions: 1 });
    expect(audit).toEqual(['replayed']);
    expect(await gateway.call({ toolName: 'refund', args: { amount: 30 }, context: context('turn_2:orders:1') })).toEqual({ ok: true, output: { balance: 40 } });
  });

  it('records business refusals too, and refuses a key reused for other arguments', async () => {
    const { state, tools } = refundTools();
    const gateway = createToolGateway({ tools, agents: [agent] });
    const refused = await gateway.call({ toolName: 'refund', args: { amount: 500 }, context: context('k1') });
    expect(refused).toEqual({ ok: false, error: { code: 'POLICY_REFUSED', message: 'refund above the balance' } });
    expect(await gateway.call({ toolName: 'refund', args: { amount: 500 }, context: context('k1') })).toEqual(refused);
    expect(state.executions).toBe(1);
    expect(await gateway.call({ toolName: 'refund', args: { amount: 5 }, context: context('k1') })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(state.executions).toBe(1);
  });

  it('releases the key after a retryable failure without effect, so the retry runs', async () => {
    const { state, tools } = refundTools();
    const gateway = createToolGateway({ tools, agents: [agent] });
    expect(await gateway.call({ toolName: 'flaky_refund', args: { amount: 10 }, context: context('k2') })).toMatchObject({ ok: false, error: { code: 'STORE_FAILED' } });
    expect(await gateway.call({ toolName: 'flaky_refund', args: { amount: 10 }, context: context('k2') })).toEqual({ ok: true, output: { balance: 90 } });
    expect(state.executions).toBe(2);
  });

  it('keeps a timed-out write claimed while it runs, then answers its late result', async () => {
    const { state, tools } = refundTools();
    const gateway = createToolGateway({ tools, agents: [agent] });
    expect(await gateway.call({ toolName: 'slow_refund', args: { amount: 10 }, context: context('k3') })).toMatchObject({ ok: false, error: { code: 'TOOL_TIMEOUT' } });
    expect(await gateway.call({ toolName: 'slow_refund', args: { amount: 10 }, context: context('k3') })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await sleep(60);
    expect(await gateway.call({ toolName: 'slow_refund', args: { amount: 10 }, context: context('k3') })).toEqual({ ok: true, output: { balance: 90 } });
    expect(state.executions).toBe(1);
  });

  it('does not run a write when the log cannot be reached', async () => {
    const { state, tools } = refundTools();
    const broken: ToolCallLog = { claim: () => Promise.reject(new StoreError('down')), complete: () => Promise.resolve(), release: () => Promise.resolve() };
    const gateway = createToolGateway({ tools, agents: [agent], toolCalls: broken });
    expect(await gateway.call({ toolName: 'refund', args: { amount: 10 }, context: context('k4') })).toMatchObject({ ok: false, error: { code: 'STORE_FAILED' } });
    expect(state.executions).toBe(0);
  });
});

describe('createMemoryToolCallLog', () => {
  it('lets a retry take over a claim whose lease expired, for the same call only', async () => {
    const clock = createManualClock();
    const log = createMemoryToolCallLog({ clock });
    const request = { idempotencyKey: 'k', toolName: 'refund', argsJson: '{"amount":1}', conversationId: 'c', agentId: 'orders', leaseMs: 1000 };
    expect(await log.claim(request)).toEqual({ status: 'claimed' });
    expect((await log.claim(request)).status).toBe('pending');
    clock.advance(1001);
    expect(await log.claim({ ...request, argsJson: '{"amount":2}' })).toMatchObject({ status: 'pending', argsJson: '{"amount":1}' });
    expect(await log.claim(request)).toEqual({ status: 'claimed' });
    expect(log.size).toBe(1);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], skipped: undefined })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});
