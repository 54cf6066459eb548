/**
 * The console's read routes through `inject()` on in-memory PGlite: the desk graph, the metrics
 * summary of a hand-computed scenario, alerts from real tickets and breakers, the conversation
 * list, operators reading any transcript — and customers kept out.
 */
import type { AgentEvent } from '@switchboard/core';
import { AlertsResponseSchema, ConversationListResponseSchema, DeskGraphResponseSchema, MetricsSummaryResponseSchema } from '@switchboard/core/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createConversation, say, startTestService } from '../../test/helpers.js';
import type { TestService } from '../../test/helpers.js';

const errorCode = (body: string): string => (JSON.parse(body) as { error: { code: string } }).error.code;

describe('console routes on a live desk', () => {
  let test: TestService;
  beforeAll(async () => {
    test = await startTestService({ logLevel: 'warn' });
  }, 60_000);
  afterAll(() => test?.close());
  const get = (url: string, token = test.operatorKey) => test.service.app.inject({ method: 'GET', url, headers: bearer(token) });

  it('draws every desk agent and its handoff edges, and shows the answering agent active after a turn', async () => {
    const before = DeskGraphResponseSchema.parse((await get('/v1/desk/graph')).json());
    const { desk, tools } = test.service.runtime;
    expect(before.agents.map((agent) => agent.id)).toEqual(desk.agents.map((agent) => agent.id));
    expect(before.tools.map((tool) => tool.name).sort()).toEqual(tools.map((tool) => tool.name).sort());
    for (const agent of desk.agents) for (const to of agent.handoffs) expect(before.edges).toContainEqual(expect.objectContaining({ from: agent.id, to, kind: 'handoff' }));
    expect(before.edges).toContainEqual(expect.objectContaining({ from: 'triage', to: 'orders', kind: 'route', count: 0 }));
    expect(before.agents.find((agent) => agent.id === 'returns')).toMatchObject({ status: 'idle', activeConversations: 0 });

    const conversation = await createConversation(test.service);
    const result = await say(test.service, { conversation, text: "what's your return policy?" });
    const author = result.turn.replies[0]?.author;
    expect(author).toBe('returns');

    const after = DeskGraphResponseSchema.parse((await get('/v1/desk/graph')).json());
    const returns = after.agents.find((agent) => agent.id === 'returns');
    expect(returns?.status).toBe('active');
    expect(Date.parse(returns?.lastHeartbeatAt ?? '')).toBeGreaterThan(test.service.runtime.ports.clock.now().getTime() - 60_000);
    expect(after.edges.find((edge) => edge.from === 'triage' && edge.to === 'returns' && edge.kind === 'route')?.count).toBe(1);
  });

  it('alerts on a ticket past its SLA and on an open circuit breaker, and clears when they are gone', async () => {
    const { runtime } = test.service;
    const now = runtime.ports.clock.now().getTime();
    const ticket = { id: 'T-0000LATE', conversationId: 'conv_sla', status: 'open' as const, priority: 'urgent' as const, queue: 'orders', trigger: 'human_requested', reason: 'asked for a person', summary: 'Customer waits', createdAt: new Date(now - 2 * 3_600_000).toISOString(), updatedAt: new Date(now - 2 * 3_600_000).toISOString(), slaDueAt: new Date(now - 3_600_000).toISOString(), notes: [] };
    await runtime.database.tickets.create(ticket);
    for (let failure = 0; failure < 3; failure += 1) runtime.ports.breakers?.recordFailure('tool:get_order_details');

    const body = AlertsResponseSchema.parse((await get('/v1/alerts')).json());
    expect(body.alerts.map((alert) => alert.id)).toEqual(expect.arrayContaining(['sla_breach:T-0000LATE', 'circuit_open:tool:get_order_details']));
    expect(body.alerts.find((alert) => alert.id === 'sla_breach:T-0000LATE')).toMatchObject({ rule: 'sla_breach', severity: 'critical', ticketId: 'T-0000LATE' });

    runtime.ports.breakers?.recordSuccess('tool:get_order_details');
    await runtime.database.tickets.update({ ...ticket, status: 'resolved' });
    const cleared = AlertsResponseSchema.parse((await get('/v1/alerts')).json());
    expect(cleared.alerts.map((alert) => alert.id)).not.toEqual(expect.arrayContaining(['sla_breach:T-0000LATE']));
    expect(cleared.alerts.map((alert) => alert.rule)).not.toContain('circuit_open');
  });

  it('lists live conversations newest first with a masked last message, filtered by status', async () => {
    const escalated = await createConversation(test.service);
    await say(test.service, { conversation: escalated, text: 'I want to talk to a person, my email is ada@example.com' });
    const listed = ConversationListResponseSchema.parse((await get('/v1/conversations?limit=2')).json()).conversations;
    expect(listed[0]).toMatchObject({ id: escalated.id, status: 'escalated', messageCount: 2 });
    expect(listed[0]?.ticketId).toMatch(/^T-/);
    expect(listed[0]?.lastMessage?.length).toBeLessThanOrEqual(140);
    const customerText = (await get(`/v1/conversations/${escalated.id}`)).json<{ messages: { text: string }[] }>().messages[0]?.text;
    expect(customerText).toContain('ada@example.com');
    expect(JSON.stringify(listed)).not.toContain('ada@example.com');
    const onlyEscalated = ConversationListResponseSchema.parse((await get('/v1/conversations?status=escalated')).json()).conversations;
    expect(onlyEscalated.length).toBeGreaterThan(0);
    expect(onlyEscalated.every((item) => item.status === 'escalated')).toBe(true);
    expect((await get('/v1/conversations?limit=0')).statusCode).toBe(400);
  });

  it('lets an operator read any transcript and its audit events; a customer only their own transcript', async () => {
    const mine = await createConversation(test.service);
    const other = await createConversation(test.service);
    await say(test.service, { conversation: mine, text: 'where is my order?' });
    const transcript = await get(`/v1/conversations/${mine.id}`);
    expect(transcript.statusCode).toBe(200);
    expect(transcript.json<{ messages: { role: string }[] }>().messages.map((message) => message.role)).toEqual(['customer', 'agent']);
    const events = (await get(`/v1/conversations/${mine.id}/events`)).json<{ events: AgentEvent[] }>().events;
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['triage', 'route', 'agent_invoke', 'resolution']));
    expect((await get(`/v1/conversations/${mine.id}`, mine.token)).statusCode).toBe(200);
    const foreign = await get(`/v1/conversations/${mine.id}`, other.token);
    expect([foreign.statusCode, errorCode(foreign.body)]).toEqual([403, 'FORBIDDEN']);
    expect((await get(`/v1/conversations/${mine.id}/events`, mine.token)).statusCode).toBe(403);
  });

  it('documents the console routes and their read models', async () => {
    const openapi = (await test.service.app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v1/desk/graph', '/v1/metrics/summary', '/v1/alerts', '/v1/stream']));
    expect(Object.keys(openapi.paths['/v1/conversations'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(openapi.components.schemas)).toEqual(expect.arrayContaining(['DeskGraph', 'MetricsSummary', 'Alert', 'ConversationSummary']));
    expect(Object.keys(openapi.paths)).not.toContain('/console');
  });

  it('refuses customer tokens (403) and missing credentials (401) on every console route', async () => {
    const customer = await createConversation(test.service);
    for (const url of ['/v1/desk/graph', '/v1/metrics/summary', '/v1/alerts', '/v1/conversations']) {
      const refused = await get(url, customer.token);
      expect([url, refused.statusCode, errorCode(refused.body)]).toEqual([url, 403, 'FORBIDDEN']);
      const anonymous = await test.service.app.inject({ method: 'GET', url });
      expect([url, anonymous.statusCode]).toEqual([url, 401]);
    }
    expect((await get('/v1/metrics/summary?windowMinutes=0')).statusCode).toBe(400);
    expect((await get('/v1/metrics/summary?windowMinutes=43201')).statusCode).toBe(400);
  });
});

describe('metrics summary of a hand-computed scenario', () => {
  let test: TestService;
  beforeAll(async () => {
    test = await startTestService({ logLevel: 'warn' });
  }, 60_000);
  afterAll(() => test?.close());

  it('reports the numbers of three conversations: one resolved, one escalated, one handed off and rated 2', async () => {
    const { database, ports } = test.service.runtime;
    const now = ports.clock.now().getTime();
    const start = now - 30 * 60_000;
    let seq = 0;
    /** `at`: `[conversationId, offset in ms from the scenario's start]`. */
    const event = (at: [string, number], type: AgentEvent['type'], fields: Partial<AgentEvent> & { data?: Record<string, unknown> } = {}): AgentEvent => ({
      id: `evt_scenario_${(seq += 1)}`,
      conversationId: at[0],
      traceId: `trace_${at[0]}`,
      turnId: `turn_${at[0]}`,
      time: new Date(start + at[1]).toISOString(),
      type,
      data: {},
      ...fields,
    });
    await database.events.append([
      // c1: orders answers and resolves (turn of 1 s).
      event(['conv_s1', 0], 'triage', { data: { intent: 'track_order' } }),
      event(['conv_s1', 10], 'route', { data: { agentId: 'orders', reason: 'route' }, agentId: 'orders' }),
      event(['conv_s1', 500], 'agent_invoke', { data: { status: 'resolved' }, agentId: 'orders', latencyMs: 400 }),
      event(['conv_s1', 1000], 'resolution', { data: { outcome: 'resolved', agentId: 'orders' }, agentId: 'orders' }),
      // c2: billing answers, a ticket is opened (turn of 3 s), a model ran at $0.03.
      event(['conv_s2', 60_000], 'triage', { data: { intent: 'get_invoice' } }),
      event(['conv_s2', 60_010], 'route', { data: { agentId: 'billing', reason: 'route' }, agentId: 'billing' }),
      event(['conv_s2', 61_000], 'agent_invoke', { data: { status: 'escalate' }, agentId: 'billing', latencyMs: 900, tokens: { input: 1000, output: 200 }, costUsd: 0.03 }),
      event(['conv_s2', 62_000], 'escalation', { data: { trigger: 'agent_requested', ticketId: 'T-SCENARIO', queue: 'billing' }, agentId: 'escalation' }),
      event(['conv_s2', 63_000], 'resolution', { data: { outcome: 'escalated', agentId: 'escalation' }, agentId: 'escalation' }),
      // c3: faq hands off to returns, which resolves (turn of 2 s), a model ran at $0.01; rated 2.
      event(['conv_s3', 120_000], 'triage', { data: { intent: 'return_policy' } }),
      event(['conv_s3', 120_010], 'route', { data: { agentId: 'faq', reason: 'route' }, agentId: 'faq' }),
      event(['conv_s3', 120_500], 'agent_invoke', { data: { status: 'handoff', handoffTo: 'returns' }, agentId: 'faq', latencyMs: 300, tokens: { input: 500, output: 100 }, costUsd: 0.01 }),
      event(['conv_s3', 120_600], 'route', { data: { agentId: 'returns', reason: 'handoff', fromAgentId: 'faq' }, agentId: 'returns' }),
      event(['conv_s3', 121_500], 'agent_invoke', { data: { status: 'resolved' }, agentId: 'returns', latencyMs: 800 }),
      event(['conv_s3', 122_000], 'resolution', { data: { outcome: 'resolved', agentId: 'returns' }, agentId: 'returns' }),
    ]);
    const at = new Date(start + 200_000).toISOString();
    await database.feedback.upsert({ conversationId: 'conv_s3', rating: 2, at });
    await database.feedback.upsert({ conversationId: 'conv_s1', rating: 5, at });
    await database.tickets.create({ id: 'T-SCENARIO', conversationId: 'conv_s2', status: 'open', priority: 'normal', queue: 'billing', trigger: 'agent_requested', reason: 'invoice dispute', summary: 'Invoice dispute', createdAt: at, updatedAt: at, slaDueAt: new Date(now + 86_400_000).toISOString(), notes: [] });

    const response = await test.service.app.inject({ method: 'GET', url: '/v1/metrics/summary?windowMinutes=60', headers: bearer(test.operatorKey) });
    expect(response.statusCode).toBe(200);
    const summary = MetricsSummaryResponseSchema.parse(response.json());
    expect(summary).toMatchObject({
      window: { minutes: 60 },
      conversations: 3,
      turns: 3,
      resolutionRate: 2 / 3,
      escalationRate: 1 / 3,
      handoffsPerConversation: 1 / 3,
      csat: { average: 3.5, count: 2 },
      tokens: { input: 1500, output: 300 },
      turnLatencyMs: { p50: 2000, p95: 3000, p99: 3000 },
      openTickets: { billing: 1 },
      routing: { labels: ['billing', 'escalation', 'faq', 'orders', 'returns'] },
    });
    expect(summary.costUsd).toBeCloseTo(0.04, 10);
    expect(summary.costPerTicketUsd).toBeCloseTo(0.04, 10);
    expect(summary.routing.accuracy).toBeCloseTo(1 / 3, 10);
    const agent = (id: string) => summary.agents.find((entry) => entry.agentId === id);
    expect(agent('returns')).toMatchObject({ conversations: 1, resolutionRate: 1, escalationRate: 0, csat: 2, latencyMs: { p50: 800, p95: 800, count: 1 } });
    expect(agent('billing')).toMatchObject({ conversations: 1, resolutionRate: 0, escalationRate: 1, csat: null });
    expect(agent('account')).toMatchObject({ conversations: 0, csat: null, latencyMs: { count: 0 } });
    expect(summary.series.reduce((sum, bucket) => sum + bucket.turns, 0)).toBe(3);

    const narrow = MetricsSummaryResponseSchema.parse((await test.service.app.inject({ method: 'GET', url: '/v1/metrics/summary?windowMinutes=5', headers: bearer(test.operatorKey) })).json());
    expect(narrow).toMatchObject({ conversations: 0, turns: 0, csat: { count: 0, average: null } });
  });
});
