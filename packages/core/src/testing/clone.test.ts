/** The in-memory ports hand out and keep copies: a caller changing what it passed or got never changes the store. */
import { describe, expect, it } from 'vitest';
import { cloneData } from './clone.js';
import { createMemoryConversationStore, createMemoryEventLog } from './memory-ports.js';
import { emptyEntities } from '../domain/entities.js';
import type { AgentEvent } from '../domain/events.js';

describe('cloneData', () => {
  it('copies nested plain data, keeps undefined-valued keys, copies dates, and shares nothing mutable', () => {
    const source = { a: [1, { b: 'x' }], when: new Date('2026-01-05T10:00:00Z'), tags: new Set(['vip']), missing: undefined };
    const copy = cloneData(source);
    expect(copy).toEqual(source);
    expect(Object.keys(copy)).toContain('missing');
    (source.a[1] as { b: string }).b = 'changed';
    source.when.setUTCFullYear(2030);
    source.tags.add('at_risk');
    expect(copy.a[1]).toEqual({ b: 'x' });
    expect(copy.when.toISOString()).toBe('2026-01-05T10:00:00.000Z');
    expect([...copy.tags]).toEqual(['vip']);
  });
});

describe('the memory ports isolate stored data', () => {
  it('an appended event does not change when the caller later mutates its data', async () => {
    const log = createMemoryEventLog();
    const payload = { toAgent: 'orders', entities: { orderIds: ['#W1234567'] } };
    const event: AgentEvent = { id: 'evt_1', conversationId: 'conv_1', traceId: 'trace_1', turnId: 'turn_1', time: '2026-01-05T10:00:00.000Z', type: 'handoff', data: { payload } };
    await log.append([event]);
    payload.entities.orderIds.push('#W7654321');
    expect((await log.list('conv_1'))[0]?.data).toEqual({ payload: { toAgent: 'orders', entities: { orderIds: ['#W1234567'] } } });
  });

  it('a conversation read from the store is the caller\'s own copy', async () => {
    const store = createMemoryConversationStore();
    const conversation = { id: 'conv_1', channel: 'test', status: 'open' as const, handoffChain: [], accountFlags: [], entities: emptyEntities(), dialog: { slots: {}, failedAttempts: 0 }, priority: 'normal' as const, autonomy: 'auto' as const, createdAt: '2026-01-05T10:00:00.000Z', updatedAt: '2026-01-05T10:00:00.000Z', version: 0 };
    await store.create(conversation);
    const read = await store.get('conv_1');
    read!.handoffChain.push('orders');
    read!.dialog.slots.orderId = '#W1234567';
    expect(await store.get('conv_1')).toMatchObject({ handoffChain: [], dialog: { slots: {} } });
  });
});
