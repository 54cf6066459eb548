import { describe, expect, it } from 'vitest';
import type { TriageDecision } from '../domain/triage.js';
import type { AgentRunOutput } from '../ports.js';
import { createToolGateway } from '../tools/gateway.js';
import { createTestDesk } from '../testing/desk-fixture.js';
import { createManualClock, createMemoryConversationStore, createMemoryEventLog, createMemoryTicketQueue, createSequentialIds } from '../testing/memory-ports.js';
import { ScriptedEngine, ScriptedTriager } from '../testing/scripted.js';
import { createCircuitBreakers } from './breakers.js';
import { startConversation } from './conversation.js';
import { runTurn, type TurnPorts } from './driver.js';

const signals = { humanRequested: false, legalThreat: false, abusive: false, language: 'en' };
const answer = (reply: string, confidence = 0.9): AgentRunOutput => ({ result: { reply, status: 'resolved', confidence, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } });

async function setup(options: { flags?: string[] } = {}) {
  const desk = createTestDesk();
  const clock = createManualClock({ stepMs: 1 });
  const engine = new ScriptedEngine();
  const triager = new ScriptedTriager();
  const ports: TurnPorts = {
    conversations: createMemoryConversationStore(), events: createMemoryEventLog(), tickets: createMemoryTicketQueue(), clock, ids: createSequentialIds(),
    triager, engine, tools: createToolGateway({ tools: [], agents: desk.agents }),
    breakers: createCircuitBreakers({ clock, failureThreshold: 3, cooldownMs: 60_000 }),
  };
  const started = await startConversation({ ports, channel: 'test' });
  if (options.flags) await ports.conversations.save({ ...started, accountFlags: options.flags });
  const say = (text: string, decision: Partial<TriageDecision>) => {
    triager.enqueue({ signals, ...decision });
    return runTurn({ ports, desk, input: { conversationId: started.id, text } });
  };
  return { desk, ports, engine, clock, say };
}

describe('escalation policy in the orchestrator', () => {
  it('notifies a human in parallel for urgent messages while the desk keeps helping', async () => {
    const { ports, engine, say } = await setup();
    engine.enqueue(answer('Here is what I found about the charge.'));
    const outcome = await say('I was charged twice, fraud!', { intent: 'get_invoice', category: 'INVOICE', urgency: 'urgent' });
    expect(outcome.outcome).toBe('resolved');
    expect(outcome.replies[0]!.author).toBe('billing');
    const [ticket] = await ports.tickets.list();
    expect(ticket).toMatchObject({ priority: 'urgent', trigger: 'urgent', queue: 'billing', status: 'open' });
    expect(outcome.conversation).toMatchObject({ status: 'open', ticketId: ticket!.id });
  });

  it('hands a severely frustrated customer to a person with the sentiment in the packet', async () => {
    const { say } = await setup();
    const outcome = await say('THIS IS THE THIRD TIME!!! WHERE IS MY ORDER???', { intent: 'track_order', category: 'ORDER', sentiment: { label: 'negative', score: -0.9, frustration: 0.95 } });
    expect(outcome.ticket).toMatchObject({ trigger: 'severe_frustration', priority: 'high', queue: 'orders' });
    expect(outcome.ticket!.packet).toMatchObject({ customerSentiment: { label: 'negative', frustration: 0.95 }, recommendedResolution: expect.stringMatching(/Apologize/) as string });
  });

  it('sends an unhappy VIP to the senior queue', async () => {
    const { say } = await setup({ flags: ['vip'] });
    const outcome = await say('my order is late again', { intent: 'track_order', category: 'ORDER', sentiment: { label: 'negative', score: -0.5, frustration: 0.4 } });
    expect(outcome.ticket).toMatchObject({ trigger: 'account_flag', queue: 'senior' });
    expect(outcome.ticket!.packet!.accountFlags).toEqual(['vip']);
  });

  it('retries once with the next-best specialist when an answer is unsure, then escalates', async () => {
    const { engine, say } = await setup();
    engine.enqueue(answer('Maybe this?', 0.4), answer('Perhaps that?', 0.5));
    const outcome = await say('the thing with my order invoice', { intent: 'track_order', category: 'ORDER', alternatives: [{ intent: 'get_invoice', confidence: 0.3 }] });
    expect(engine.calls.map((call) => [call.agent.id, call.reason])).toEqual([['orders', 'route'], ['billing', 'retry']]);
    expect(outcome.ticket).toMatchObject({ trigger: 'low_confidence' });
  });

  it('opens the circuit after three consecutive agent failures and bypasses the agent, apologizing', async () => {
    const { engine, say, clock } = await setup();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const failed = await say('where is my order', { intent: 'track_order', category: 'ORDER' });
      expect(failed.ticket?.trigger).toBe('agent_failure');
      expect(failed.replies[0]!.text).toMatch(/^I'm sorry — something went wrong on our side/);
    }
    const bypassed = await say('where is my order', { intent: 'track_order', category: 'ORDER' });
    expect(engine.calls).toHaveLength(3);
    expect(bypassed.outcome).toBe('escalated');
    clock.advance(61_000);
    engine.enqueue(answer('Back to normal.'));
    const probe = await say('where is my order', { intent: 'track_order', category: 'ORDER' });
    expect(probe.replies[0]!.text).toBe('Back to normal.');
  });

  it('asks which one is meant when two specialists fit equally', async () => {
    const { engine, say } = await setup();
    const outcome = await say('question about order and invoice', { intent: 'track_order', category: 'ORDER', confidence: 0.45, alternatives: [{ intent: 'get_invoice', confidence: 0.41 }] });
    expect(outcome.outcome).toBe('clarify');
    expect(outcome.replies[0]!.text).toMatch(/track order, or get invoice\?/);
    expect(engine.calls).toHaveLength(0);
  });
});
