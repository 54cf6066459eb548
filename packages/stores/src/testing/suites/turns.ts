/**
 * Conformance: the turn queue — accept with its message atomically, HTTP idempotency keys, one
 * claimer per turn, one running turn per conversation in order, leases that expire, outcomes.
 */
import type { Urgency } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import type { TurnAcceptInput } from '../../adapters/turns.js';
import { expectCode } from '../context.js';
import type { SuiteContext } from '../context.js';
import { at, conversation, event, message } from '../fixtures.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function acceptInput(context: SuiteContext, options: { conversationId: string; text?: string; key?: string; priority?: Urgency }): TurnAcceptInput {
  const turnId = context.id('turn');
  return {
    turn: { id: turnId, conversationId: options.conversationId, priority: options.priority ?? 'normal', createdAt: at(0), ...(options.key === undefined ? {} : { idempotencyKey: options.key, requestHash: 'hash-1' }) },
    message: message({ id: context.id('msg'), conversationId: options.conversationId, text: options.text ?? 'where is my order?', turnId }),
  };
}

async function newConversation(context: SuiteContext): Promise<string> {
  const id = context.id('conv');
  await context.database().conversations.create(conversation(id));
  return id;
}

export function describeTurns(context: SuiteContext): void {
  describe('TurnStore', () => {
    it('stores a turn with its customer message, queued, and returns the earlier turn for a reused idempotency key', async () => {
      const { turns, conversations } = context.database();
      const conversationId = await newConversation(context);
      const first = acceptInput(context, { conversationId, key: 'key-1', priority: 'high' });
      const accepted = await turns.accept(first);
      expect(accepted.created).toBe(true);
      expect(accepted.turn).toMatchObject({ id: first.turn.id, status: 'queued', priority: 'high', attempts: 0, idempotencyKey: 'key-1', requestHash: 'hash-1', replyIds: [] });
      expect((await conversations.listMessages(conversationId)).map((item) => item.id)).toEqual([first.message.id]);

      const retry = await turns.accept(acceptInput(context, { conversationId, key: 'key-1' }));
      expect(retry).toEqual({ turn: accepted.turn, created: false });
      expect(await conversations.listMessages(conversationId)).toHaveLength(1);
      await expectCode(turns.accept({ ...acceptInput(context, { conversationId }), turn: { ...first.turn, idempotencyKey: 'key-2' } }), 'CONFLICT');
      expect(await turns.get(context.id('missing'))).toBeUndefined();
    });

    it('accepts a turn already leased to its worker when the worker\'s read of the conversation is current, and queues it otherwise', async () => {
      const { turns, conversations } = context.database();
      const conversationId = await newConversation(context);
      const lease = { workerId: 'w1', leaseMs: 60_000 };
      // Nothing stored yet: version 0, no message.
      const first = acceptInput(context, { conversationId, key: 'key-1' });
      const leased = await turns.acceptClaimed({ ...first, claim: { ...lease, expectedVersion: 0, lastMessageId: null } });
      expect(leased).toMatchObject({ status: 'accepted', created: true, claimed: true, fresh: true, turn: { id: first.turn.id, status: 'running', attempts: 1, workerId: 'w1', baseVersion: 0 } });
      expect(await turns.get(first.turn.id)).toMatchObject({ status: 'running', attempts: 1, workerId: 'w1', baseVersion: 0 });
      expect((await conversations.listMessages(conversationId)).map((item) => item.id)).toEqual([first.message.id]);
      // The same worker cannot lease a second turn while the first is unfinished: queued behind it.
      const second = acceptInput(context, { conversationId });
      const behind = await turns.acceptClaimed({ ...second, claim: { ...lease, expectedVersion: 0, lastMessageId: first.message.id } });
      expect(behind).toMatchObject({ status: 'accepted', created: true, claimed: false, fresh: true, turn: { status: 'queued', attempts: 0 } });
      expect(await turns.claim({ turnId: second.turn.id, workerId: 'w2', leaseMs: 60_000 })).toEqual({ status: 'blocked' });
      expect(await turns.finish({ turnId: first.turn.id, workerId: 'w1', status: 'done', outcome: 'resolved', replyIds: [] })).toBe(true);
      expect(await turns.finish({ turnId: second.turn.id, workerId: 'w2', status: 'done', replyIds: [] })).toBe(false);
      expect((await turns.claim({ turnId: second.turn.id, workerId: 'w2', leaseMs: 60_000 })).status).toBe('claimed');
      expect(await turns.finish({ turnId: second.turn.id, workerId: 'w2', status: 'done', replyIds: [] })).toBe(true);
      // A stale read — an older newest message, or another version — queues the turn.
      const staleMessage = await turns.acceptClaimed({ ...acceptInput(context, { conversationId }), claim: { ...lease, expectedVersion: 0, lastMessageId: first.message.id } });
      expect(staleMessage).toMatchObject({ status: 'accepted', claimed: false, fresh: false, turn: { status: 'queued' } });
      const queuedId = staleMessage.status === 'accepted' ? staleMessage.turn.id : '';
      expect((await turns.claim({ turnId: queuedId, workerId: 'w3', leaseMs: 60_000 })).status).toBe('claimed');
      await turns.finish({ turnId: queuedId, workerId: 'w3', status: 'done', replyIds: [] });
      const third = acceptInput(context, { conversationId });
      const newest = (await conversations.listMessages(conversationId)).at(-1)?.id ?? null;
      const staleVersion = await turns.acceptClaimed({ ...third, claim: { ...lease, expectedVersion: 7, lastMessageId: newest } });
      expect(staleVersion).toMatchObject({ status: 'accepted', claimed: false, fresh: false, turn: { status: 'queued' } });
      // An idempotent retry stores nothing and returns the earlier turn; a missing conversation stores nothing.
      const retry = await turns.acceptClaimed({ ...acceptInput(context, { conversationId, key: 'key-1' }), claim: { ...lease, expectedVersion: 0, lastMessageId: null } });
      expect(retry).toMatchObject({ status: 'accepted', created: false, claimed: false, turn: { id: first.turn.id, status: 'done' } });
      const before = (await conversations.listMessages(conversationId)).length;
      const missingId = context.id('conv-missing');
      expect(await turns.acceptClaimed({ ...acceptInput(context, { conversationId: missingId }), claim: { ...lease, expectedVersion: 0, lastMessageId: null } })).toEqual({ status: 'missing' });
      expect(await conversations.listMessages(missingId)).toEqual([]);
      expect(await conversations.listMessages(conversationId)).toHaveLength(before);
    });

    it('lets exactly one of many concurrent workers claim a turn, with the customer text', async () => {
      const { turns } = context.database();
      const input = acceptInput(context, { conversationId: await newConversation(context), text: 'cancel my order' });
      await turns.accept(input);
      const claims = await Promise.all(Array.from({ length: 5 }, (_, index) => turns.claim({ turnId: input.turn.id, workerId: `w${index}`, leaseMs: 60_000 })));
      const winners = claims.filter((claim) => claim.status === 'claimed');
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ text: 'cancel my order', conversation: { id: expect.any(String) as unknown, version: 0 }, turn: { status: 'running', attempts: 1 } });
      expect(claims.filter((claim) => claim.status === 'busy')).toHaveLength(4);
    });

    it('runs the turns of one conversation one at a time, in order', async () => {
      const { turns } = context.database();
      const conversationId = await newConversation(context);
      const first = acceptInput(context, { conversationId });
      const second = acceptInput(context, { conversationId });
      await turns.accept(first);
      await turns.accept(second);
      expect(await turns.claim({ turnId: second.turn.id, workerId: 'w1', leaseMs: 60_000 })).toEqual({ status: 'blocked' });
      expect((await turns.claim({ turnId: first.turn.id, workerId: 'w1', leaseMs: 60_000 })).status).toBe('claimed');
      expect(await turns.claim({ turnId: second.turn.id, workerId: 'w2', leaseMs: 60_000 })).toEqual({ status: 'blocked' });
      expect(await turns.finish({ turnId: first.turn.id, workerId: 'w1', status: 'done', outcome: 'resolved', replyIds: ['msg_a'] })).toBe(true);
      expect((await turns.claim({ turnId: second.turn.id, workerId: 'w2', leaseMs: 60_000 })).status).toBe('claimed');
      const finished = await turns.claim({ turnId: first.turn.id, workerId: 'w3', leaseMs: 60_000 });
      expect(finished).toMatchObject({ status: 'finished', turn: { status: 'done', outcome: 'resolved', replyIds: ['msg_a'] } });
      expect(await turns.claim({ turnId: context.id('missing'), workerId: 'w1', leaseMs: 1 })).toEqual({ status: 'missing' });
    });

    it('hands a turn whose lease expired to another worker, and refuses the old worker afterwards', async () => {
      const { turns } = context.database();
      const input = acceptInput(context, { conversationId: await newConversation(context) });
      await turns.accept(input);
      expect((await turns.claim({ turnId: input.turn.id, workerId: 'dead', leaseMs: 1 })).status).toBe('claimed');
      await sleep(20);
      const taken = await turns.claim({ turnId: input.turn.id, workerId: 'alive', leaseMs: 60_000 });
      expect(taken).toMatchObject({ status: 'claimed', turn: { workerId: 'alive', attempts: 2 } });
      expect(await turns.renew({ turnId: input.turn.id, workerId: 'dead', leaseMs: 60_000 })).toBe(false);
      expect(await turns.finish({ turnId: input.turn.id, workerId: 'dead', status: 'done', replyIds: [] })).toBe(false);
      expect(await turns.renew({ turnId: input.turn.id, workerId: 'alive', leaseMs: 60_000 })).toBe(true);
      expect(await turns.finish({ turnId: input.turn.id, workerId: 'alive', status: 'failed', errorCode: 'ENGINE_FAILED', replyIds: [] })).toBe(true);
      expect(await turns.get(input.turn.id)).toMatchObject({ status: 'failed', errorCode: 'ENGINE_FAILED' });
    });

    it('records the conversation version at the first claim, and releases a turn back to the queue', async () => {
      const { turns, conversations } = context.database();
      const conversationId = await newConversation(context);
      const input = acceptInput(context, { conversationId });
      await turns.accept(input);
      expect(await turns.claim({ turnId: input.turn.id, workerId: 'w1', leaseMs: 60_000 })).toMatchObject({ status: 'claimed', conversation: { version: 0 }, turn: { baseVersion: 0 } });
      const depth = await turns.depth();
      expect(depth.running).toBeGreaterThanOrEqual(1);
      const stored = await conversations.get(conversationId);
      if (stored) await conversations.save(stored);
      expect(await turns.release({ turnId: input.turn.id, workerId: 'w1' })).toBe(true);
      expect(await turns.get(input.turn.id)).toMatchObject({ status: 'queued', baseVersion: 0, attempts: 1 });
      const unfinished = await turns.listUnfinished({ limit: 10_000 });
      expect(unfinished.map((turn) => turn.id)).toContain(input.turn.id);
      expect(unfinished.every((turn) => turn.status === 'queued' || turn.status === 'running')).toBe(true);
      expect((await turns.depth()).queued).toBeGreaterThanOrEqual(1);
      expect(await turns.claim({ turnId: input.turn.id, workerId: 'w2', leaseMs: 60_000 })).toMatchObject({ status: 'claimed', conversation: { version: 1 }, turn: { baseVersion: 0, attempts: 2 } });

      const orphan = acceptInput(context, { conversationId: context.id('gone') });
      await turns.accept(orphan);
      expect(await turns.claim({ turnId: orphan.turn.id, workerId: 'w1', leaseMs: 60_000 })).toMatchObject({ status: 'claimed', conversation: undefined });
    });

    it('completes a turn in one write: reply, conversation, audit events and outcome — or nothing when the lease or the version moved', async () => {
      const { turns, conversations, events } = context.database();
      const conversationId = await newConversation(context);
      const input = acceptInput(context, { conversationId, text: 'what is your return policy?' });
      await turns.accept(input);
      const claim = await turns.claim({ turnId: input.turn.id, workerId: 'w1', leaseMs: 60_000, recentMessages: 5 });
      if (claim.status !== 'claimed' || !claim.conversation) throw new Error('expected a claim with the conversation');
      expect(claim.recentMessages).toEqual([input.message]);
      const reply = message({ id: context.id('msg'), conversationId, text: 'You can return items within 30 days.', createdAt: at(1), turnId: input.turn.id });
      const audit = [event({ id: context.id('evt'), conversationId, time: at(1) }), event({ id: context.id('evt'), conversationId, time: at(2) })];
      const saved = { value: { ...claim.conversation, status: 'waiting_customer' as const, updatedAt: at(1) }, expectedVersion: 0, nextVersion: 1 };
      const completion = { turnId: input.turn.id, workerId: 'w1', status: 'done' as const, outcome: 'resolved', replyIds: [reply.id], messages: [reply], conversation: saved, events: audit };

      expect(await turns.complete({ ...completion, workerId: 'w2' })).toEqual({ status: 'lost' });
      expect(await turns.complete({ ...completion, conversation: { ...saved, expectedVersion: 3, nextVersion: 4 } })).toEqual({ status: 'conflict', storedVersion: 0 });
      expect(await conversations.listMessages(conversationId)).toHaveLength(1);
      expect(await events.list(conversationId)).toEqual([]);

      expect(await turns.complete(completion)).toEqual({ status: 'completed' });
      expect((await conversations.listMessages(conversationId)).map((item) => item.text)).toEqual([input.message.text, reply.text]);
      expect(await conversations.get(conversationId)).toMatchObject({ status: 'waiting_customer', version: 1 });
      expect((await events.list(conversationId)).map((item) => item.id)).toEqual(audit.map((item) => item.id));
      expect(await turns.get(input.turn.id)).toMatchObject({ status: 'done', outcome: 'resolved', replyIds: [reply.id] });
      expect(await turns.complete(completion)).toEqual({ status: 'lost' });

      const next = acceptInput(context, { conversationId });
      await turns.accept(next);
      const second = await turns.claim({ turnId: next.turn.id, workerId: 'w1', leaseMs: 60_000, recentMessages: 2 });
      expect(second).toMatchObject({ status: 'claimed', recentMessages: [reply, next.message] });
    });
  });
}
