/**
 * The turn processor and the in-process queue: a turn interrupted after its writes runs again
 * without a second write; turns of a conversation run in order; urgent messages jump the queue;
 * unfinished turns survive a restart.
 */
import { StoreError } from '@switchboard/core';
import type { Order, Urgency } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancellingEngine } from '../../test/fixtures/cancelling-engine.js';
import { eventually } from '../../test/helpers.js';
import { acceptMessage } from '../accept.js';
import { createMemoryBus } from '../bus.js';
import { createLogger } from '../logger.js';
import { createDeskRuntime } from '../runtime.js';
import type { DeskRuntime } from '../runtime.js';
import { createConversationCache } from './conversation-cache.js';
import { startMemoryQueue } from './memory.js';
import type { QueuedTurn, TurnDispatcher } from './memory.js';
import { processTurn } from './processor.js';
import type { TurnProcessorDeps } from './processor.js';

const queueless: TurnDispatcher = { kind: 'memory', enqueue: () => Promise.resolve(), ping: () => Promise.resolve(), close: () => Promise.resolve() };

let runtime: DeskRuntime;
let deps: TurnProcessorDeps;
beforeAll(async () => {
  runtime = await createDeskRuntime({ inMemory: true, wrapEngine: cancellingEngine });
  deps = { runtime, bus: createMemoryBus(), logger: createLogger({ level: 'silent' }), workerId: 'worker-a', leaseMs: 5000 };
});
afterAll(() => runtime?.close());

async function pendingOrderUnder(dollars: number): Promise<{ userId: string; order: Order }> {
  const { commerce } = runtime.database;
  for (const userId of await commerce.listUserIds({ limit: 500 })) {
    for (const orderId of (await commerce.getUser(userId))?.orders ?? []) {
      const order = await commerce.getOrder(orderId);
      const paid = order?.payment_history.reduce((sum, payment) => sum + payment.amount, 0) ?? Infinity;
      if (order?.status === 'pending' && paid < dollars) return { userId, order };
    }
  }
  throw new Error('no small pending order in the demo store');
}

const accept = (conversationId: string, text: string) => acceptMessage({ runtime, queue: queueless, bus: deps.bus }, { conversationId, text });

describe('processTurn', () => {
  it('runs a turn interrupted after its writes again: the order is cancelled once, the customer answered once', async () => {
    const { userId, order } = await pendingOrderUnder(500);
    const conversation = await runtime.startConversation({ channel: 'test' });
    await runtime.database.conversations.save({ ...conversation, identity: { customerId: userId, verifiedBy: 'channel' } });
    const accepted = await accept(conversation.id, `Please cancel my pending order ${order.order_id}`);

    // The database connection drops when the turn writes its outcome, after the tool cancelled the order.
    const { turns } = runtime.database;
    const complete = turns.complete;
    let failures = 1;
    turns.complete = (input) => (failures-- > 0 ? Promise.reject(new StoreError('connection lost')) : complete(input));
    try {
      expect(await processTurn(deps, accepted.turn.id)).toBe('retry');
      expect((await runtime.database.commerce.getOrder(order.order_id))?.status).toBe('cancelled');
      expect((await runtime.database.conversations.listMessages(conversation.id)).map((message) => message.role)).toEqual(['customer']);
      expect(await processTurn({ ...deps, workerId: 'worker-b' }, accepted.turn.id)).toBe('done');
    } finally {
      turns.complete = complete;
    }

    const messages = await runtime.database.conversations.listMessages(conversation.id);
    expect(messages.map((message) => [message.role, message.turnId])).toEqual([['customer', accepted.turn.id], ['agent', accepted.turn.id]]);
    expect(messages[1]?.text).toContain('is cancelled');
    const stored = await runtime.database.commerce.getOrder(order.order_id);
    expect(stored?.payment_history.filter((payment) => payment.transaction_type === 'refund')).toHaveLength(order.payment_history.length);
    expect(await runtime.database.turns.get(accepted.turn.id)).toMatchObject({ status: 'done', attempts: 2, outcome: 'resolved', replyIds: [messages[1]?.id] });
    const events = await runtime.database.events.list(conversation.id);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(events.filter((event) => event.type === 'route').map((event) => event.data.agentId)).toEqual(['orders']);
    expect(events.some((event) => event.type === 'guardrail' && event.data.outcome === 'replayed')).toBe(true);
    expect(await processTurn(deps, accepted.turn.id)).toBe('finished');
  });

  it('reuses the triage made when the message was accepted, and triages when the queue carried none', async () => {
    const carried: QueuedTurn[] = [];
    const capturing: TurnDispatcher = { ...queueless, enqueue: (turn) => Promise.resolve(void carried.push(turn)) };
    const base = runtime.ports.triager;
    let calls = 0;
    runtime.ports.triager = { id: base.id, triage: (input) => ((calls += 1), base.triage(input)) };
    try {
      const conversation = await runtime.startConversation({ channel: 'test' });
      const first = await acceptMessage({ runtime, queue: capturing, bus: deps.bus }, { conversationId: conversation.id, text: "what's your return policy?" });
      const queued = carried.find((turn) => turn.id === first.turn.id);
      expect(queued?.triage?.decision.intent).toBeDefined();
      expect(await processTurn(deps, { turnId: first.turn.id, ...(queued?.triage ? { triage: queued.triage } : {}) })).toBe('done');
      expect(calls).toBe(0);
      const second = await accept(conversation.id, 'how long does shipping take?');
      expect(await processTurn(deps, second.turn.id)).toBe('done');
      expect(calls).toBe(1);
      const triaged = (await runtime.database.events.list(conversation.id)).filter((event) => event.type === 'triage');
      expect(triaged.map((event) => event.turnId)).toEqual([first.turn.id, second.turn.id]);
      expect(triaged[0]?.data.intent).toBe(queued?.triage?.decision.intent);
    } finally {
      runtime.ports.triager = base;
    }
  });

  it('runs the turns of a conversation one at a time, in order', async () => {
    const conversation = await runtime.startConversation({ channel: 'test' });
    const first = await accept(conversation.id, "what's your return policy?");
    const second = await accept(conversation.id, 'how long does shipping take?');
    expect(await processTurn(deps, second.turn.id)).toBe('blocked');
    expect(await processTurn(deps, first.turn.id)).toBe('done');
    expect(await processTurn(deps, second.turn.id)).toBe('done');
    // Customer messages are stored when accepted; replies follow in turn order.
    const roles = (await runtime.database.conversations.listMessages(conversation.id)).map((message) => `${message.role}:${message.turnId ?? ''}`);
    expect(roles).toEqual([`customer:${first.turn.id}`, `customer:${second.turn.id}`, `agent:${first.turn.id}`, `agent:${second.turn.id}`]);
  });
});

