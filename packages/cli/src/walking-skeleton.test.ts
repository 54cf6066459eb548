/**
 * Acceptance tests of the walking skeleton (issue 2) on the real offline desk: PGlite in memory,
 * the generated demo store, the classifier trained on our routing examples, the local engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentEvent, User } from '@switchboard/core';
import { createDeskRuntime, type DeskRuntime } from './runtime.js';

let runtime: DeskRuntime;
let customer: User;

beforeAll(async () => {
  runtime = await createDeskRuntime({ inMemory: true });
  const ids = await runtime.database.commerce.listUserIds({ limit: 200 });
  const users = await Promise.all(ids.map((id) => runtime.database.commerce.getUser(id)));
  customer = users.find((user): user is User => user !== undefined && user.orders.length >= 2)!;
});

afterAll(async () => {
  await runtime.close();
});

async function say(conversationId: string, text: string) {
  const outcome = await runtime.runTurn({ conversationId, text });
  return { outcome, reply: outcome.replies.map((reply) => reply.text).join('\n'), author: outcome.replies[0]?.author };
}

describe('a customer conversation on the offline desk', () => {
  it('tracks an order across turns: identity first, then which order, then status and tracking from the store', async () => {
    const conversation = await runtime.startConversation();
    const first = await say(conversation.id, 'where is my order?');
    expect(first.author).toBe('orders');
    expect(first.outcome.outcome).toBe('needs_info');
    expect(first.reply).toMatch(/email/i);

    const second = await say(conversation.id, `sure, it's ${customer.email}`);
    expect(second.outcome.outcome).toBe('needs_info');
    for (const orderId of customer.orders) expect(second.reply).toContain(orderId);

    const orderId = customer.orders[1]!;
    const order = (await runtime.database.commerce.getOrder(orderId))!;
    const third = await say(conversation.id, orderId);
    expect(third.outcome.outcome).toBe('resolved');
    expect(third.reply).toContain(`Order ${orderId} is ${order.status}`);
    for (const trackingId of order.fulfillments.flatMap((fulfillment) => fulfillment.tracking_id)) expect(third.reply).toContain(trackingId);

    const events = await runtime.database.events.list(conversation.id);
    const byTurn = new Map<string, AgentEvent[]>();
    for (const event of events) byTurn.set(event.turnId, [...(byTurn.get(event.turnId) ?? []), event]);
    expect(byTurn.size).toBe(3);
    for (const turnEvents of byTurn.values()) expect(new Set(turnEvents.map((event) => event.traceId)).size).toBe(1);
    const types = new Set(events.map((event) => event.type));
    for (const type of ['triage', 'route', 'agent_invoke', 'tool_call', 'resolution'] as const) expect(types).toContain(type);
  });

  it('never reveals another customer\'s order', async () => {
    const conversation = await runtime.startConversation({ customerEmail: customer.email });
    const ids = await runtime.database.commerce.listUserIds({ limit: 300 });
    let foreign: string | undefined;
    for (const id of ids) {
      const user = await runtime.database.commerce.getUser(id);
      if (user && user.user_id !== customer.user_id && user.orders.length > 0) {
        foreign = user.orders[0];
        break;
      }
    }
    const turn = await say(conversation.id, `what's the status of order ${foreign}?`);
    expect(turn.reply).toMatch(/couldn't find order/);
    expect(turn.reply).not.toMatch(/ is (pending|processed|delivered|cancelled)\./);
  });

  it('answers a policy question from the returns article', async () => {
    const conversation = await runtime.startConversation();
    const turn = await say(conversation.id, "what's your return policy?");
    expect(turn.outcome.outcome).toBe('resolved');
    expect(turn.outcome.replies[0]!.author).toBe('returns');
    expect(turn.reply).toMatch(/30 days/);
    expect(turn.reply).toMatch(/From our help article/);
  });

  it('hands a customer who asks for a person to the human queue with a ticket and a summary', async () => {
    const conversation = await runtime.startConversation();
    const turn = await say(conversation.id, 'I want to talk to a person');
    expect(turn.outcome.outcome).toBe('escalated');
    const ticket = turn.outcome.ticket!;
    expect(turn.reply).toContain(ticket.id);
    expect(turn.reply).toMatch(/within \d+ hours?/);
    const stored = await runtime.database.tickets.get(ticket.id);
    expect(stored).toMatchObject({ status: 'open', conversationId: conversation.id });
    expect(stored!.summary).toMatch(/asked to talk to a person|human/i);
    expect((await runtime.database.events.list(conversation.id)).map((event) => event.type)).toContain('escalation');
  });

  it('takes a cancellation itself: identity first, then the order, never escalating', async () => {
    const conversation = await runtime.startConversation();
    const turn = await say(conversation.id, `please cancel my order ${customer.orders[0]}`);
    expect(turn.author).toBe('orders');
    expect(turn.outcome.outcome).toBe('needs_info');
    expect(turn.reply).toMatch(/verify your account/);
    expect(turn.outcome.ticket).toBeUndefined();
  });

  it('sends a request it has no tool for (deleting the account) to the human queue and says so', async () => {
    const conversation = await runtime.startConversation();
    const turn = await say(conversation.id, 'please delete my account and all my data');
    expect(turn.outcome.outcome).toBe('escalated');
    expect(turn.reply).toMatch(/can't delete accounts myself/);
    expect(turn.outcome.ticket).toMatchObject({ queue: 'account' });
  });
});

describe('bad input', () => {
  it('refuses empty and oversized messages with typed errors and keeps what was stored', async () => {
    const conversation = await runtime.startConversation();
    await say(conversation.id, 'hello, what are your opening hours?');
    const before = await runtime.database.conversations.listMessages(conversation.id);
    await expect(runtime.runTurn({ conversationId: conversation.id, text: '' })).rejects.toMatchObject({ code: 'MESSAGE_EMPTY' });
    await expect(runtime.runTurn({ conversationId: conversation.id, text: 'x'.repeat(100_000) })).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE' });
    expect(await runtime.database.conversations.listMessages(conversation.id)).toEqual(before);
  });

  it('answers messages with control characters and in other languages clearly', async () => {
    const conversation = await runtime.startConversation();
    const control = await say(conversation.id, 'where\u0000 is\u0007 my\u001b order?');
    expect(control.reply.length).toBeGreaterThan(0);
    const spanish = await runtime.startConversation();
    const foreign = await say(spanish.id, 'Hola, necesito ayuda con mi pedido, por favor. ¿Dónde está?');
    expect(foreign.reply.length).toBeGreaterThan(0);
    expect(['escalated', 'needs_info', 'clarify', 'resolved']).toContain(foreign.outcome.outcome);
    const messages = await runtime.database.conversations.listMessages(spanish.id);
    expect(messages.map((message) => message.role)).toEqual(['customer', 'agent']);
  });
});
