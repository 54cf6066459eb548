import { createToolGateway, type AgentConfig, type ApprovalQueue, type CommerceStore, type ToolCallResult, type ToolGateway } from '@switchboard/core';
import { createManualClock, createMemoryApprovalQueue, createMemoryEmailOutbox, createMemoryNewsletterSubscriptions, createSequentialIds } from '@switchboard/core/testing';
import { describe, expect, it } from 'vitest';
import { tauFixtureSnapshot } from '../tau/fixture.js';
import { createMemoryCommerceStore } from '../testing.js';
import { createDemoTools } from './index.js';

const ADA = 'ada_lovelace_1234';

/** A gateway with an approval queue over the fixture store, with the given refund limit (`undefined`: the default). */
function setUp(refundLimitCents?: number | null): { gateway: ToolGateway; approvals: ApprovalQueue; commerce: CommerceStore } {
  const commerce = createMemoryCommerceStore({ snapshot: tauFixtureSnapshot() });
  const clock = createManualClock();
  const tools = createDemoTools({ commerce, outbox: createMemoryEmailOutbox(), newsletter: createMemoryNewsletterSubscriptions(), clock, ...(refundLimitCents === undefined ? {} : { refundLimitCents }) });
  const agent: AgentConfig = {
    id: 'returns', name: 'Returns', description: '', instructions: 'prompts/returns@1', tools: tools.map((tool) => tool.name),
    scopes: [...new Set(tools.flatMap((tool) => tool.scopes))], knowledge: [], handoffs: [], role: 'specialist',
  };
  const approvals = createMemoryApprovalQueue();
  const gateway = createToolGateway({ tools, agents: [agent], approvals: { queue: approvals, clock, ids: createSequentialIds() } });
  return { gateway, approvals, commerce };
}

let keys = 0;
const call = (gateway: ToolGateway, toolName: string, args: unknown): Promise<ToolCallResult> =>
  gateway.call({ toolName, args, context: { conversationId: 'conv_1', turnId: 'turn_1', agentId: 'returns', customerId: ADA, idempotencyKey: `key_${(keys += 1)}` } });

/** Returning both blue T-shirts and the bottle of delivered order #W1000002 refunds $131.86. */
const returnAll = { order_id: '#W1000002', item_ids: ['1111111111', '1111111111', '5555555555'], payment_method_id: 'paypal_3333333' };

describe('refund limit (desk policy)', () => {
  it('holds a return whose refund is above the limit for an operator, with the amount, and changes nothing', async () => {
    const { gateway, approvals, commerce } = setUp(10_000);
    const result = await call(gateway, 'return_delivered_order_items', returnAll);
    expect(result).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED', approvalId: expect.any(String) as string } });
    const [held] = await approvals.list({ status: 'pending' });
    expect(held).toMatchObject({ toolName: 'return_delivered_order_items', amountCents: 13_186, customerId: ADA, args: returnAll });
    expect(held?.reason).toMatch(/^REFUND_ABOVE_LIMIT: /);
    expect((await commerce.getOrder('#W1000002'))?.status).toBe('delivered');
  });

  it('runs a return at or below the limit, and every return when the limit is off (null)', async () => {
    const small = setUp(13_186);
    expect(await call(small.gateway, 'return_delivered_order_items', returnAll)).toMatchObject({ ok: true, output: { status: 'return requested' } });
    const unlimited = setUp(null);
    expect(await call(unlimited.gateway, 'return_delivered_order_items', returnAll)).toMatchObject({ ok: true });
    expect(await unlimited.approvals.list()).toEqual([]);
  });

  it('defaults to $500: a $131.86 return runs', async () => {
    const { gateway, approvals } = setUp();
    expect(await call(gateway, 'return_delivered_order_items', returnAll)).toMatchObject({ ok: true });
    expect(await approvals.list()).toEqual([]);
  });

  it('holds an exchange that refunds a price difference above the limit, not one that charges', async () => {
    const refunding = setUp(1);
    // Red T-shirt ($53.43) → blue ($50.88) is not in this order; the bottle 1000ml ($30.10) → 500ml ($20.25) refunds $9.85.
    const result = await call(refunding.gateway, 'exchange_delivered_order_items', { order_id: '#W1000002', item_ids: ['5555555555'], new_item_ids: ['4444444444'], payment_method_id: 'paypal_3333333' });
    expect(result).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect((await refunding.approvals.list())[0]).toMatchObject({ amountCents: 985 });
    const charging = setUp(1);
    const paid = await call(charging.gateway, 'exchange_delivered_order_items', { order_id: '#W1000002', item_ids: ['1111111111'], new_item_ids: ['2222222222'], payment_method_id: 'paypal_3333333' });
    expect(paid).toMatchObject({ ok: true });
  });

  it('never reveals another customer\u2019s order through the rule: the tool answers "order not found"', async () => {
    const { gateway, approvals } = setUp(1);
    const result = await call(gateway, 'return_delivered_order_items', { order_id: '#W2000001', item_ids: ['2222222222'], payment_method_id: 'paypal_3333333' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await approvals.list()).toEqual([]);
  });
});
