/**
 * Conformance: the turn queue — accept with its message atomically, HTTP idempotency keys, one
 * claimer per turn, one running turn per conversation in order, leases that expire, outcomes.
 */
import type { Urgency } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import type { TurnAcceptInput } from '../../adapters/turns.js';
import { expectCode } from '../context.js';
import type { SuiteContext } from '../context.js';
import { at, conversation, message } from '../fixtures.js';

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
  });
}
