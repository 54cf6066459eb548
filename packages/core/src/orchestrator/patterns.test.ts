import { describe, expect, it } from 'vitest';
import { parseDeskConfig } from '../domain/desk-parse.js';
import type { AgentRunOutput } from '../ports.js';
import { createToolGateway } from '../tools/gateway.js';
import { createManualClock, createMemoryConversationStore, createMemoryEventLog, createMemoryTicketQueue, createSequentialIds } from '../testing/memory-ports.js';
import { ScriptedEngine, ScriptedTriager } from '../testing/scripted.js';
import { startConversation } from './conversation.js';
import { runTurn, type TurnPorts } from './driver.js';

const agent = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: id, description: id, instructions: `prompts/${id}@1`, tools: [], scopes: [], knowledge: [], handoffs: [], ...extra });
const desk = parseDeskConfig({
  agents: [
    agent('technical', { manages: [{ agentId: 'technical_web', keywords: ['app', 'page'] }, { agentId: 'technical_checkout', keywords: ['checkout', 'pay'] }] }),
    agent('technical_web'), agent('technical_checkout'),
    agent('billing', { delegates: ['faq'] }), agent('faq'), agent('escalation'),
  ],
  routing: { intentToAgent: { technical_issue: 'technical', get_invoice: 'billing' }, intentCategory: { technical_issue: 'TECHNICAL', get_invoice: 'INVOICE' }, fallbackAgentId: 'faq', escalationAgentId: 'escalation' },
  escalation: {},
  queues: { byCategory: {}, defaultQueue: 'general', legalQueue: 'legal' },
  limits: {},
});
const answer = (reply: string): AgentRunOutput => ({ result: { reply, status: 'resolved', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } });

async function setup() {
  const engine = new ScriptedEngine();
  const triager = new ScriptedTriager();
  const events = createMemoryEventLog();
  const ports: TurnPorts = { conversations: createMemoryConversationStore(), events, tickets: createMemoryTicketQueue(), clock: createManualClock(), ids: createSequentialIds(), triager, engine, tools: createToolGateway({ tools: [], agents: desk.agents }) };
  const conversation = await startConversation({ ports, channel: 'test' });
  return { engine, triager, events, say: (text: string) => runTurn({ ports, desk, input: { conversationId: conversation.id, text } }) };
}

describe('coordination patterns as desk configuration', () => {
  it('hierarchical: the technical manager routes to the sub-agent with the most keywords, else keeps the request', async () => {
    const { engine, triager, say } = await setup();
    triager.enqueue({ intent: 'technical_issue', category: 'TECHNICAL' }, { intent: 'technical_issue', category: 'TECHNICAL' });
    engine.enqueue(answer('checkout help'), answer('general tech help'));
    await say('the checkout page fails when I pay');
    await say('something is broken');
    expect(engine.calls.map((call) => call.agent.id)).toEqual(['technical_checkout', 'technical']);
  });

  it('collaborative: a specialist consults another agent through delegate_to_agent and composes its answer', async () => {
    const { engine, triager, events, say } = await setup();
    triager.enqueue({ intent: 'get_invoice', category: 'INVOICE' });
    engine.enqueue(
      async (input) => {
        expect(input.tools.available).toContain('delegate_to_agent');
        const consulted = await input.tools.call<{ reply: string }>('delegate_to_agent', { agentId: 'faq', question: 'do gift cards expire?' });
        const refused = await input.tools.call('delegate_to_agent', { agentId: 'technical', question: 'x' });
        return answer(`Invoice attached. ${consulted.ok ? consulted.output.reply : 'no answer'} (${refused.ok ? 'ok' : refused.error.code})`);
      },
      (input) => {
        expect(input).toMatchObject({ agent: { id: 'faq' }, reason: 'delegate', focusText: 'do gift cards expire?' });
        return answer('Gift cards never expire.');
      },
    );
    const outcome = await say('invoice please, and do gift cards expire?');
    expect(outcome.replies[0]!.text).toBe('Invoice attached. Gift cards never expire. (TOOL_SCOPE_DENIED)');
    expect(events.all.filter((event) => event.type === 'route').map((event) => [event.agentId, event.data.reason])).toEqual([['billing', 'route'], ['faq', 'delegate']]);
  });
});
