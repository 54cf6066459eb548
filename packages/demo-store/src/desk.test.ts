import { createToolGateway, type ToolCallResult } from '@switchboard/core';
import { createManualClock, createMemoryEmailOutbox, createMemoryNewsletterSubscriptions } from '@switchboard/core/testing';
import { describe, expect, it } from 'vitest';
import { createDemoDesk } from './desk.js';
import { generateStore } from './generator/generate.js';
import { KNOWLEDGE_ARTICLES } from './knowledge/index.js';
import { INTENTS } from './routing/intents.js';
import { createMemoryCommerceStore } from './testing.js';
import { createDemoTools, createReadTools } from './tools/index.js';

const desk = createDemoDesk();
const tools = createDemoTools({ commerce: createMemoryCommerceStore(), outbox: createMemoryEmailOutbox(), newsletter: createMemoryNewsletterSubscriptions(), clock: createManualClock() });
const toolsByName = new Map(tools.map((tool) => [tool.name, tool]));

describe('createDemoDesk', () => {
  it('parses, with the eight agents, the technical sub-agents, and triage and escalation roles', () => {
    expect(desk.agents.map((agent) => agent.id)).toEqual(['triage', 'billing', 'orders', 'returns', 'account', 'technical', 'technical_web', 'technical_checkout', 'technical_access', 'faq', 'escalation']);
    expect(desk.agents.find((agent) => agent.id === 'triage')?.role).toBe('triage');
    expect(desk.agents.find((agent) => agent.id === 'escalation')?.role).toBe('escalation');
    expect(desk.routing).toMatchObject({ fallbackAgentId: 'faq', escalationAgentId: 'escalation' });
    expect(Object.isFrozen(desk)).toBe(true);
  });

  it('routes every intent to a desk agent and knows its category', () => {
    const agentIds = new Set(desk.agents.map((agent) => agent.id));
    for (const [intent, definition] of Object.entries(INTENTS)) {
      expect(desk.routing.intentToAgent[intent]).toBe(definition.agentId);
      expect(agentIds.has(definition.agentId)).toBe(true);
      expect(desk.routing.intentCategory[intent]).toBe(definition.category);
    }
  });

  it('sends each category to its human queue, legal cases to legal', () => {
    expect(desk.queues.byCategory).toMatchObject({
      ORDER: 'orders', DELIVERY: 'orders', SHIPPING_ADDRESS: 'orders', EXCHANGE: 'orders',
      REFUND: 'billing', INVOICE: 'billing', PAYMENT: 'billing', CANCELLATION_FEE: 'billing',
      ACCOUNT: 'account', NEWSLETTER: 'account', TECHNICAL: 'technical',
      CONTACT: 'general', FEEDBACK: 'general', PRODUCT: 'general',
    });
    expect(desk.queues).toMatchObject({ defaultQueue: 'general', legalQueue: 'legal' });
  });

  it('gives each agent existing tools with exactly the scopes they need', () => {
    for (const agent of desk.agents) {
      const needed = new Set(agent.tools.flatMap((name) => toolsByName.get(name)?.scopes ?? ['<missing tool>']));
      expect(new Set(agent.scopes)).toEqual(needed);
      expect(agent.instructions).toBe(`prompts/${agent.id}@1`);
    }
    const toolsOf = (id: string): string[] => desk.agents.find((agent) => agent.id === id)?.tools ?? [];
    expect(toolsOf('billing')).toEqual(expect.arrayContaining(['find_user_id_by_email', 'get_invoices', 'get_refund_status', 'get_order_details']));
    expect(toolsOf('account')).toContain('get_user_details');
    expect(toolsOf('faq')).not.toContain('get_order_details');
    expect(toolsOf('technical')).toEqual(expect.arrayContaining(['get_service_status', 'run_checkout_diagnostic']));
    expect(toolsOf('orders')).toEqual(expect.arrayContaining(['cancel_pending_order', 'modify_pending_order_items']));
    expect(toolsOf('orders')).not.toContain('return_delivered_order_items');
    expect(toolsOf('returns')).toEqual(expect.arrayContaining(['return_delivered_order_items', 'exchange_delivered_order_items']));
    expect(toolsOf('returns')).not.toContain('cancel_pending_order');
    expect(toolsOf('account')).toEqual(expect.arrayContaining(['modify_user_address', 'send_password_reset', 'set_newsletter_subscription']));
    expect(toolsOf('billing')).not.toContain('cancel_pending_order');
    expect(toolsOf('escalation')).toEqual([]);
  });

  it('lets specialists hand off to each other and to escalation, never to themselves', () => {
    for (const agent of desk.agents.filter((candidate) => candidate.role === 'specialist')) {
      expect(agent.handoffs).toContain('escalation');
      expect(agent.handoffs).not.toContain(agent.id);
      expect(agent.handoffs).toHaveLength(agent.id.startsWith('technical_') ? 2 : 6);
    }
  });

  it('configures the hierarchical and collaborative patterns: technical manages three sub-agents, specialists consult FAQ', () => {
    const technical = desk.agents.find((agent) => agent.id === 'technical')!;
    expect(technical.manages?.map((route) => route.agentId)).toEqual(['technical_web', 'technical_checkout', 'technical_access']);
    for (const agent of desk.agents.filter((candidate) => candidate.role === 'specialist' && candidate.id !== 'faq')) expect(agent.delegates).toEqual(['faq']);
  });

  it('points every agent at knowledge collections that have articles', () => {
    const collections = new Set(KNOWLEDGE_ARTICLES.map((article) => article.collection));
    for (const agent of desk.agents) for (const collection of agent.knowledge) expect(collections.has(collection)).toBe(true);
  });

  it('lets the gateway enforce the agents\u2019 scopes', async () => {
    const snapshot = generateStore({ seed: 11, users: 5, orders: 10 });
    const order = Object.values(snapshot.orders)[0]!;
    const gateway = createToolGateway({ tools: createReadTools({ commerce: createMemoryCommerceStore({ snapshot }) }), agents: desk.agents });
    const call = (agentId: string, toolName: string): Promise<ToolCallResult> =>
      gateway.call({ toolName, args: { order_id: order.order_id }, context: { conversationId: 'c', turnId: 't', agentId, customerId: order.user_id, idempotencyKey: 'k' } });
    expect((await call('billing', 'get_invoices')).ok).toBe(true);
    expect(await call('faq', 'get_order_details')).toMatchObject({ ok: false, error: { code: 'TOOL_SCOPE_DENIED' } });
    expect(gateway.toolsFor('technical')).toEqual(['find_user_id_by_email', 'find_user_id_by_name_zip']);
  });
});
