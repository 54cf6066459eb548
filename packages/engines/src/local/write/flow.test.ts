import { describe, expect, it } from 'vitest';
import { emptyEntities, type AgentConfig, type AgentRunInput, type AgentRunOutput, type AgentToolbox, type Conversation, type DialogState, type KnowledgeBase, type Order, type ToolCallResult, type User } from '@switchboard/core';
import { makeTriageDecision } from '@switchboard/core/testing';
import { createLocalEngine } from '../engine.js';

const user: User = {
  user_id: 'ava_moore_2033', name: { first_name: 'Ava', last_name: 'Moore' }, email: 'ava@example.com', orders: ['#W1000001'],
  address: { address1: '1 Main St', address2: '', city: 'Austin', country: 'USA', state: 'TX', zip: '78701' },
  payment_methods: { credit_card_1: { source: 'credit_card', id: 'credit_card_1', brand: 'visa', last_four: '4242' }, paypal_1: { source: 'paypal', id: 'paypal_1' } },
};
const order: Order = {
  order_id: '#W1000001', user_id: user.user_id, address: user.address, status: 'pending', fulfillments: [],
  items: [{ name: 'Water Bottle', product_id: 'p1', item_id: 'i1', price: 47.76, options: { capacity: '750ml', color: 'red' } }],
  payment_history: [{ transaction_type: 'payment', amount: 47.76, payment_method_id: 'credit_card_1' }],
};

/** A toolbox double holding `tools`, answering from the two records above; records every call. */
function toolbox(input: { tools: string[]; calls: { name: string; args: unknown }[] }): AgentToolbox {
  const answer = (name: string, args: Record<string, unknown>): ToolCallResult => {
    if (!input.tools.includes(name)) return { ok: false, error: { code: 'TOOL_SCOPE_DENIED', message: name } };
    if (name === 'get_user_details') return { ok: true, output: user };
    if (name === 'get_order_details') return args.order_id === order.order_id ? { ok: true, output: order } : { ok: false, error: { code: 'NOT_FOUND', message: 'not found' } };
    if (name === 'modify_pending_order_payment') return { ok: true, output: { ...order, payment_history: [...order.payment_history, { transaction_type: 'payment', amount: 47.76, payment_method_id: 'paypal_1' }, { transaction_type: 'refund', amount: 47.76, payment_method_id: 'credit_card_1' }] } };
    return { ok: false, error: { code: 'TOOL_NOT_FOUND', message: name } };
  };
  return {
    available: input.tools,
    call: <Output>(name: string, args: unknown) => {
      input.calls.push({ name, args });
      return Promise.resolve(answer(name, args as Record<string, unknown>) as ToolCallResult<Output>);
    },
  };
}

const knowledge: KnowledgeBase = { get: () => undefined, search: () => [] };
const engine = createLocalEngine({
  knowledge,
  intentPlaybooks: { change_order: 'change_order', check_payment_methods: 'knowledge_answer' },
  intentAgents: { change_order: 'orders', check_payment_methods: 'billing' },
  minKnowledgeScore: 5,
});
const agent = (id: string): AgentConfig => ({ id, name: id, description: '', instructions: `prompts/${id}@1`, tools: [], scopes: [], knowledge: [], handoffs: ['orders', 'billing'].filter((other) => other !== id), role: 'specialist' });
const ORDER_TOOLS = ['get_user_details', 'get_order_details', 'modify_pending_order_payment'];

function run(options: { text: string; intent: string; agentId: string; tools: string[]; dialog?: DialogState; reason?: AgentRunInput['reason']; calls?: { name: string; args: unknown }[] }): Promise<AgentRunOutput> {
  const entities = { ...emptyEntities(), orderIds: (/#W\d{7}/.exec(options.text) ?? []).slice(0, 1) };
  const conversation: Conversation = {
    id: 'c1', channel: 'test', status: 'open', handoffChain: [], accountFlags: [], entities, dialog: options.dialog ?? { slots: {}, failedAttempts: 0 }, priority: 'normal', autonomy: 'auto',
    identity: { customerId: user.user_id, verifiedBy: 'channel' }, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 0,
  };
  const message = { id: `m_${options.text.length}`, conversationId: 'c1', role: 'customer' as const, author: 'customer', text: options.text, createdAt: conversation.createdAt };
  return engine.runAgent({
    agent: agent(options.agentId), reason: options.reason ?? 'route', intent: options.intent, conversation, message, history: [message],
    triage: makeTriageDecision({ intent: options.intent, entities, confidence: 0.9 }), tools: toolbox({ tools: options.tools, calls: options.calls ?? [] }),
  });
}

describe('write flow of the local engine', () => {
  it('takes an explicit write request routed to an information playbook, and hands it to the agent holding the tool', async () => {
    const output = await run({ text: 'Can I switch the payment for order #W1000001 to PayPal?', intent: 'check_payment_methods', agentId: 'billing', tools: [] });
    expect(output.result).toMatchObject({ status: 'handoff', handoffTo: 'orders' });
    const received = await run({ text: 'Can I switch the payment for order #W1000001 to PayPal?', intent: 'check_payment_methods', agentId: 'orders', tools: ORDER_TOOLS, dialog: output.dialog, reason: 'handoff' });
    expect(received.result.status).toBe('needs_info');
    expect(received.result.reply).toContain('Pay order #W1000001 ($47.76) with your PayPal instead of your Visa credit card ending 4242');
    expect(received.dialog.awaiting).toBe('write:confirm');
  });

  it('runs the write only after a yes, with the stated arguments, and reports from the tool output', async () => {
    const first = await run({ text: 'I want to change the payment method of order #W1000001 to PayPal', intent: 'change_order', agentId: 'orders', tools: ORDER_TOOLS });
    const calls: { name: string; args: unknown }[] = [];
    const done = await run({ text: 'yes', intent: 'change_order', agentId: 'orders', tools: ORDER_TOOLS, dialog: first.dialog, reason: 'continue', calls });
    expect(calls.find((call) => call.name === 'modify_pending_order_payment')?.args).toEqual({ order_id: '#W1000001', payment_method_id: 'paypal_1' });
    expect(done.result).toMatchObject({ status: 'resolved' });
    expect(done.result.reply).toMatch(/^Done: order #W1000001 is now paid with your PayPal/);
    expect(done.dialog.slots.write).toBeUndefined();
  });

  it('keeps the request when an answer is routed elsewhere ("my PayPal" read as a payment question), instead of answering that', async () => {
    const first = await run({ text: 'I want to change the payment method of order #W1000001', intent: 'change_order', agentId: 'orders', tools: ORDER_TOOLS });
    expect(first.dialog.awaiting).toBe('write:payment');
    const misrouted = await run({ text: 'my PayPal', intent: 'check_payment_methods', agentId: 'billing', tools: [], dialog: first.dialog });
    expect(misrouted.result).toMatchObject({ status: 'handoff', handoffTo: 'orders' });
  });

  it('never writes on anything but an explicit yes', async () => {
    const first = await run({ text: 'I want to change the payment method of order #W1000001 to PayPal', intent: 'change_order', agentId: 'orders', tools: ORDER_TOOLS });
    for (const text of ['ok', 'maybe', 'no']) {
      const calls: { name: string; args: unknown }[] = [];
      await run({ text, intent: 'change_order', agentId: 'orders', tools: ORDER_TOOLS, dialog: first.dialog, reason: 'continue', calls });
      expect(calls.map((call) => call.name)).not.toContain('modify_pending_order_payment');
    }
  });
});
