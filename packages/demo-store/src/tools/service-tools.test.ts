import { createToolGateway, type AgentConfig, type CommerceStore, type StoreSnapshot, type ToolCallResult, type ToolGateway } from '@switchboard/core';
import { createManualClock, createMemoryEmailOutbox, createMemoryNewsletterSubscriptions } from '@switchboard/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { tauFixtureSnapshot } from '../tau/fixture.js';
import { createMemoryCommerceStore } from '../testing.js';
import { calculate } from './calculator.js';
import { createDemoTools, type ServiceStatusConfig } from './index.js';
import { pythonRound2 } from './tau-rules.js';

const ADA = 'ada_lovelace_1234';
const address = { address1: '9 Pine Road', address2: 'Apt 2', city: 'Austin', state: 'TX', country: 'USA', zip: '73301' };

let commerce: CommerceStore;
let outbox: ReturnType<typeof createMemoryEmailOutbox>;
let gateway: ToolGateway;
let keys = 0;

function setUp(options: { snapshot?: StoreSnapshot; serviceStatus?: ServiceStatusConfig } = {}): void {
  commerce = createMemoryCommerceStore({ snapshot: options.snapshot ?? tauFixtureSnapshot() });
  outbox = createMemoryEmailOutbox();
  const tools = createDemoTools({
    commerce, outbox, newsletter: createMemoryNewsletterSubscriptions(), clock: createManualClock({ start: new Date('2026-02-01T12:00:00.000Z') }),
    ...(options.serviceStatus === undefined ? {} : { serviceStatus: options.serviceStatus }),
  });
  const tester: AgentConfig = {
    id: 'tester', name: 'Tester', description: 'Holds every tool.', instructions: 'prompts/tester@1',
    tools: tools.map((tool) => tool.name), scopes: [...new Set(tools.flatMap((tool) => tool.scopes))], knowledge: [], handoffs: [], role: 'specialist',
  };
  gateway = createToolGateway({ tools, agents: [tester] });
}
beforeEach(() => setUp());

const call = (toolName: string, args: unknown, options: { customerId?: string; key?: string } = { customerId: ADA }): Promise<ToolCallResult> =>
  gateway.call({ toolName, args, context: { conversationId: 'conv_1', turnId: 'turn_1', agentId: 'tester', idempotencyKey: options.key ?? `key_${(keys += 1)}`, ...(options.customerId === undefined ? {} : { customerId: options.customerId }) } });
const output = async <T = Record<string, unknown>>(result: Promise<ToolCallResult>): Promise<T> => {
  const settled = await result;
  if (!settled.ok) throw new Error(`expected ok, got ${settled.error.code}: ${settled.error.message}`);
  return settled.output as T;
};

