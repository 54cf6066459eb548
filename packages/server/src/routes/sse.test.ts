/**
 * SSE framing and visibility: one `audit` frame per stored event, `ticket` frames as `{ ticket }`,
 * audit and ticket frames kept from customers, and a stalled client cut off instead of buffering
 * without bound.
 */
import type { ServerResponse } from 'node:http';
import type { AgentEvent, Ticket } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../bus.js';
import { frame, MAX_BUFFERED_BYTES, mayReceive, writeFrame } from './sse.js';

const audit = (id: string): AgentEvent => ({ id, conversationId: 'conv_1', traceId: 'trace_1', turnId: 'turn_1', time: '2026-03-02T12:00:00.000Z', type: 'route', data: { agentId: 'orders' }, agentId: 'orders' });
const ticket = { id: 'T-1', conversationId: 'conv_1', status: 'open' } as Ticket;
const customer = { kind: 'customer', conversationId: 'conv_1' } as Parameters<typeof mayReceive>[0];
const operator = { kind: 'operator', operatorId: 'op_1' } as Parameters<typeof mayReceive>[0];

describe('SSE frames', () => {
  it('writes one audit frame per event and a ticket frame as { ticket }', () => {
    const text = frame({ type: 'audit', conversationId: 'conv_1', events: [audit('evt_1'), audit('evt_2')] });
    const parsed = text.split('\n\n').filter(Boolean).map((part) => ({ event: /^event: (.+)$/m.exec(part)?.[1], data: JSON.parse(/^data: (.+)$/m.exec(part)?.[1] ?? 'null') as { id: string } }));
    expect(parsed.map((item) => [item.event, item.data.id])).toEqual([['audit', 'evt_1'], ['audit', 'evt_2']]);
    expect(frame({ type: 'ticket', conversationId: 'conv_1', ticket })).toBe(`event: ticket\ndata: ${JSON.stringify({ ticket })}\n\n`);
  });

  it('keeps audit and ticket frames for operators', () => {
    const events: DeskEvent[] = [
      { type: 'message', conversationId: 'conv_1', message: { id: 'msg_1', conversationId: 'conv_1', role: 'agent', author: 'orders', text: 'hi', createdAt: '2026-03-02T12:00:00.000Z' } },
      { type: 'audit', conversationId: 'conv_1', events: [audit('evt_1')] },
      { type: 'ticket', conversationId: 'conv_1', ticket },
    ];
    expect(events.map((event) => mayReceive(customer, event))).toEqual([true, false, false]);
    expect(events.map((event) => mayReceive(operator, event))).toEqual([true, true, true]);
  });

  it('ends the response of a client that fell too far behind instead of buffering more', () => {
    const written: string[] = [];
    let ended = false;
    const response = { writableEnded: false, writableLength: 0, write: (text: string) => written.push(text), end: () => (ended = true) };
    writeFrame(response as unknown as ServerResponse, 'a');
    response.writableLength = MAX_BUFFERED_BYTES + 1;
    writeFrame(response as unknown as ServerResponse, 'b');
    expect([written, ended]).toEqual([['a'], true]);
  });
});
