import { describe, expect, it } from 'vitest';
import { emptyEntities, type AgentConfig, type AgentRunInput, type AgentToolbox, type Conversation, type KnowledgeBase, type Order, type ToolCallResult, type User } from '@switchboard/core';
import { makeTriageDecision } from '@switchboard/core/testing';
import { createLocalEngine } from './engine.js';

const user: User = {
  user_id: 'ava_moore_2033',
  name: { first_name: 'Ava', last_name: 'Moore' },
  address: { address1: '1 Main St', address2: '', city: 'Austin', country: 'USA', state: 'TX', zip: '78701' },
  email: 'ava.moore2033@example.com',
  payment_methods: { credit_card_1: { source: 'credit_card', id: 'credit_card_1', brand: 'visa', last_four: '4242' } },
  orders: ['#W1000001', '#W1000002'],
};
const order: Order = {
  order_id: '#W1000002', user_id: user.user_id, address: user.address, status: 'delivered',
  items: [{ name: 'Water Bottle', product_id: 'p1', item_id: 'i1', price: 47.76, options: { capacity: '750ml', color: 'red' } }],
  fulfillments: [{ tracking_id: ['490313116609'], item_ids: ['i1'] }],
  payment_history: [{ transaction_type: 'payment', amount: 47.76, payment_method_id: 'credit_card_1' }],
};

/** A toolbox over two records: the edge double for the tool gateway. */
function toolbox(calls: string[]): AgentToolbox {
  const answer = (name: string, args: Record<string, string>): ToolCallResult => {
    if (name === 'find_user_id_by_email') return args.email === user.email ? { ok: true, output: user.user_id } : { ok: false, error: { code: 'NOT_FOUND', message: 'not found' } };
    if (name === 'get_user_details') return { ok: true, output: user };
    if (name === 'get_order_details') return args.order_id === order.order_id ? { ok: true, output: order } : { ok: false, error: { code: 'NOT_FOUND', message: 'not found' } };
    return { ok: false, error: { code: 'TOOL_NOT_FOUND', message: name } };
  };
  return {
    available: [],
    call: <Output>(name: string, args: unknown) => {
      calls.push(name);
      return Promise.resolve(answer(name, args as Record<string, string>) as ToolCallResult<Output>);
    },
  };
}

const knowledge: KnowledgeBase = {
  get: () => undefined,
  search: (query) => (/return/i.test(query) ? [{ article: { id: 'return-policy', title: 'Return policy', collection: 'returns', tags: [], body: '' }, score: 10, passage: 'You can return items within 30 days of delivery.' }] : []),
};
const engine = createLocalEngine({
  knowledge,
  intentPlaybooks: { track_order: 'order_status', check_refund_policy: 'knowledge_answer', get_invoice: 'invoices' },
  intentAgents: { track_order: 'orders', get_invoice: 'billing', check_refund_policy: 'returns' },
  minKnowledgeScore: 5,
});
const agent: AgentConfig = { id: 'orders', name: 'Orders', description: '', instructions: 'prompts/orders@1', tools: [], scopes: [], knowledge: [], handoffs: ['billing'], role: 'specialist' };
const billing: AgentConfig = { ...agent, id: 'billing', name: 'Billing', handoffs: ['orders'] };

function input(options: { text: string; intent: string; conversation?: Partial<Conversation>; entities?: Partial<ReturnType<typeof emptyEntities>>; calls?: string[]; triageIntent?: string; confidence?: number }): AgentRunInput {
  const entities = { ...emptyEntities(), ...options.entities };
  const conversation: Conversation = {
    id: 'c1', channel: 'test', status: 'open', handoffChain: [], accountFlags: [], entities, dialog: { slots: {}, failedAttempts: 0 }, priority: 'normal', autonomy: 'auto',
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 0, ...options.conversation,
  };
  const message = { id: 'm', conversationId: 'c1', role: 'customer' as const, author: 'customer', text: options.text, createdAt: conversation.createdAt };
  const reason = conversation.dialog.awaiting ? 'continue' : 'route';
  return { agent, reason, intent: options.intent, conversation, message, history: [message], triage: makeTriageDecision({ intent: options.triageIntent ?? options.intent, entities, confidence: options.confidence ?? 0.9 }), tools: toolbox(options.calls ?? []) };
}

