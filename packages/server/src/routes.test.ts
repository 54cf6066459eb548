/**
 * The `/v1` routes through `inject()`: on PGlite with the in-process queue, and — when
 * DATABASE_URL / REDIS_URL are set (CI) — on PostgreSQL with the in-process queue and on
 * PostgreSQL with BullMQ and the Redis bus.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createConversation, eventually, say, startTestService } from '../test/helpers.js';
import type { TestService } from '../test/helpers.js';
import { dropPostgresSchema } from '@switchboard/stores/testing';
import { TURN_QUEUE_NAME } from './queue/bullmq.js';
import type { ServiceOptions } from './service.js';

const databaseUrl = process.env.DATABASE_URL || undefined;
const redisUrl = process.env.REDIS_URL || undefined;
const run = randomUUID().replaceAll('-', '').slice(0, 10);
const TARGETS: { name: string; options: ServiceOptions; database: string; queue: string; schema?: string }[] = [
  { name: 'PGlite, in-process queue', options: {}, database: 'pglite', queue: 'memory' },
  ...(databaseUrl ? [{ name: 'PostgreSQL, in-process queue', options: { runtime: { databaseUrl, databaseSchema: `switchboard_routes_${run}_a` } }, database: 'postgres', queue: 'memory', schema: `switchboard_routes_${run}_a` }] : []),
  ...(databaseUrl && redisUrl
    ? [{ name: 'PostgreSQL, BullMQ on Redis', options: { runtime: { databaseUrl, databaseSchema: `switchboard_routes_${run}_b` }, queue: { redisUrl, prefix: `switchboard-routes-${run}`, concurrency: 16 } }, database: 'postgres', queue: 'bullmq', schema: `switchboard_routes_${run}_b` }]
    : []),
];

describe.each(TARGETS)('$name', (target) => {
  let test: TestService;
  beforeAll(async () => {
    test = await startTestService({ logLevel: 'warn', ...target.options });
  }, 60_000);
  afterAll(async () => {
    await test?.close();
    if (target.schema && databaseUrl) {
      await dropPostgresSchema(databaseUrl, target.schema);
    }
    if (target.queue === 'bullmq' && redisUrl) {
      const queue = new Queue(TURN_QUEUE_NAME, { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix: `switchboard-routes-${run}` });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  const errorCode = (body: string): string => (JSON.parse(body) as { error: { code: string } }).error.code;

  describe('conversations and messages', () => {
    it('creates a conversation with a token, accepts a message with 202 and a turn id, and the turn finishes with replies', async () => {
      const conversation = await createConversation(test.service);
      expect(conversation.token).toMatch(/^ct\./);
      const posted = await test.service.app.inject({ method: 'POST', url: `/v1/conversations/${conversation.id}/messages`, headers: bearer(conversation.token), payload: { text: "what's your return policy?" } });
      expect(posted.statusCode).toBe(202);
      const { turn, message } = posted.json<{ turn: { id: string; status: string }; message: { role: string; text: string } }>();
      expect(turn.id).toMatch(/^turn_/);
      expect(message).toMatchObject({ role: 'customer', text: "what's your return policy?" });
      const finished = await eventually(async () => {
        const read = await test.service.app.inject({ method: 'GET', url: `/v1/turns/${turn.id}`, headers: bearer(conversation.token) });
        const body = read.json<{ status: string; replies: { role: string; text: string }[] }>();
        return body.status === 'done' ? body : undefined;
      });
      expect(finished.replies[0]?.text).toMatch(/return/i);
      const transcript = await test.service.app.inject({ method: 'GET', url: `/v1/conversations/${conversation.id}`, headers: bearer(conversation.token) });
      expect(transcript.json<{ messages: { role: string }[] }>().messages.map((item) => item.role)).toEqual(['customer', 'agent']);
    });

    it('returns the replies with ?wait=true', async () => {
      const conversation = await createConversation(test.service);
      const result = await say(test.service, { conversation, text: 'I want to talk to a person' });
      expect(result.status).toBe(200);
      expect(result.turn).toMatchObject({ status: 'done', outcome: 'escalated' });
      expect(result.turn.replies[0]?.text).toMatch(/T-[0-9A-F]{8}/);
    });

    it('refuses empty, oversized and malformed messages with their codes, and stores nothing', async () => {
      const conversation = await createConversation(test.service);
      const post = (payload: string, contentType = 'application/json') =>
        test.service.app.inject({ method: 'POST', url: `/v1/conversations/${conversation.id}/messages`, headers: { ...bearer(conversation.token), 'content-type': contentType }, payload });
      const empty = await post(JSON.stringify({ text: ' \u200b ' }));
      expect([empty.statusCode, errorCode(empty.body)]).toEqual([400, 'MESSAGE_EMPTY']);
      const long = await post(JSON.stringify({ text: 'a'.repeat(4001) }));
      expect([long.statusCode, errorCode(long.body)]).toEqual([400, 'MESSAGE_TOO_LARGE']);
      const malformed = await post('{"text": ');
      expect([malformed.statusCode, errorCode(malformed.body)]).toEqual([400, 'INVALID_INPUT']);
      const missing = await post(JSON.stringify({ message: 'hi' }));
      expect(missing.json()).toMatchObject({ error: { code: 'INVALID_INPUT', details: { fields: ['text'] } } });
      const huge = await post(JSON.stringify({ text: 'a'.repeat(70_000) }));
      expect([huge.statusCode, errorCode(huge.body)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      const transcript = await test.service.app.inject({ method: 'GET', url: `/v1/conversations/${conversation.id}`, headers: bearer(conversation.token) });
      expect(transcript.json<{ messages: unknown[] }>().messages).toEqual([]);
    });

    it('never creates a second turn for a retried Idempotency-Key, and refuses the key for another text', async () => {
      const conversation = await createConversation(test.service);
      const headers = { 'idempotency-key': 'retry-me-1' };
      const first = await say(test.service, { conversation, text: 'how long does shipping take?', headers });
      const retried = await say(test.service, { conversation, text: 'how long does shipping take?', headers });
      expect(retried.turn.id).toBe(first.turn.id);
      expect(retried.message.id).toBe(first.message.id);
      expect(retried.turn.replies.map((reply) => reply.id)).toEqual(first.turn.replies.map((reply) => reply.id));
      const other = await test.service.app.inject({ method: 'POST', url: `/v1/conversations/${conversation.id}/messages`, headers: { ...bearer(conversation.token), ...headers }, payload: { text: 'something else' } });
      expect([other.statusCode, errorCode(other.body)]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
      const transcript = await test.service.app.inject({ method: 'GET', url: `/v1/conversations/${conversation.id}`, headers: bearer(conversation.token) });
      expect(transcript.json<{ messages: { role: string }[] }>().messages.filter((item) => item.role === 'customer')).toHaveLength(1);
    });

    it('records CSAT feedback, the latest rating winning, and validates it', async () => {
      const conversation = await createConversation(test.service);
      const rate = (payload: object) => test.service.app.inject({ method: 'POST', url: `/v1/conversations/${conversation.id}/feedback`, headers: bearer(conversation.token), payload });
      expect((await rate({ rating: 2, comment: 'slow' })).statusCode).toBe(200);
      expect((await rate({ rating: 5 })).json()).toMatchObject({ conversationId: conversation.id, rating: 5 });
      const invalid = await rate({ rating: 6 });
      expect([invalid.statusCode, errorCode(invalid.body)]).toEqual([400, 'INVALID_INPUT']);
      expect(await test.service.runtime.database.feedback.get(conversation.id)).toMatchObject({ rating: 5 });
    });
  });

  describe('authentication', () => {
    it('lets a customer token open only its own conversation', async () => {
      const mine = await createConversation(test.service);
      const theirs = await createConversation(test.service);
      const read = (id: string, headers: Record<string, string>) => test.service.app.inject({ method: 'GET', url: `/v1/conversations/${id}`, headers });
      expect((await read(mine.id, bearer(mine.token))).statusCode).toBe(200);
      const other = await read(theirs.id, bearer(mine.token));
      expect([other.statusCode, errorCode(other.body)]).toEqual([403, 'FORBIDDEN']);
      const anonymous = await read(mine.id, {});
      expect([anonymous.statusCode, errorCode(anonymous.body)]).toEqual([401, 'UNAUTHENTICATED']);
      const forged = await read(mine.id, bearer(`ct.${theirs.id}.${mine.token.split('.')[2] ?? ''}`));
      expect([forged.statusCode, errorCode(forged.body)]).toEqual([401, 'UNAUTHENTICATED']);
      expect((await read(theirs.id, bearer(test.operatorKey))).statusCode).toBe(200);
      const tickets = await test.service.app.inject({ method: 'GET', url: '/v1/tickets', headers: bearer(mine.token) });
      expect([tickets.statusCode, errorCode(tickets.body)]).toEqual([403, 'FORBIDDEN']);
    });

    it('stores operator keys hashed and refuses a revoked key', async () => {
      const { database } = test.service.runtime;
      const stored = await database.operatorKeys.list();
      expect(stored.every((record) => !test.operatorKey.includes(record.keyHash) && record.keyHash !== test.operatorKey)).toBe(true);
      const { createOperatorKey, randomIds, systemClock } = await import('./index.js');
      const key = await createOperatorKey({ database, name: 'ben', clock: systemClock, ids: randomIds });
      expect((await test.service.app.inject({ method: 'GET', url: '/v1/approvals', headers: bearer(key.key) })).statusCode).toBe(200);
      await database.operatorKeys.revoke({ id: key.id, at: systemClock.now().toISOString() });
      // A fresh service instance has no cache: the revoked key is refused.
      const { createAuthenticator } = await import('./auth.js');
      const auth = await createAuthenticator({ database, clock: systemClock });
      expect(await auth.authenticate(key.key)).toBeUndefined();
      expect(await auth.authenticate(test.operatorKey)).toMatchObject({ kind: 'operator', operatorId: 'ana' });
      expect(await auth.authenticate('sbk_not-a-key')).toBeUndefined();
    });
  });

  describe('operator endpoints', () => {
    it('lists the queue with filters, claims once, replies, returns to the bot, and resolves', async () => {
      const conversation = await createConversation(test.service);
      const escalated = await say(test.service, { conversation, text: 'I want to talk to a person right now' });
      expect(escalated.turn.outcome).toBe('escalated');
      const operator = bearer(test.operatorKey);
      const listed = await test.service.app.inject({ method: 'GET', url: '/v1/tickets?status=open', headers: operator });
      const ticket = listed.json<{ tickets: { id: string; conversationId: string; status: string; priority: string }[] }>().tickets.find((item) => item.conversationId === conversation.id);
      expect(ticket).toMatchObject({ status: 'open' });
      const byPriority = await test.service.app.inject({ method: 'GET', url: `/v1/tickets?priority=${ticket?.priority ?? 'normal'}&limit=500`, headers: operator });
      expect(byPriority.json<{ tickets: { id: string }[] }>().tickets.map((item) => item.id)).toContain(ticket?.id);

      const claimed = await test.service.app.inject({ method: 'POST', url: `/v1/tickets/${ticket?.id}/claim`, headers: operator });
      expect(claimed.json()).toMatchObject({ ticket: { status: 'assigned', assignee: 'ana' } });
      const again = await test.service.app.inject({ method: 'POST', url: `/v1/tickets/${ticket?.id}/claim`, headers: operator });
      expect([again.statusCode, errorCode(again.body)]).toEqual([409, 'CONFLICT']);

      const replied = await test.service.app.inject({ method: 'POST', url: `/v1/tickets/${ticket?.id}/reply`, headers: operator, payload: { text: 'Hi, Ana here. Looking at it now.' } });
      expect(replied.json()).toMatchObject({ message: { role: 'operator', author: 'ana' } });
      const returned = await test.service.app.inject({ method: 'POST', url: `/v1/tickets/${ticket?.id}/return`, headers: operator, payload: { note: 'Answered the question; nothing pending.' } });
      expect(returned.json()).toMatchObject({ ticket: { status: 'resolved' } });
      const transcript = await test.service.app.inject({ method: 'GET', url: `/v1/conversations/${conversation.id}`, headers: bearer(conversation.token) });
      expect(transcript.json<{ conversation: { status: string }; messages: { role: string }[] }>()).toMatchObject({ conversation: { status: 'open' } });

      const second = await createConversation(test.service);
      await say(test.service, { conversation: second, text: 'let me speak to a human agent' });
      const next = (await test.service.runtime.database.tickets.list({ conversationId: second.id }))[0];
      await test.service.app.inject({ method: 'POST', url: `/v1/tickets/${next?.id}/claim`, headers: operator });
      const resolved = await test.service.app.inject({ method: 'POST', url: `/v1/tickets/${next?.id}/resolve`, headers: operator, payload: { note: 'done' } });
      expect(resolved.json()).toMatchObject({ ticket: { status: 'resolved' } });
      const unknown = await test.service.app.inject({ method: 'POST', url: '/v1/tickets/T-NOPE/claim', headers: operator });
      expect([unknown.statusCode, errorCode(unknown.body)]).toEqual([404, 'NOT_FOUND']);
    });

    it('lists approvals and refuses a decision on an unknown one', async () => {
      const operator = bearer(test.operatorKey);
      const listed = await test.service.app.inject({ method: 'GET', url: '/v1/approvals?status=pending', headers: operator });
      expect(listed.json()).toEqual({ approvals: expect.any(Array) as unknown });
      const decided = await test.service.app.inject({ method: 'POST', url: '/v1/approvals/apr_missing/decision', headers: operator, payload: { status: 'approved' } });
      expect([decided.statusCode, errorCode(decided.body)]).toEqual([404, 'NOT_FOUND']);
    });

    it('shows operators the audit events of a conversation', async () => {
      const conversation = await createConversation(test.service);
      await say(test.service, { conversation, text: 'do you ship internationally?' });
      const events = await test.service.app.inject({ method: 'GET', url: `/v1/conversations/${conversation.id}/events`, headers: bearer(test.operatorKey) });
      expect(events.json<{ events: { type: string }[] }>().events.map((event) => event.type)).toEqual(expect.arrayContaining(['triage', 'route', 'agent_invoke', 'resolution']));
    });
  });

  describe('service routes', () => {
    it('serves /healthz, /readyz, /metrics and the OpenAPI document at /docs', async () => {
      expect((await test.service.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
      expect((await test.service.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', database: target.database, queue: target.queue });
      const metrics = (await test.service.app.inject({ method: 'GET', url: '/metrics' })).body;
      for (const name of ['switchboard_turns_total', 'switchboard_turn_duration_seconds', 'switchboard_agent_duration_seconds', 'switchboard_escalations_total', 'switchboard_qa_verdicts_total', 'switchboard_queue_depth', 'switchboard_http_requests_total']) expect(metrics).toContain(name);
      const openapi = (await test.service.app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>();
      expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v1/conversations', '/v1/conversations/{conversationId}/messages', '/v1/conversations/{conversationId}/stream', '/v1/tickets', '/v1/approvals', '/v1/chat/completions']));
      expect(Object.keys(openapi.components.schemas)).toEqual(expect.arrayContaining(['Message', 'Turn', 'Error', 'Ticket']));
      expect((await test.service.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
      const missing = await test.service.app.inject({ method: 'GET', url: '/v1/nothing-here' });
      expect([missing.statusCode, errorCode(missing.body)]).toEqual([404, 'NOT_FOUND']);
    });

    it('serves a chat page at / (the console build when present, else the built-in page: routes/static.test.ts covers both)', async () => {
      const page = await test.service.app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
    });
  });
});
