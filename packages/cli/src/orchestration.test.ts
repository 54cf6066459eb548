/**
 * Issue 5 behaviours on the real offline desk (PGlite in memory, local triager and engine):
 * multi-domain turns, human takeover and return to bot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimTicket, replyAsOperator, returnToBot, type User } from '@switchboard/core';
import { createDeskRuntime, type DeskRuntime } from './runtime.js';

let runtime: DeskRuntime;
let customer: User;

beforeAll(async () => {
  runtime = await createDeskRuntime({ inMemory: true });
  const ids = await runtime.database.commerce.listUserIds({ limit: 50 });
  const users = await Promise.all(ids.map((id) => runtime.database.commerce.getUser(id)));
  customer = users.find((user): user is User => user !== undefined && user.orders.length >= 2)!;
});
afterAll(async () => {
  await runtime.close();
});

const operatorPorts = () => ({ conversations: runtime.ports.conversations, tickets: runtime.ports.tickets, events: runtime.ports.events, clock: runtime.ports.clock, ids: runtime.ports.ids });

describe('multi-domain turns', () => {
  it('answers two requests for two specialists in one composed reply', async () => {
    const conversation = await runtime.startConversation();
    const outcome = await runtime.runTurn({ conversationId: conversation.id, text: "what's your return policy and how do I reset my password?" });
    expect(outcome.outcome).toBe('resolved');
    const text = outcome.replies[0]!.text;
    expect(text).toMatch(/30 days/);
    expect(text).toMatch(/Forgot password/i);
    const routes = (await runtime.database.events.list(conversation.id)).filter((event) => event.type === 'route').map((event) => event.data.agentId);
    expect(routes).toEqual(['returns', 'account']);
  });

  it('asks for what the first request needs and comes back to the second one after', async () => {
    const conversation = await runtime.startConversation();
    const first = await runtime.runTurn({ conversationId: conversation.id, text: 'where is my order? also what payment methods do you take' });
    expect(first.outcome).toBe('needs_info');
    expect(first.replies[0]!.text).toMatch(/email/i);
    expect(first.replies[0]!.text).toMatch(/other request: which payment methods/);
    const second = await runtime.runTurn({ conversationId: conversation.id, text: customer.email });
    expect(second.outcome).toBe('needs_info');
    const third = await runtime.runTurn({ conversationId: conversation.id, text: customer.orders[0]! });
    expect(third.outcome).toBe('resolved');
    expect(third.replies[0]!.text).toContain(`Order ${customer.orders[0]!}`);
    expect(third.replies[0]!.text).toMatch(/PayPal/);
  });
});

describe('human takeover and return to bot', () => {
  it('escalates with a ticket, goes silent while an operator holds it, and resumes without asking again for identity', async () => {
    const conversation = await runtime.startConversation();
    const escalated = await runtime.runTurn({ conversationId: conversation.id, text: 'I want to talk to a human' });
    const ticketId = escalated.ticket!.id;
    const ports = operatorPorts();
    expect(await claimTicket({ ports, ticketId, operatorId: 'op_ana' })).toMatchObject({ status: 'assigned' });
    const silent = await runtime.runTurn({ conversationId: conversation.id, text: 'hello?' });
    expect(silent.replies).toEqual([]);
    await replyAsOperator({ ports, ticketId, operatorId: 'op_ana', text: 'Hi, this is Ana. I have verified you; the bot will give you your tracking.' });
    await returnToBot({ ports, ticketId, operatorId: 'op_ana', note: 'Verified the customer by phone', verifiedCustomerId: customer.user_id, resumeIntent: { intent: 'track_order', agentId: 'orders' } });
    const resumed = await runtime.runTurn({ conversationId: conversation.id, text: `it's order ${customer.orders[1]!}` });
    expect(resumed.outcome).toBe('resolved');
    expect(resumed.replies[0]!.text).toContain(`Order ${customer.orders[1]!}`);
    expect(resumed.replies[0]!.text).not.toMatch(/verify your account/);
    const roles = (await runtime.database.conversations.listMessages(conversation.id)).map((message) => message.role);
    expect(roles).toEqual(['customer', 'agent', 'customer', 'operator', 'customer', 'agent']);
  });
});