describe('local engine', () => {
  it('asks for identity before reading any account data', async () => {
    const calls: string[] = [];
    const output = await engine.runAgent(input({ text: 'where is my order?', intent: 'track_order', calls }));
    expect(output.result.status).toBe('needs_info');
    expect(output.result.reply).toMatch(/email/i);
    expect(output.dialog.awaiting).toBe('identity');
    expect(calls).toEqual([]);
  });

  it('verifies by email, then asks which order listing only the customer\'s own orders', async () => {
    const calls: string[] = [];
    const output = await engine.runAgent(input({ text: user.email, intent: 'track_order', calls, entities: { emails: [user.email] }, conversation: { dialog: { activeIntent: 'track_order', activeAgentId: 'orders', awaiting: 'identity', slots: {}, failedAttempts: 0 } } }));
    expect(calls).toEqual(['find_user_id_by_email', 'get_user_details']);
    expect(output.result.status).toBe('needs_info');
    expect(output.result.reply).toContain('#W1000001, #W1000002');
  });

  it('reports status and tracking number from the order record', async () => {
    const output = await engine.runAgent(input({ text: '#W1000002', intent: 'track_order', entities: { orderIds: ['#W1000002'] }, conversation: { identity: { customerId: user.user_id, verifiedBy: 'email' }, dialog: { activeIntent: 'track_order', awaiting: 'order_id', slots: {}, failedAttempts: 0 } } }));
    expect(output.result.status).toBe('resolved');
    expect(output.result.reply).toContain('Order #W1000002 is delivered');
    expect(output.result.reply).toContain('490313116609');
    expect(output.result.reply).toContain('$47.76');
  });

  it('answers "not found" for an order id that is not the customer\'s', async () => {
    const output = await engine.runAgent(input({ text: 'order #W9999999', intent: 'track_order', entities: { orderIds: ['#W9999999'] }, conversation: { identity: { customerId: user.user_id, verifiedBy: 'email' } } }));
    expect(output.result.status).toBe('needs_info');
    expect(output.result.reply).toMatch(/couldn't find order #W9999999/);
  });

  it('answers from the knowledge base with its source, and admits when it does not know', async () => {
    const known = await engine.runAgent(input({ text: "what's your return policy?", intent: 'check_refund_policy' }));
    expect(known.result).toMatchObject({ status: 'resolved', sources: ['return-policy'] });
    expect(known.result.reply).toContain('within 30 days of delivery');
    const unknown = await engine.runAgent(input({ text: 'do you sell spaceships?', intent: 'check_refund_policy' }));
    expect(unknown.result.status).toBe('needs_info');
    expect(unknown.result.reply).toMatch(/rather not guess/);
    expect(unknown.dialog.failedAttempts).toBe(1);
  });

  it('hands a misrouted request to the owning agent with a payload, and the receiver does not ask for identity again', async () => {
    const verified = { identity: { customerId: user.user_id, verifiedBy: 'email' as const }, entities: { ...emptyEntities(), emails: [user.email] } };
    const waiting = { ...verified, dialog: { activeIntent: 'track_order', activeAgentId: 'orders', awaiting: 'order_id', slots: {}, failedAttempts: 0 } };
    const handoff = await engine.runAgent(input({ text: 'actually I need a copy of the invoice', intent: 'track_order', triageIntent: 'get_invoice', confidence: 0.6, conversation: waiting }));
    expect(handoff.result).toMatchObject({ status: 'handoff', handoffTo: 'billing' });
    expect(handoff.handoff).toMatchObject({ version: 1, fromAgent: 'orders', toAgent: 'billing', customer: { customerId: user.user_id, verified: true } });
    expect(handoff.handoff!.entities.emails).toEqual([user.email]);

    const calls: string[] = [];
    const received = { ...input({ text: 'actually I need a copy of the invoice', intent: 'get_invoice', calls, conversation: { ...verified, dialog: handoff.dialog } }), agent: billing, reason: 'handoff' as const, handoff: handoff.handoff! };
    const answer = await engine.runAgent(received);
    expect(answer.result.status).toBe('needs_info');
    expect(answer.result.reply).not.toMatch(/email|verify/i);
    expect(answer.result.reply).toContain('#W1000001, #W1000002');
    expect(calls).not.toContain('find_user_id_by_email');
  });

  it('keeps the request when the message answers the pending question', async () => {
    const waiting = { identity: { customerId: user.user_id, verifiedBy: 'email' as const }, dialog: { activeIntent: 'track_order', activeAgentId: 'orders', awaiting: 'order_id', slots: {}, failedAttempts: 0 } };
    const output = await engine.runAgent(input({ text: 'the invoice one is #W1000002', intent: 'track_order', triageIntent: 'get_invoice', confidence: 0.6, entities: { orderIds: ['#W1000002'] }, conversation: waiting }));
    expect(output.result.status).toBe('resolved');
    expect(output.result.reply).toContain('Order #W1000002 is delivered');
  });
});
