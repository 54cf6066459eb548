import { createToolGateway, type AgentConfig, type CommerceStore, type Order, type StoreSnapshot, type ToolCallResult, type ToolGateway, type User } from '@switchboard/core';
import { createManualClock, createMemoryEmailOutbox, createMemoryNewsletterSubscriptions, createMemoryToolCallLog } from '@switchboard/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { tauFixtureSnapshot } from '../tau/fixture.js';
import { createMemoryCommerceStore } from '../testing.js';
import { createDemoTools, createWriteTools } from './index.js';

const ADA = 'ada_lovelace_1234';
const GRACE = 'grace_hopper_5678';

let commerce: CommerceStore;
let gateway: ToolGateway;
let keys = 0;

function setUp(snapshot: StoreSnapshot = tauFixtureSnapshot()): void {
  commerce = createMemoryCommerceStore({ snapshot });
  const tools = createDemoTools({ commerce, outbox: createMemoryEmailOutbox(), newsletter: createMemoryNewsletterSubscriptions(), clock: createManualClock() });
  const tester: AgentConfig = {
    id: 'tester', name: 'Tester', description: 'Holds every tool.', instructions: 'prompts/tester@1',
    tools: tools.map((tool) => tool.name), scopes: [...new Set(tools.flatMap((tool) => tool.scopes))], knowledge: [], handoffs: [], role: 'specialist',
  };
  gateway = createToolGateway({ tools, agents: [tester], toolCalls: createMemoryToolCallLog() });
}
beforeEach(() => setUp());

/** Calls as the verified customer (`customerId`), with a fresh idempotency key unless `key` is given. */
const call = (toolName: string, args: unknown, options: { customerId?: string; key?: string } = {}): Promise<ToolCallResult> =>
  gateway.call({ toolName, args, context: { conversationId: 'conv_1', turnId: 'turn_1', agentId: 'tester', idempotencyKey: options.key ?? `key_${(keys += 1)}`, ...(options.customerId === undefined ? {} : { customerId: options.customerId }) } });
const asAda = (toolName: string, args: unknown, key?: string) => call(toolName, args, { customerId: ADA, ...(key === undefined ? {} : { key }) });

async function output<T = Order>(result: Promise<ToolCallResult>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`expected ok, got ${settled.error.code}: ${settled.error.message}`);
  return settled.output as T;
}
async function refusal(result: Promise<ToolCallResult>): Promise<{ code: string; message: string }> {
  const settled = await result;
  if (settled.ok) throw new Error('expected a refusal');
  return settled.error;
}
const giftCard = async (userId: string, id: string): Promise<number | undefined> => (await commerce.getUser(userId))?.payment_methods[id]?.balance;

describe('createWriteTools', () => {
  it('declares fourteen tools; the writes are idempotent with a 5 s timeout', () => {
    const tools = createWriteTools({ commerce: createMemoryCommerceStore(), outbox: createMemoryEmailOutbox(), newsletter: createMemoryNewsletterSubscriptions(), clock: createManualClock() });
    expect(tools).toHaveLength(14);
    const writes = tools.filter((tool) => tool.kind === 'write').map((tool) => tool.name);
    expect(new Set(writes)).toEqual(new Set([
      'cancel_pending_order', 'modify_pending_order_address', 'modify_pending_order_items', 'modify_pending_order_payment',
      'exchange_delivered_order_items', 'return_delivered_order_items', 'modify_user_address', 'send_password_reset', 'set_newsletter_subscription',
    ]));
    expect(tools.filter((tool) => tool.kind === 'read').map((tool) => tool.name)).toEqual(['calculate', 'think', 'transfer_to_human_agents', 'get_service_status', 'run_checkout_diagnostic']);
    for (const tool of tools.filter((candidate) => candidate.kind === 'write')) expect(tool).toMatchObject({ idempotent: true, timeoutMs: 5000 });
  });
});

describe('identity binding of writes', () => {
  it('answers another customer\u2019s order exactly like a missing one (NOT_FOUND) and changes nothing', async () => {
    const other = await refusal(asAda('cancel_pending_order', { order_id: '#W2000001', reason: 'no longer needed' }));
    const missing = await refusal(asAda('cancel_pending_order', { order_id: '#W9999999', reason: 'no longer needed' }));
    expect(other).toEqual({ code: 'NOT_FOUND', message: 'order not found' });
    expect(other).toEqual(missing);
    for (const [tool, args] of [
      ['modify_pending_order_address', { order_id: '#W2000001', address1: '1 Way', address2: '', city: 'Austin', state: 'TX', country: 'USA', zip: '73301' }],
      ['modify_pending_order_payment', { order_id: '#W2000001', payment_method_id: 'gift_card_4444444' }],
      ['modify_user_address', { user_id: GRACE, address1: '1 Way', address2: '', city: 'Austin', state: 'TX', country: 'USA', zip: '73301' }],
    ] as const) {
      expect((await refusal(asAda(tool, args))).code).toBe('NOT_FOUND');
    }
    expect((await commerce.getOrder('#W2000001'))?.status).toBe('pending');
  });

  it('refuses writes before identity is verified (INVALID_INPUT)', async () => {
    const error = await refusal(call('cancel_pending_order', { order_id: '#W1000001', reason: 'no longer needed' }));
    expect(error.code).toBe('INVALID_INPUT');
  });
});

