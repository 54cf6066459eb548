import { describe, expect, it } from 'vitest';
import { startConversation } from '../orchestrator/conversation.js';
import { runTurn, type TurnPorts } from '../orchestrator/driver.js';
import { createToolGateway } from '../tools/gateway.js';
import { createTestDesk } from '../testing/desk-fixture.js';
import { createManualClock, createMemoryConversationStore, createMemoryEventLog, createMemoryTicketQueue, createSequentialIds } from '../testing/memory-ports.js';
import { ScriptedEngine, ScriptedTriager } from '../testing/scripted.js';
import { claimTicket, replyAsOperator, resolveTicket, returnToBot } from './actions.js';

async function escalatedConversation() {
  const desk = createTestDesk();
  const triager = new ScriptedTriager([{ intent: 'contact_human_agent', category: 'CONTACT', signals: { humanRequested: true, legalThreat: false, abusive: false, language: 'en' } }]);
  const ports: TurnPorts = {
    conversations: createMemoryConversationStore(), events: createMemoryEventLog(), tickets: createMemoryTicketQueue(),
    clock: createManualClock({ stepMs: 1000 }), ids: createSequentialIds(), triager, engine: new ScriptedEngine(), tools: createToolGateway({ tools: [], agents: desk.agents }),
  };
  const conversation = await startConversation({ ports, channel: 'test' });
  const outcome = await runTurn({ ports, desk, input: { conversationId: conversation.id, text: 'a person please' } });
  return { desk, ports, triager, conversationId: conversation.id, ticketId: outcome.ticket!.id };
}

describe('operator actions', () => {
  it('lets exactly one operator claim a ticket, and the bot stays silent while a human holds it', async () => {
    const { desk, ports, conversationId, ticketId } = await escalatedConversation();
    const [first, second] = await Promise.all([claimTicket({ ports, ticketId, operatorId: 'op_ana' }), claimTicket({ ports, ticketId, operatorId: 'op_ben' })]);
    expect([first?.assignee, second?.assignee].filter(Boolean)).toHaveLength(1);
    expect((await ports.conversations.get(conversationId))?.status).toBe('human');
    const silent = await runTurn({ ports, desk, input: { conversationId, text: 'hello? anyone?' } });
    expect(silent.outcome).toBe('silent');
    expect(silent.replies).toEqual([]);
  });

  it('sends operator replies into the transcript, refuses operators who do not hold the ticket, and resolves', async () => {
    const { ports, conversationId, ticketId } = await escalatedConversation();
    await expect(replyAsOperator({ ports, ticketId, operatorId: 'op_ana', text: 'Hi!' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await claimTicket({ ports, ticketId, operatorId: 'op_ana' });
    await expect(replyAsOperator({ ports, ticketId, operatorId: 'op_ben', text: 'Hi!' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const reply = await replyAsOperator({ ports, ticketId, operatorId: 'op_ana', text: 'Hi, Ana here. I can help.' });
    expect((await ports.conversations.listMessages(conversationId)).at(-1)).toEqual(reply);
    const resolved = await resolveTicket({ ports, ticketId, operatorId: 'op_ana', note: 'done' });
    expect(resolved.status).toBe('resolved');
    expect((await ports.conversations.get(conversationId))?.status).toBe('resolved');
    expect((await ports.events.list(conversationId)).filter((event) => event.type === 'operator').map((event) => event.data.action)).toEqual(['claim', 'reply', 'resolve']);
  });

  it('returns the conversation to the bot with the operator\'s note, verified identity and the request to resume', async () => {
    const { desk, ports, triager, conversationId, ticketId } = await escalatedConversation();
    await claimTicket({ ports, ticketId, operatorId: 'op_ana' });
    await returnToBot({ ports, ticketId, operatorId: 'op_ana', note: 'Verified by phone; customer wants tracking for #W1234567', verifiedCustomerId: 'ava_moore_1', resumeIntent: { intent: 'track_order', agentId: 'orders' } });
    const conversation = (await ports.conversations.get(conversationId))!;
    expect(conversation).toMatchObject({ status: 'open', operatorNote: expect.stringContaining('Verified by phone') as string, identity: { customerId: 'ava_moore_1', verifiedBy: 'operator' } });
    expect((await ports.tickets.get(ticketId))?.status).toBe('resolved');
    const engine = ports.engine as ScriptedEngine;
    engine.enqueue({ result: { reply: 'It is on its way.', status: 'resolved', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } });
    triager.enqueue({ intent: 'none', confidence: 0.2 });
    const next = await runTurn({ ports, desk, input: { conversationId, text: 'thanks, so where is it?' } });
    expect(engine.calls[0]).toMatchObject({ agent: { id: 'orders' }, reason: 'continue', intent: 'track_order' });
    expect(engine.calls[0]!.conversation.operatorNote).toContain('Verified by phone');
    expect(next.replies[0]!.text).toBe('It is on its way.');
  });
});
