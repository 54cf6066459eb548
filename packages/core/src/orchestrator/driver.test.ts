import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import type { AgentRunOutput } from '../ports.js';
import { createToolGateway } from '../tools/gateway.js';
import { createTestDesk } from '../testing/desk-fixture.js';
import { createManualClock, createMemoryConversationStore, createMemoryEventLog, createMemoryTicketQueue, createSequentialIds } from '../testing/memory-ports.js';
import { ScriptedEngine, ScriptedTriager } from '../testing/scripted.js';
import { startConversation } from './conversation.js';
import { runTurn, type TurnPorts } from './driver.js';

function setup() {
  const desk = createTestDesk();
  const events = createMemoryEventLog();
  const engine = new ScriptedEngine();
  const triager = new ScriptedTriager();
  const ports: TurnPorts = {
    conversations: createMemoryConversationStore(),
    events,
    tickets: createMemoryTicketQueue(),
    clock: createManualClock({ stepMs: 10 }),
    ids: createSequentialIds(),
    triager,
    engine,
    tools: createToolGateway({ tools: [], agents: desk.agents }),
  };
  return { desk, ports, events, engine, triager };
}

const resolved = (reply: string): AgentRunOutput => ({ result: { reply, status: 'resolved', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } });

describe('runTurn', () => {
  it('routes, replies, saves the conversation and audits every step under one trace id', async () => {
    const { desk, ports, events, engine, triager } = setup();
    const conversation = await startConversation({ ports, channel: 'test' });
    triager.enqueue({ intent: 'track_order', category: 'ORDER' });
    engine.enqueue(resolved('Your order is on its way.'));
    const outcome = await runTurn({ ports, desk, input: { conversationId: conversation.id, text: '  where is my order?\u0007 ' } });
    expect(outcome.outcome).toBe('resolved');
    expect(outcome.replies.map((reply) => [reply.author, reply.text])).toEqual([['orders', 'Your order is on its way.']]);
    expect(engine.calls[0]?.message.text).toBe('where is my order?');
    const transcript = await ports.conversations.listMessages(conversation.id);
    expect(transcript.map((message) => message.role)).toEqual(['customer', 'agent']);
    expect((await ports.conversations.get(conversation.id))?.version).toBe(1);
    expect(events.all.map((event) => event.type)).toEqual(['triage', 'route', 'agent_invoke', 'qa_review', 'resolution']);
    expect(new Set(events.all.map((event) => event.traceId)).size).toBe(1);
  });

  it('creates a ticket with a summary when an agent asks for a human, and says its id', async () => {
    const { desk, ports, engine, triager } = setup();
    const conversation = await startConversation({ ports, channel: 'test' });
    triager.enqueue({ intent: 'track_order', category: 'ORDER' });
    engine.enqueue({ result: { reply: 'I cannot cancel orders yet.', status: 'escalate', confidence: 0.9, actions: [], sources: [], escalation: { trigger: 'write_action', reason: 'Cancellation needs a person' } }, dialog: { slots: {}, failedAttempts: 0 } });
    const outcome = await runTurn({ ports, desk, input: { conversationId: conversation.id, text: 'cancel order #W1234567' } });
    expect(outcome.outcome).toBe('escalated');
    const tickets = await ports.tickets.list();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ queue: 'orders', status: 'open', trigger: 'agent_requested', conversationId: conversation.id });
    expect(tickets[0]!.summary).toContain('Cancellation needs a person');
    expect(outcome.replies[0]!.text).toContain('I cannot cancel orders yet.');
    expect(outcome.replies[0]!.text).toContain(tickets[0]!.id);
    expect(outcome.conversation.status).toBe('escalated');
  });

  it('escalates with the fallback bridge when the engine fails, never crashing', async () => {
    const { desk, ports, triager } = setup();
    const conversation = await startConversation({ ports, channel: 'test' });
    triager.enqueue({ intent: 'get_invoice', category: 'INVOICE' });
    const outcome = await runTurn({ ports, desk, input: { conversationId: conversation.id, text: 'invoice please' } });
    expect(outcome.outcome).toBe('escalated');
    expect((await ports.tickets.list())[0]).toMatchObject({ trigger: 'agent_failure', queue: 'billing', priority: 'high' });
  });

  it('announces a handoff and gives the receiving agent a validated payload', async () => {
    const { desk, ports, engine, triager } = setup();
    const conversation = await startConversation({ ports, channel: 'test' });
    triager.enqueue({ intent: 'track_order', category: 'ORDER' });
    engine.enqueue({ result: { reply: '', status: 'handoff', handoffTo: 'billing', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } }, resolved('Here is your invoice.'));
    const outcome = await runTurn({ ports, desk, input: { conversationId: conversation.id, text: 'the charge on order #W1234567' } });
    expect(engine.calls[1]?.handoff).toMatchObject({ version: 1, fromAgent: 'orders', toAgent: 'billing' });
    expect(outcome.replies[0]!.text).toMatch(/Billing team[\s\S]*Here is your invoice\./);
  });

  it('reads the history once per turn: both agents of a handoff see the customer\'s message; a failed read fails that turn only', async () => {
    const { desk, ports, engine, triager } = setup();
    const conversation = await startConversation({ ports, channel: 'test' });
    const store = ports.conversations;
    let reads = 0;
    let failNext = true;
    ports.conversations = {
      ...store,
      listMessages(conversationId, options) {
        reads += 1;
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('connection reset'));
        }
        return store.listMessages(conversationId, options);
      },
    };
    triager.enqueue({ intent: 'track_order', category: 'ORDER' }, { intent: 'track_order', category: 'ORDER' });
    engine.enqueue({ result: { reply: '', status: 'handoff', handoffTo: 'billing', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } }, resolved('Here is your invoice.'));
    // The store fails once: that turn fails; the next turn reads again.
    await expect(runTurn({ ports, desk, input: { conversationId: conversation.id, text: 'the charge on order #W1234567' } })).rejects.toThrow('connection reset');
    expect(reads).toBe(1);
    triager.calls.length = 0;
    engine.calls.length = 0;
    reads = 0;
    engine.calls.length = 0;
    await runTurn({ ports, desk, input: { conversationId: conversation.id, text: 'the charge on order #W1234567, again' } });
    expect(engine.calls).toHaveLength(2);
    expect(engine.calls[0]?.history.at(-1)?.text).toBe('the charge on order #W1234567, again');
    expect(engine.calls[1]?.history).toBe(engine.calls[0]?.history);
    expect(Object.isFrozen(engine.calls[1]?.history)).toBe(true);
    expect(reads).toBe(1);
  });

  it('rejects empty and oversized messages with typed errors and stores nothing', async () => {
    const { desk, ports } = setup();
    const conversation = await startConversation({ ports, channel: 'test' });
    await expect(runTurn({ ports, desk, input: { conversationId: conversation.id, text: ' \u0000 \n ' } })).rejects.toMatchObject({ code: 'MESSAGE_EMPTY' });
    const huge = runTurn({ ports, desk, input: { conversationId: conversation.id, text: 'a'.repeat(100_000) } });
    await expect(huge).rejects.toBeInstanceOf(InvalidInputError);
    await expect(huge).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE' });
    expect(await ports.conversations.listMessages(conversation.id)).toEqual([]);
    await expect(runTurn({ ports, desk, input: { conversationId: 'nope', text: 'hi' } })).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
  });

  it('stays silent while a human owns the conversation but keeps the message', async () => {
    const { desk, ports } = setup();
    const conversation = await startConversation({ ports, channel: 'test' });
    await ports.conversations.save({ ...conversation, status: 'human' });
    const outcome = await runTurn({ ports, desk, input: { conversationId: conversation.id, text: 'hello?' } });
    expect(outcome.outcome).toBe('silent');
    expect(outcome.replies).toEqual([]);
    expect((await ports.conversations.listMessages(conversation.id)).map((message) => message.text)).toEqual(['hello?']);
  });
});