describe('cancel_pending_order', () => {
  it('cancels a pending order and refunds the card payment', async () => {
    const order = await output(asAda('cancel_pending_order', { order_id: '#W1000001', reason: 'no longer needed' }));
    expect(order).toMatchObject({ status: 'cancelled', cancel_reason: 'no longer needed' });
    expect(order.payment_history).toEqual([
      { transaction_type: 'payment', amount: 71.13, payment_method_id: 'credit_card_1111111' },
      { transaction_type: 'refund', amount: 71.13, payment_method_id: 'credit_card_1111111' },
    ]);
    expect(await commerce.getOrder('#W1000001')).toEqual(order);
  });

  it('refunds a gift card immediately', async () => {
    await output(call('cancel_pending_order', { order_id: '#W2000001', reason: 'ordered by mistake' }, { customerId: GRACE }));
    expect(await giftCard(GRACE, 'gift_card_4444444')).toBe(153.43);
  });

  it('refuses a non-pending order and an unknown reason', async () => {
    expect(await refusal(asAda('cancel_pending_order', { order_id: '#W1000003', reason: 'no longer needed' }))).toEqual({ code: 'POLICY_REFUSED', message: 'non-pending order cannot be cancelled' });
    expect((await refusal(asAda('cancel_pending_order', { order_id: '#W1000001', reason: 'changed my mind' }))).code).toBe('TOOL_INVALID_ARGUMENTS');
  });

  it('applies a write retried with the same idempotency key once, and answers the same result', async () => {
    const first = await call('cancel_pending_order', { order_id: '#W2000001', reason: 'no longer needed' }, { customerId: GRACE, key: 'turn_7:orders:1' });
    const retried = await call('cancel_pending_order', { order_id: '#W2000001', reason: 'no longer needed' }, { customerId: GRACE, key: 'turn_7:orders:1' });
    expect(retried).toEqual(first);
    expect((await commerce.getOrder('#W2000001'))?.payment_history).toHaveLength(2);
    expect(await giftCard(GRACE, 'gift_card_4444444')).toBe(153.43);
    const again = await refusal(call('cancel_pending_order', { order_id: '#W2000001', reason: 'no longer needed' }, { customerId: GRACE, key: 'turn_8:orders:1' }));
    expect(again.message).toBe('non-pending order cannot be cancelled');
  });
});

describe('modify_pending_order_items', () => {
  const swap = (itemIds: string[], newItemIds: string[], paymentMethodId = 'gift_card_2222222') =>
    asAda('modify_pending_order_items', { order_id: '#W1000001', item_ids: itemIds, new_item_ids: newItemIds, payment_method_id: paymentMethodId });

  it('swaps to an available option of the same product and charges the difference to the gift card', async () => {
    const order = await output(swap(['1111111111'], ['2222222222']));
    expect(order.status).toBe('pending (item modified)');
    expect(order.items[0]).toMatchObject({ item_id: '2222222222', price: 53.43, options: { color: 'red', size: 'M' } });
    expect(order.payment_history[1]).toEqual({ transaction_type: 'payment', amount: 53.43 - 50.88, payment_method_id: 'gift_card_2222222' });
    expect(await giftCard(ADA, 'gift_card_2222222')).toBe(7.45);
    expect((await refusal(swap(['4444444444'], ['5555555555']))).message).toBe('non-pending order cannot be modified');
  });

  it('refuses another product type, an unavailable option, a missing item and unequal lists', async () => {
    expect(await refusal(swap(['1111111111'], ['4444444444']))).toEqual({ code: 'POLICY_REFUSED', message: 'new item 4444444444 not found or available' });
    expect(await refusal(swap(['1111111111'], ['3333333333']))).toEqual({ code: 'POLICY_REFUSED', message: 'new item 3333333333 not found or available' });
    expect(await refusal(swap(['1111111111'], ['0000000000']))).toEqual({ code: 'NOT_FOUND', message: 'new item 0000000000 not found or available' });
    expect(await refusal(swap(['9999999999'], ['2222222222']))).toEqual({ code: 'NOT_FOUND', message: '9999999999 not found' });
    expect(await refusal(swap(['1111111111', '1111111111'], ['2222222222', '2222222222']))).toEqual({ code: 'NOT_FOUND', message: '1111111111 not found' });
    expect(await refusal(swap(['1111111111'], ['2222222222', '5555555555']))).toEqual({ code: 'INVALID_INPUT', message: 'the number of items to be exchanged should match' });
    expect((await commerce.getOrder('#W1000001'))?.status).toBe('pending');
  });

  it('refuses a gift card that cannot cover the difference', async () => {
    // 2.55 + 9.85 = 12.40 > $10 on the card.
    expect(await refusal(swap(['1111111111', '4444444444'], ['2222222222', '5555555555']))).toEqual({ code: 'POLICY_REFUSED', message: 'insufficient gift card balance to pay for the new item' });
    expect(await giftCard(ADA, 'gift_card_2222222')).toBe(10);
  });
});

