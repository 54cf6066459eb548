import { describe, expect, it } from 'vitest';
import type { Message } from '../api.js';
import { agentLabel, formatCents, mergeMessages, slaCountdown } from './format.js';

const message = (id: string, createdAt: string, text = id): Message => ({ id, conversationId: 'conv_1', role: 'agent', author: 'orders', text, createdAt });

describe('mergeMessages', () => {
  it('keeps one copy of a message replayed after a reconnect, in time order', () => {
    const first = [message('m1', '2026-11-21T10:00:00.000Z'), message('m2', '2026-11-21T10:00:05.000Z')];
    const replayed = [message('m2', '2026-11-21T10:00:05.000Z'), message('m3', '2026-11-21T10:00:09.000Z')];
    expect(mergeMessages(first, replayed).map((entry) => entry.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('puts a late-arriving older message (read from the transcript) before newer ones', () => {
    const live = [message('m3', '2026-11-21T10:00:09.000Z')];
    expect(mergeMessages(live, [message('m1', '2026-11-21T10:00:00.000Z')]).map((entry) => entry.id)).toEqual(['m1', 'm3']);
  });

  it('returns the same array when nothing is new, so React skips the render', () => {
    const existing = [message('m1', '2026-11-21T10:00:00.000Z')];
    expect(mergeMessages(existing, [message('m1', '2026-11-21T10:00:00.000Z', 'changed')])).toBe(existing);
  });
});

describe('slaCountdown', () => {
  const now = Date.parse('2026-11-21T10:00:00.000Z');
  it('counts down hours and minutes, warns under 15 minutes, and counts overdue time', () => {
    expect(slaCountdown('2026-11-21T13:05:00.000Z', now)).toEqual({ label: '3h 05m left', state: 'ok' });
    expect(slaCountdown('2026-11-21T10:14:00.000Z', now)).toEqual({ label: '14m left', state: 'soon' });
    expect(slaCountdown('2026-11-21T09:48:00.000Z', now)).toEqual({ label: 'overdue 12m', state: 'breached' });
    expect(slaCountdown('2026-11-24T12:00:00.000Z', now)).toEqual({ label: '3d 2h left', state: 'ok' });
  });
});

describe('labels', () => {
  it('names agent ids and money the way operators read them', () => {
    expect(agentLabel('technical_web')).toBe('Technical web');
    expect(formatCents(61_240)).toBe('$612.40');
  });
});