describe('account tools', () => {
  it('changes the verified customer\u2019s default address; lookups follow the new zip', async () => {
    expect(await output(call('modify_user_address', { user_id: ADA, ...address }))).toMatchObject({ user_id: ADA, address });
    expect(await commerce.findUserIdByNameZip({ firstName: 'Ada', lastName: 'Lovelace', zip: '73301' })).toBe(ADA);
  });

  it('queues one password-reset email to the address on file, even when retried', async () => {
    expect(await call('send_password_reset', { email: 'someone.else@example.com' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const args = { email: 'ADA.Lovelace1234@example.com' };
    expect(await output(call('send_password_reset', args, { customerId: ADA, key: 'turn_3:account:1' }))).toEqual({ status: 'queued', template: 'password_reset', to: 'ada.lovelace1234@example.com' });
    await output(call('send_password_reset', args, { customerId: ADA, key: 'turn_3:account:1' }));
    expect(outbox.all).toEqual([{ id: 'password_reset:turn_3:account:1', template: 'password_reset', userId: ADA, to: 'ada.lovelace1234@example.com', createdAt: '2026-02-01T12:00:00.000Z' }]);
    expect((await call('send_password_reset', args, {})).ok).toBe(false);
  });

  it('subscribes and unsubscribes the newsletter, saying whether it changed', async () => {
    expect(await output(call('set_newsletter_subscription', { subscribed: true }))).toEqual({ subscribed: true, previously_subscribed: false, changed: true });
    expect(await output(call('set_newsletter_subscription', { subscribed: true }))).toEqual({ subscribed: true, previously_subscribed: true, changed: false });
    expect(await output(call('set_newsletter_subscription', { subscribed: false }))).toMatchObject({ changed: true });
  });
});

describe('utility tools', () => {
  it('calculates like τ-bench: Python precedence, results rounded to cents as Python prints floats', () => {
    expect(calculate('(2 + 3) * 4')).toBe('20.0');
    expect(calculate('10 / 3')).toBe('3.33');
    expect(calculate('-2**2')).toBe('-4.0');
    expect(calculate('2**3**2')).toBe('512.0');
    expect(calculate('2 ** -1')).toBe('0.5');
    expect(calculate('7 // 2 - .5')).toBe('2.5');
    expect(calculate('53.43 - 50.88')).toBe('2.55');
    expect(calculate('10**17')).toBe('1e+17');
  });

  it('refuses bad expressions with INVALID_INPUT', async () => {
    expect(await call('calculate', { expression: '1 / 0' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'division by zero' } });
    expect(await call('calculate', { expression: 'import os' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'invalid characters in expression' } });
    expect(await call('calculate', { expression: '(1 + 2' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'invalid syntax' } });
  });

  it('transfers to a human and thinks without side effects', async () => {
    expect(await output(call('transfer_to_human_agents', { summary: 'Customer wants to dispute a charge.' }))).toBe('Transfer successful');
    expect(await output(call('think', { thought: 'Order is pending, so it can be cancelled.' }))).toBe('');
  });

  it('rounds exactly like Python round(x, 2)', () => {
    expect([0.125, 0.375, -0.125, 1.005, 2.675, 3653.5400000000004, 52.029999999999745, 7.449999999999999].map(pythonRound2)).toEqual([0.12, 0.38, -0.12, 1, 2.67, 3653.54, 52.03, 7.45]);
  });
});

describe('technical tools', () => {
  it('reports every service operational by default, and a checkout diagnostic that passes', async () => {
    const status = await output<{ overall: string; components: { name: string; status: string }[] }>(call('get_service_status', {}, {}));
    expect(status.overall).toBe('operational');
    expect(status.components.map((component) => component.name)).toEqual(['website', 'mobile_app', 'account_sign_in', 'checkout', 'payments', 'order_tracking', 'email']);
    const diagnostic = await output<{ result: string; checks: { check: string; status: string }[]; next_steps: string[] }>(call('run_checkout_diagnostic', {}));
    expect(diagnostic.result).toBe('pass');
    expect(diagnostic.checks.map((check) => check.check)).toEqual(['checkout_service', 'payment_service', 'payment_method_on_file', 'default_address']);
    expect(diagnostic.next_steps).toHaveLength(1);
  });

  it('fails the diagnostic on a checkout outage, and on an account that cannot pay', async () => {
    setUp({ serviceStatus: { checkout: { status: 'outage', note: 'Payment provider incident' } } });
    expect(await output(call('get_service_status', {}, {}))).toMatchObject({ overall: 'outage' });
    const unverified = await output<{ result: string; checks: { check: string; status: string }[] }>(call('run_checkout_diagnostic', {}, {}));
    expect(unverified.result).toBe('fail');
    expect(unverified.checks.find((check) => check.check === 'identity')?.status).toBe('skipped');

    const snapshot = tauFixtureSnapshot();
    snapshot.users.grace_hopper_5678!.payment_methods.gift_card_4444444!.balance = 0;
    setUp({ snapshot });
    const grace = await output<{ result: string; checks: { check: string; status: string }[] }>(call('run_checkout_diagnostic', {}, { customerId: 'grace_hopper_5678' }));
    expect(grace.result).toBe('fail');
    expect(grace.checks.find((check) => check.check === 'payment_method_on_file')?.status).toBe('fail');
  });
});