describe('modify_pending_order_payment and _address', () => {
  it('moves the payment to another method: charge the new one, refund the original', async () => {
    const order = await output(asAda('modify_pending_order_payment', { order_id: '#W1000001', payment_method_id: 'paypal_3333333' }));
    expect(order.status).toBe('pending');
    expect(order.payment_history.slice(1)).toEqual([
      { transaction_type: 'payment', amount: 71.13, payment_method_id: 'paypal_3333333' },
      { transaction_type: 'refund', amount: 71.13, payment_method_id: 'credit_card_1111111' },
    ]);
    expect((await refusal(asAda('modify_pending_order_payment', { order_id: '#W1000001', payment_method_id: 'credit_card_1111111' }))).message).toBe('there should be exactly one payment for a pending order');
  });

  it('refuses the same method, an unknown one, and a gift card below the total', async () => {
    expect((await refusal(asAda('modify_pending_order_payment', { order_id: '#W1000001', payment_method_id: 'credit_card_1111111' }))).message).toBe('the new payment method should be different from the current one');
    expect(await refusal(asAda('modify_pending_order_payment', { order_id: '#W1000001', payment_method_id: 'gift_card_4444444' }))).toEqual({ code: 'NOT_FOUND', message: 'payment method not found' });
    expect(await refusal(asAda('modify_pending_order_payment', { order_id: '#W1000001', payment_method_id: 'gift_card_2222222' }))).toEqual({ code: 'POLICY_REFUSED', message: 'insufficient gift card balance to pay for the order' });
  });

  it('changes the shipping address of a pending order only', async () => {
    const address = { address1: '9 Pine Road', address2: '', city: 'Austin', state: 'TX', country: 'USA', zip: '73301' };
    expect((await output(asAda('modify_pending_order_address', { order_id: '#W1000001', ...address }))).address).toEqual(address);
    expect((await refusal(asAda('modify_pending_order_address', { order_id: '#W1000002', ...address }))).message).toBe('non-pending order cannot be modified');
  });
});

describe('return_delivered_order_items and exchange_delivered_order_items', () => {
  it('requests a return to a gift card; refuses another method, a pending order and too many items', async () => {
    expect(await refusal(asAda('return_delivered_order_items', { order_id: '#W1000002', item_ids: ['1111111111'], payment_method_id: 'credit_card_1111111' }))).toEqual({
      code: 'POLICY_REFUSED', message: 'payment method should be either the original payment method or a gift card',
    });
    expect((await refusal(asAda('return_delivered_order_items', { order_id: '#W1000001', item_ids: ['1111111111'], payment_method_id: 'gift_card_2222222' }))).message).toBe('non-delivered order cannot be returned');
    expect((await refusal(asAda('return_delivered_order_items', { order_id: '#W1000002', item_ids: ['1111111111', '1111111111', '1111111111'], payment_method_id: 'paypal_3333333' }))).message).toBe('some item not found');
    const order = await output(asAda('return_delivered_order_items', { order_id: '#W1000002', item_ids: ['5555555555', '1111111111'], payment_method_id: 'gift_card_2222222' }));
    expect(order).toMatchObject({ status: 'return requested', return_items: ['1111111111', '5555555555'], return_payment_method_id: 'gift_card_2222222' });
  });

  it('requests an exchange within a product type, with the rounded price difference', async () => {
    const args = { order_id: '#W1000002', item_ids: ['1111111111', '1111111111'], new_item_ids: ['2222222222', '1111111111'], payment_method_id: 'paypal_3333333' };
    expect((await refusal(asAda('exchange_delivered_order_items', { ...args, new_item_ids: ['5555555555', '1111111111'] }))).code).toBe('POLICY_REFUSED');
    expect((await refusal(asAda('exchange_delivered_order_items', { ...args, order_id: '#W1000001', item_ids: ['1111111111'], new_item_ids: ['2222222222'] }))).message).toBe('non-delivered order cannot be exchanged');
    const order = await output(asAda('exchange_delivered_order_items', args));
    expect(order).toMatchObject({ status: 'exchange requested', exchange_items: ['1111111111', '1111111111'], exchange_new_items: ['1111111111', '2222222222'], exchange_price_difference: 2.55 });
    expect((await refusal(asAda('exchange_delivered_order_items', args))).message).toBe('non-delivered order cannot be exchanged');
  });

  it('refuses an exchange the gift card cannot cover', async () => {
    const snapshot = tauFixtureSnapshot();
    const ada: User = snapshot.users[ADA]!;
    ada.payment_methods.gift_card_2222222!.balance = 1;
    setUp(snapshot);
    const args = { order_id: '#W1000002', item_ids: ['1111111111'], new_item_ids: ['2222222222'], payment_method_id: 'gift_card_2222222' };
    expect(await refusal(asAda('exchange_delivered_order_items', args))).toEqual({ code: 'POLICY_REFUSED', message: 'insufficient gift card balance to pay for the price difference' });
  });
});
