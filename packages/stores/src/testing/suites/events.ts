/**
 * Conformance: {@link EventLog} — round-trip of every field, order, atomic batches.
 */
import { describe, expect, it } from 'vitest';
import { at, event } from '../fixtures.js';
import { expectCode } from '../context.js';
import type { SuiteContext } from '../context.js';

export function describeEvents(context: SuiteContext): void {
  describe('EventLog', () => {
    it('round-trips every field of an event', async () => {
      const log = context.database().events;
      const conversationId = context.id('conv');
      const full = event({
        id: context.id('evt'),
        conversationId,
        time: at(1234),
        overrides: {
          type: 'tool_call',
          agentId: 'returns',
          traceId: 'trace_42',
          turnId: 'turn_7',
          data: { toolName: 'get_order_details', ok: true, args: { orderId: '#W1234567' }, items: [1, 2.5, null] },
          latencyMs: 12.5,
          tokens: { input: 812, output: 64 },
          costUsd: 0.00123,
        },
      });
      const bare = event({ id: context.id('evt'), conversationId, time: at(2000) });
      await log.append([full, bare]);
      expect(await log.list(conversationId)).toEqual([full, bare]);
    });

    it('lists oldest first by time, then in append order, per conversation', async () => {
      const log = context.database().events;
      const conversationId = context.id('conv');
      const late = event({ id: context.id('evt'), conversationId, time: at(9000) });
      const early = event({ id: context.id('evt'), conversationId, time: at(1000) });
      const tieA = event({ id: context.id('evt'), conversationId, time: at(5000), overrides: { type: 'route' } });
      const tieB = event({ id: context.id('evt'), conversationId, time: at(5000), overrides: { type: 'agent_invoke' } });
      await log.append([late, tieA]);
      await log.append([early, tieB]);
      await log.append([event({ id: context.id('evt'), conversationId: context.id('conv'), time: at(0) })]);
      expect((await log.list(conversationId)).map((item) => item.id)).toEqual([early.id, tieA.id, tieB.id, late.id]);
      expect(await log.list(context.id('missing'))).toEqual([]);
    });

    it('writes a batch all or nothing: a duplicate id is a CONFLICT and nothing of the batch is kept', async () => {
      const log = context.database().events;
      const conversationId = context.id('conv');
      const first = event({ id: context.id('evt'), conversationId, time: at(0) });
      await log.append([first]);
      const fresh = event({ id: context.id('evt'), conversationId, time: at(1) });
      await expectCode(log.append([fresh, { ...first, type: 'error' }]), 'CONFLICT');
      await expectCode(log.append([fresh, fresh]), 'CONFLICT');
      expect(await log.list(conversationId)).toEqual([first]);
    });

    it('lists events of every conversation in a time window, oldest first, keeping the newest when over the limit', async () => {
      const log = context.database().events;
      // A window of its own (far from other tests' times), so a shared database does not interfere.
      const base = Date.parse('2031-03-01T00:00:00.000Z') + Math.floor(Math.random() * 1e9);
      const time = (offsetMs: number) => new Date(base + offsetMs).toISOString();
      const [a, b] = [context.id('conv'), context.id('conv')];
      const before = event({ id: context.id('evt'), conversationId: a, time: time(-1) });
      const first = event({ id: context.id('evt'), conversationId: a, time: time(0) });
      const second = event({ id: context.id('evt'), conversationId: b, time: time(10), overrides: { type: 'route', agentId: 'orders' } });
      const third = event({ id: context.id('evt'), conversationId: a, time: time(20) });
      const after = event({ id: context.id('evt'), conversationId: b, time: time(30) });
      await log.append([third, before, after]);
      await log.append([second, first]);
      const window = { since: time(0), until: time(30) };
      expect(await log.listSince({ ...window, limit: 10 })).toEqual([first, second, third]);
      expect((await log.listSince({ ...window, limit: 2 })).map((item) => item.id)).toEqual([second.id, third.id]);
      expect((await log.listSince({ since: time(15), limit: 10 })).map((item) => item.id)).toEqual([third.id, after.id]);
      await expectCode(log.listSince({ since: 'yesterday', limit: 10 }), 'INVALID_INPUT');
      await expectCode(log.listSince({ ...window, limit: 0 }), 'INVALID_INPUT');
    });

    it('accepts an empty batch', async () => {
      await expect(context.database().events.append([])).resolves.toBeUndefined();
    });
  });
}
