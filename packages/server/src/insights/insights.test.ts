/**
 * The console's computations on crafted audit logs: the metrics summary against hand-computed
 * numbers, each alert rule firing on its situation and staying silent otherwise, and the graph's
 * status and edges.
 */
import type { AgentEvent, Ticket } from '@switchboard/core';
import { createTestDesk } from '@switchboard/core/testing';
import type { FeedbackRecord } from '@switchboard/stores';
import { describe, expect, it } from 'vitest';
import { evaluateAlerts } from './alerts.js';
import type { AlertInput } from './alerts.js';
import { computeDeskGraph } from './graph.js';
import { computeMetricsSummary } from './metrics.js';
import { percentile } from './stats.js';

const NOW = Date.parse('2026-03-02T12:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Events of one turn as the turn driver writes them; offsets in ms from `atMs`. */
function turn(options: {
  conversationId: string;
  turnId: string;
  atMs: number;
  routed: string;
  /** Agents handed off to, in order, after the routed one. */
  handoffs?: string[];
  outcome: 'resolved' | 'escalated' | 'needs_info';
  durationMs?: number;
  cost?: { usd: number; input: number; output: number };
  trigger?: string;
}): AgentEvent[] {
  const { conversationId, turnId, atMs } = options;
  let seq = 0;
  const event = (type: AgentEvent['type'], data: Record<string, unknown>, extra: Partial<AgentEvent> & { offsetMs?: number } = {}): AgentEvent => {
    const { offsetMs = 0, ...fields } = extra;
    return { id: `evt_${turnId}_${(seq += 1)}`, conversationId, traceId: `trace_${turnId}`, turnId, time: new Date(atMs + offsetMs).toISOString(), type, data, ...fields };
  };
  const events = [event('triage', { intent: 'x' }), event('route', { agentId: options.routed, reason: 'route' }, { agentId: options.routed }), event('agent_invoke', { status: 'resolved' }, { agentId: options.routed, latencyMs: 100, ...(options.cost ? { costUsd: options.cost.usd, tokens: { input: options.cost.input, output: options.cost.output } } : {}) })];
  let current = options.routed;
  for (const next of options.handoffs ?? []) {
    events.push(event('route', { agentId: next, reason: 'handoff', fromAgentId: current }, { agentId: next }), event('agent_invoke', { status: 'resolved' }, { agentId: next, latencyMs: 200 }));
    current = next;
  }
  if (options.outcome === 'escalated') {
    events.push(event('escalation', { trigger: options.trigger ?? 'human_requested', ticketId: `T-${turnId}`, queue: 'billing' }, { agentId: 'escalation' }));
  }
  events.push(event('resolution', { outcome: options.outcome, agentId: options.outcome === 'escalated' ? 'escalation' : current }, { agentId: options.outcome === 'escalated' ? 'escalation' : current, offsetMs: options.durationMs ?? 1000 }));
  return events;
}

const rating = (conversationId: string, value: number, atMs = NOW - 10 * MINUTE): FeedbackRecord => ({ conversationId, rating: value, createdAt: new Date(atMs).toISOString(), updatedAt: new Date(atMs).toISOString() });

function ticket(overrides: Partial<Ticket>): Ticket {
  return { id: 'T-1', conversationId: 'conv_t', status: 'open', priority: 'normal', queue: 'orders', trigger: 'human_requested', reason: 'asked', summary: 's', createdAt: new Date(NOW - 3 * HOUR).toISOString(), updatedAt: new Date(NOW - 3 * HOUR).toISOString(), slaDueAt: new Date(NOW + HOUR).toISOString(), notes: [], ...overrides };
}

describe('metrics summary', () => {
  // Three conversations: c1 resolved by orders; c2 routed to billing and escalated (ticket T-t2);
  // c3 routed to faq, handed off to returns, resolved, rated 2. c1 is rated 5.
  const events = [
    ...turn({ conversationId: 'c1', turnId: 't1', atMs: NOW - 50 * MINUTE, routed: 'orders', outcome: 'resolved', durationMs: 1000 }),
    ...turn({ conversationId: 'c2', turnId: 't2', atMs: NOW - 40 * MINUTE, routed: 'billing', outcome: 'escalated', durationMs: 3000, cost: { usd: 0.03, input: 1000, output: 200 } }),
    ...turn({ conversationId: 'c3', turnId: 't3', atMs: NOW - 30 * MINUTE, routed: 'faq', handoffs: ['returns'], outcome: 'resolved', durationMs: 2000, cost: { usd: 0.01, input: 500, output: 100 } }),
  ];
  const desk = createTestDesk();
  const summary = computeMetricsSummary({ desk, events, feedback: [rating('c1', 5), rating('c3', 2)], openTickets: [ticket({ id: 'T-t2', queue: 'billing' })], fromMs: NOW - HOUR, toMs: NOW });

  it('matches the hand-computed rates, CSAT, cost and latency', () => {
    expect(summary).toMatchObject({
      window: { from: new Date(NOW - HOUR).toISOString(), to: new Date(NOW).toISOString(), minutes: 60 },
      conversations: 3,
      turns: 3,
      resolutionRate: 2 / 3,
      escalationRate: 1 / 3,
      handoffsPerConversation: 1 / 3,
      csat: { average: 3.5, count: 2 },
      tokens: { input: 1500, output: 300 },
      turnLatencyMs: { p50: 2000, p95: 3000, p99: 3000 },
      openTickets: { billing: 1 },
    });
    expect(summary.costUsd).toBeCloseTo(0.04, 10);
    expect(summary.costPerTicketUsd).toBeCloseTo(0.04, 10);
  });

  it('fills per-agent metrics and the routing confusion matrix', () => {
    const agent = (id: string) => summary.agents.find((entry) => entry.agentId === id);
    expect(agent('orders')).toMatchObject({ conversations: 1, resolutionRate: 1, escalationRate: 0, latencyMs: { p50: 100, p95: 100, count: 1 }, csat: 5 });
    expect(agent('billing')).toMatchObject({ conversations: 1, resolutionRate: 0, escalationRate: 1, csat: null });
    expect(agent('billing')?.costUsd).toBeCloseTo(0.03, 10);
    expect(agent('returns')).toMatchObject({ conversations: 1, resolutionRate: 1, csat: 2, latencyMs: { p50: 200, count: 1 } });
    expect(agent('faq')).toMatchObject({ conversations: 1, csat: 2 });
    expect(summary.routing.labels).toEqual(['billing', 'escalation', 'faq', 'orders', 'returns']);
    expect(summary.routing.matrix).toEqual([
      [0, 1, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(summary.routing.accuracy).toBeCloseTo(1 / 3, 10);
  });

  it('buckets turns per hour for the charts', () => {
    expect(summary.series).toEqual([{ start: new Date(NOW - HOUR).toISOString(), turns: 3, escalations: 1, resolutions: 2 }]);
  });

  it('leaves events outside the window out, and reads an empty window as zeros and nulls', () => {
    const empty = computeMetricsSummary({ desk, events, feedback: [], openTickets: [], fromMs: NOW - 10 * MINUTE, toMs: NOW });
    expect(empty).toMatchObject({ conversations: 0, turns: 0, resolutionRate: 0, escalationRate: 0, csat: { average: null, count: 0 }, costPerTicketUsd: null, routing: { accuracy: null }, openTickets: {} });
  });
});

describe('alert rules', () => {
  const desk = createTestDesk();
  const base: AlertInput = { desk, events: [], feedback: [], openTickets: [], openCircuits: [], nowMs: NOW };
  const rules = (input: Partial<AlertInput>) => evaluateAlerts({ ...base, ...input }).map((alert) => alert.id);
  /** `count` one-turn conversations starting at `atMs`, `escalated` of them escalated. */
  const traffic = (options: { prefix: string; atMs: number; count: number; escalated: number; durationMs?: number }) =>
    Array.from({ length: options.count }, (_, index) =>
      turn({ conversationId: `${options.prefix}${index}`, turnId: `${options.prefix}t${index}`, atMs: options.atMs + index * 1000, routed: 'orders', outcome: index < options.escalated ? 'escalated' : 'resolved', ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }) }),
    ).flat();

  it('is silent when all is well', () => {
    expect(evaluateAlerts({ ...base, events: [...traffic({ prefix: 'old', atMs: NOW - 10 * HOUR, count: 20, escalated: 2 }), ...traffic({ prefix: 'new', atMs: NOW - 30 * MINUTE, count: 10, escalated: 1 })] })).toEqual([]);
  });

  it('escalation_spike: last hour above 1.25 × the previous 24 h, only with enough escalations', () => {
    const baseline = traffic({ prefix: 'old', atMs: NOW - 10 * HOUR, count: 20, escalated: 2 }); // 10 %
    const spike = evaluateAlerts({ ...base, events: [...baseline, ...traffic({ prefix: 'new', atMs: NOW - 30 * MINUTE, count: 10, escalated: 4 })] }); // 40 %
    expect(spike).toEqual([expect.objectContaining({ id: 'escalation_spike', rule: 'escalation_spike', value: 0.4, threshold: 0.125, severity: 'critical' })]);
    expect(rules({ events: [...baseline, ...traffic({ prefix: 'new', atMs: NOW - 30 * MINUTE, count: 10, escalated: 1 })] })).toEqual([]); // 10 %: no change
    expect(rules({ events: [...baseline, ...traffic({ prefix: 'new', atMs: NOW - 30 * MINUTE, count: 2, escalated: 2 })] })).toEqual([]); // 100 % but 2 tickets
  });

  it('routing_loop: three handoffs in a turn, or ping-pong between two agents', () => {
    const threeHops = turn({ conversationId: 'loop', turnId: 'l1', atMs: NOW - 5 * MINUTE, routed: 'faq', handoffs: ['orders', 'billing', 'returns'], outcome: 'resolved' });
    const pingPong = turn({ conversationId: 'pp', turnId: 'p1', atMs: NOW - 5 * MINUTE, routed: 'faq', handoffs: ['orders', 'faq'], outcome: 'resolved' });
    const twoHops = turn({ conversationId: 'fine', turnId: 'f1', atMs: NOW - 5 * MINUTE, routed: 'faq', handoffs: ['orders', 'billing'], outcome: 'resolved' });
    const alerts = evaluateAlerts({ ...base, events: [...threeHops, ...pingPong, ...twoHops] });
    expect(alerts.map((alert) => [alert.id, alert.conversationId])).toEqual([['routing_loop:loop', 'loop'], ['routing_loop:pp', 'pp']]);
    expect(alerts[0]).toMatchObject({ value: 3, threshold: 3 });
    const stopped = turn({ conversationId: 'stopped', turnId: 's1', atMs: NOW - 5 * MINUTE, routed: 'faq', outcome: 'escalated', trigger: 'handoff_loop' });
    expect(rules({ events: stopped })).toEqual(['routing_loop:stopped']);
    expect(rules({ events: turn({ conversationId: 'loop', turnId: 'l0', atMs: NOW - 3 * HOUR, routed: 'faq', handoffs: ['orders', 'billing', 'returns'], outcome: 'resolved' }) })).toEqual([]); // over
  });

  it('resolution_time_creep: mean resolution time of the last hour at least twice the previous 24 h', () => {
    const baseline = traffic({ prefix: 'old', atMs: NOW - 10 * HOUR, count: 5, escalated: 0, durationMs: 10_000 });
    const slow = traffic({ prefix: 'new', atMs: NOW - 30 * MINUTE, count: 3, escalated: 0, durationMs: 25_000 });
    expect(evaluateAlerts({ ...base, events: [...baseline, ...slow] })).toEqual([expect.objectContaining({ id: 'resolution_time_creep', value: 25_000, threshold: 20_000 })]);
    expect(rules({ events: [...baseline, ...traffic({ prefix: 'new', atMs: NOW - 30 * MINUTE, count: 3, escalated: 0, durationMs: 15_000 })] })).toEqual([]);
    expect(rules({ events: [...baseline, ...traffic({ prefix: 'new', atMs: NOW - 30 * MINUTE, count: 2, escalated: 0, durationMs: 60_000 })] })).toEqual([]); // too few
  });

  it('csat_drop: an agent rated below 3.5 on average over at least 3 ratings', () => {
    const events = [...traffic({ prefix: 'c', atMs: NOW - 2 * HOUR, count: 4, escalated: 0 }), ...turn({ conversationId: 'b0', turnId: 'bt0', atMs: NOW - 2 * HOUR, routed: 'billing', outcome: 'resolved' })];
    const low = [rating('c0', 2), rating('c1', 3), rating('c2', 4), rating('b0', 1)];
    expect(evaluateAlerts({ ...base, events, feedback: low })).toEqual([expect.objectContaining({ id: 'csat_drop:orders', agentId: 'orders', value: 3, threshold: 3.5 })]);
    expect(rules({ events, feedback: [rating('c0', 2), rating('c1', 3)] })).toEqual([]); // 2 ratings
    expect(rules({ events, feedback: [rating('c0', 3), rating('c1', 4), rating('c2', 4)] })).toEqual([]); // 3.67
    // A rated conversation whose turns are older than the window: its agents come from ratedAgents.
    expect(rules({ feedback: [rating('x0', 1), rating('x1', 2), rating('x2', 1)], ratedAgents: new Map([['x0', ['billing']], ['x1', ['billing']], ['x2', ['billing']]]) })).toEqual(['csat_drop:billing']);
  });

  it('sla_breach: an unclaimed ticket past its SLA due time, critical when urgent', () => {
    const late = ticket({ id: 'T-LATE', priority: 'urgent', slaDueAt: new Date(NOW - 30 * MINUTE).toISOString() });
    const onTime = ticket({ id: 'T-OK' });
    const alerts = evaluateAlerts({ ...base, openTickets: [late, onTime, ticket({ id: 'T-CLAIMED', status: 'assigned', slaDueAt: new Date(NOW - HOUR).toISOString() })] });
    expect(alerts).toEqual([expect.objectContaining({ id: 'sla_breach:T-LATE', ticketId: 'T-LATE', severity: 'critical', value: 30, since: late.slaDueAt })]);
  });

  it('circuit_open: an open breaker of an agent or a tool', () => {
    const alerts = evaluateAlerts({ ...base, openCircuits: ['agent:orders', 'tool:get_order_details'] });
    expect(alerts.map((alert) => [alert.id, alert.severity, alert.agentId])).toEqual([['circuit_open:agent:orders', 'critical', 'orders'], ['circuit_open:tool:get_order_details', 'critical', undefined]]);
  });
});

describe('desk graph', () => {
  const desk = createTestDesk();
  const tools = [{ name: 'get_order_details', kind: 'read' as const, description: 'Reads an order' }];
  const graph = (input: { events?: AgentEvent[]; open?: string[] }) =>
    computeDeskGraph({ desk, tools, events: input.events ?? [], activeConversations: { orders: 2 }, isCircuitOpen: (agentId) => (input.open ?? []).includes(agentId), nowMs: NOW });

  it('lists every agent, the tools with their agents, and the configured edges', () => {
    const result = graph({});
    expect(result.agents.map((agent) => agent.id)).toEqual(desk.agents.map((agent) => agent.id));
    expect(result.agents.every((agent) => agent.status === 'idle' && agent.lastHeartbeatAt === undefined)).toBe(true);
    expect(result.agents.find((agent) => agent.id === 'orders')?.activeConversations).toBe(2);
    expect(result.tools).toEqual([{ ...tools[0], agents: desk.agents.filter((agent) => agent.tools.includes('get_order_details')).map((agent) => agent.id) }]);
    for (const agent of desk.agents) for (const to of agent.handoffs) expect(result.edges).toContainEqual({ from: agent.id, to, kind: 'handoff', count: 0 });
  });

  it('marks agents active after a turn, counts handoffs along edges, and stuck on an unfinished run or an open breaker', () => {
    const events = turn({ conversationId: 'c', turnId: 't', atMs: NOW - 2 * MINUTE, routed: 'faq', handoffs: ['orders'], outcome: 'resolved' });
    const result = graph({ events, open: ['billing'] });
    const agent = (id: string) => result.agents.find((entry) => entry.id === id);
    expect(agent('orders')).toMatchObject({ status: 'active', lastHeartbeatAt: events.at(-1)?.time });
    expect(agent('billing')?.status).toBe('stuck');
    expect(result.edges.find((edge) => edge.kind === 'handoff' && edge.from === 'faq' && edge.to === 'orders')?.count).toBe(1);
    const unfinished = turn({ conversationId: 'c', turnId: 'u', atMs: NOW - 3 * MINUTE, routed: 'faq', outcome: 'resolved' }).filter((event) => event.type === 'triage' || event.type === 'route');
    expect(graph({ events: unfinished }).agents.find((entry) => entry.id === 'faq')?.status).toBe('stuck');
    const old = turn({ conversationId: 'c', turnId: 'o', atMs: NOW - 20 * MINUTE, routed: 'orders', outcome: 'resolved' });
    expect(graph({ events: old }).agents.find((entry) => entry.id === 'orders')?.status).toBe('idle');
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    expect([50, 95, 99, 100].map((percent) => percentile([5, 1, 3, 2, 4], percent))).toEqual([3, 5, 5, 5]);
    expect(percentile([], 95)).toBe(0);
  });
});