describe('in-process queue', () => {
  it('answers every message of a burst in order and runs urgent messages first', async () => {
    const queue = await startMemoryQueue({ deps, concurrency: 1, recover: false });
    try {
      const burst = await runtime.startConversation({ channel: 'test' });
      const other = await runtime.startConversation({ channel: 'test' });
      const urgent = await runtime.startConversation({ channel: 'test' });
      const accepted: { id: string; conversationId: string; priority: Urgency }[] = [];
      for (const text of ["what's your return policy?", 'how long does shipping take?', 'do you ship internationally?']) accepted.push((await accept(burst.id, text)).turn);
      accepted.push((await accept(other.id, 'what payment methods do you accept?')).turn);
      const alarm = (await accept(urgent.id, 'URGENT: someone used my card without permission, this is fraud, help me immediately!')).turn;
      expect(['urgent', 'high']).toContain(alarm.priority);
      for (const turn of [...accepted, alarm]) await queue.enqueue(turn);
      const finished = await eventually(async () => {
        const turns = await Promise.all([...accepted, alarm].map((turn) => runtime.database.turns.get(turn.id)));
        return turns.every((turn) => turn?.status === 'done') ? turns : undefined;
      });
      const order = (id: string) => finished.find((turn) => turn?.id === id)?.finishedAt ?? '';
      expect(order(alarm.id) < order(accepted[3]?.id ?? '')).toBe(true);
      const replies = (await runtime.database.conversations.listMessages(burst.id)).filter((message) => message.role === 'agent').map((message) => message.turnId);
      expect(replies).toEqual(accepted.slice(0, 3).map((turn) => turn.id));
    } finally {
      await queue.close();
    }
  });

  it('accepts a conversation\'s next message leased to the worker that ran its last turn, and claims as usual once an operator wrote in between', async () => {
    const conversationCache = createConversationCache({ maxEntries: 10, recentLimit: runtime.desk.limits.historyMessages });
    const cachedDeps = { ...deps, conversationCache };
    const queue = await startMemoryQueue({ deps: cachedDeps, concurrency: 4, recover: false });
    const { turns } = runtime.database;
    const claim = turns.claim;
    let claims = 0;
    turns.claim = (input) => ((claims += 1), claim(input));
    const send = async (text: string) => {
      const accepted = await acceptMessage({ runtime, queue, bus: deps.bus, conversationCache }, { conversationId: conversation.id, text });
      await eventually(async () => ((await turns.get(accepted.turn.id))?.status === 'done' ? true : undefined));
      return accepted.turn;
    };
    const conversation = await runtime.startConversation({ channel: 'test' });
    try {
      const first = await send("what's your return policy?");
      expect(first.status).toBe('queued');
      expect(claims).toBe(1);
      expect(conversationCache.get(conversation.id)?.recentMessages.map((message) => message.role)).toEqual(['customer', 'agent']);

      // The worker knows the conversation as its last turn left it: stored leased, no claim.
      const known = conversationCache.get(conversation.id)?.conversation.version;
      expect(known).toBe((await runtime.database.conversations.get(conversation.id))?.version);
      const second = await send('how long does shipping take?');
      expect(second).toMatchObject({ status: 'running', attempts: 1, workerId: 'worker-a', baseVersion: known });
      expect(claims).toBe(1);

      // An operator writes (through another node, say): the snapshot is stale, the turn is claimed and reads the operator's message.
      const note = { id: `msg_op_${conversation.id}`, conversationId: conversation.id, role: 'operator' as const, author: 'ana', text: 'I have added a note to your account.', createdAt: new Date().toISOString() };
      await runtime.database.conversations.appendMessage(note);
      const third = await send('do you ship internationally?');
      expect(third.status).toBe('queued');
      expect(claims).toBe(2);
      expect(conversationCache.get(conversation.id)?.recentMessages.map((message) => message.id)).toContain(note.id);

      const messages = await runtime.database.conversations.listMessages(conversation.id);
      expect(messages.filter((message) => message.role === 'agent').map((message) => message.turnId)).toEqual([first.id, second.id, third.id]);
      expect(messages.find((message) => message.role === 'agent' && message.turnId === second.id)?.text).toMatch(/ship|deliver/i);
    } finally {
      turns.claim = claim;
      await queue.close();
    }
  });

  it('picks up turns accepted before it started (a restart)', async () => {
    const conversation = await runtime.startConversation({ channel: 'test' });
    const accepted = await accept(conversation.id, 'what payment methods do you accept?');
    const queue = await startMemoryQueue({ deps, concurrency: 4 });
    try {
      await eventually(async () => ((await runtime.database.turns.get(accepted.turn.id))?.status === 'done' ? true : undefined));
    } finally {
      await queue.close();
    }
  });
});
