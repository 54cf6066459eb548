/**
 * Live updates for the operator console over a real loopback socket: the desk-wide operator
 * stream (`/v1/stream`) carries audit, message, turn and ticket frames of every conversation;
 * the conversation stream adds audit frames for operators only; customer tokens are refused on
 * the desk stream and never receive audit frames. With DATABASE_URL and REDIS_URL (CI), audit
 * frames written by a worker on one node reach the operator stream held by another node.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { AgentEventSchema, TicketSchema } from '@switchboard/core';
import { TurnFrameSchema } from '@switchboard/core/protocol';
import { dropPostgresSchema } from '@switchboard/stores/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TURN_QUEUE_NAME } from '../src/queue/bullmq.js';
import { bearer, createConversation, say, startTestService } from './helpers.js';
import type { TestService } from './helpers.js';

let test: TestService;
let url = '';
beforeAll(async () => {
  test = await startTestService({ logLevel: 'warn', server: { host: '127.0.0.1', port: 0, heartbeatMs: 200 } });
  url = await test.service.listen();
});
afterAll(() => test?.close());

interface Frame {
  event: string;
  data: Record<string, unknown>;
}

/** An open SSE stream: its status, the frames so far, heartbeat comments seen, and `close()`. */
interface OpenStream {
  status: number;
  frames: Frame[];
  heartbeats: number;
  /** Resolves once `check` holds on the frames (or rejects after 15 s). */
  until(check: (frames: Frame[]) => boolean): Promise<Frame[]>;
  close(): void;
}

function openStream(path: string, base = url): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const waiters: (() => void)[] = [];
    const req = request(`${base}${path}`, { headers: { accept: 'text/event-stream' } }, (response) => {
      const stream: OpenStream = {
        status: response.statusCode ?? 0,
        frames: [],
        heartbeats: 0,
        until: (check) =>
          new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`stream condition not met; frames: ${stream.frames.map((frame) => frame.event).join(',')}`)), 15_000);
            const probe = () => {
              if (!check(stream.frames)) return;
              clearTimeout(timer);
              done(stream.frames);
            };
            waiters.push(probe);
            probe();
          }),
        close: () => req.destroy(),
      };
      let buffer = '';
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const parts = buffer.split('\n\n');
        buffer = parts.pop() ?? '';
        for (const part of parts) {
          if (part.startsWith(': ping')) stream.heartbeats += 1;
          const event = /^event: (.+)$/m.exec(part)?.[1];
          const data = /^data: (.+)$/m.exec(part)?.[1];
          if (event && data) stream.frames.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
        for (const waiter of waiters) waiter();
      });
      resolve(stream);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('operator desk stream', () => {
  it('delivers the audit events, messages and finished turn of a turn in any conversation, with heartbeats', async () => {
    const stream = await openStream(`/v1/stream?access_token=${test.operatorKey}`);
    try {
      expect(stream.status).toBe(200);
      const conversation = await createConversation(test.service);
      const { turn } = await say(test.service, { conversation, text: "what's your return policy?" });
      const frames = await stream.until((received) => received.some((frame) => frame.event === 'turn' && frame.data.turnId === turn.id) && received.some((frame) => frame.event === 'audit' && frame.data.type === 'resolution' && frame.data.conversationId === conversation.id));
      const audit = frames.filter((frame) => frame.event === 'audit' && frame.data.conversationId === conversation.id).map((frame) => AgentEventSchema.parse(frame.data));
      expect(audit.map((event) => event.type)).toEqual(expect.arrayContaining(['triage', 'route', 'agent_invoke', 'qa_review', 'resolution']));
      expect(audit.every((event) => event.turnId === turn.id)).toBe(true);
      expect(frames.filter((frame) => frame.event === 'message' && frame.data.conversationId === conversation.id).map((frame) => frame.data.role)).toContain('agent');
      expect(TurnFrameSchema.parse(frames.find((frame) => frame.event === 'turn')?.data)).toMatchObject({ conversationId: conversation.id, status: 'done' });
      await stream.until(() => stream.heartbeats > 0);
    } finally {
      stream.close();
    }
  });

  it('announces a ticket when a turn opens it and again when an operator claims it', async () => {
    const stream = await openStream(`/v1/stream?access_token=${test.operatorKey}`);
    try {
      const conversation = await createConversation(test.service);
      await say(test.service, { conversation, text: 'I want to talk to a person' });
      const created = await stream.until((frames) => frames.some((frame) => frame.event === 'ticket'));
      const ticket = TicketSchema.parse(created.find((frame) => frame.event === 'ticket')?.data.ticket);
      expect(ticket).toMatchObject({ conversationId: conversation.id, status: 'open' });
      const claim = await test.service.app.inject({ method: 'POST', url: `/v1/tickets/${ticket.id}/claim`, headers: bearer(test.operatorKey) });
      expect(claim.statusCode).toBe(200);
      const claimed = await stream.until((frames) => frames.some((frame) => frame.event === 'ticket' && (frame.data.ticket as { status: string }).status === 'assigned'));
      expect(claimed.filter((frame) => frame.event === 'ticket').map((frame) => (frame.data.ticket as { id: string; status: string }).status)).toEqual(['open', 'assigned']);
    } finally {
      stream.close();
    }
  });

  it('refuses a customer token with 403 and no credential with 401', async () => {
    const conversation = await createConversation(test.service);
    const customer = await openStream(`/v1/stream?access_token=${conversation.token}`);
    customer.close();
    expect(customer.status).toBe(403);
    const anonymous = await openStream('/v1/stream');
    anonymous.close();
    expect(anonymous.status).toBe(401);
  });
});

describe('conversation stream', () => {
  it('adds audit frames for an operator and never sends them to the customer', async () => {
    const conversation = await createConversation(test.service);
    const customer = await openStream(`/v1/conversations/${conversation.id}/stream?access_token=${conversation.token}`);
    const operator = await openStream(`/v1/conversations/${conversation.id}/stream?access_token=${test.operatorKey}`);
    try {
      const { turn } = await say(test.service, { conversation, text: 'I want to talk to a person' });
      const finished = (frames: Frame[]) => frames.some((frame) => frame.event === 'turn' && frame.data.turnId === turn.id);
      const operatorFrames = await operator.until((frames) => finished(frames) && frames.some((frame) => frame.event === 'audit' && frame.data.type === 'escalation') && frames.some((frame) => frame.event === 'ticket'));
      const customerFrames = await customer.until(finished);
      expect(operatorFrames.filter((frame) => frame.event === 'audit').length).toBeGreaterThan(2);
      expect(customerFrames.map((frame) => frame.event)).toContain('message');
      expect(customerFrames.filter((frame) => frame.event === 'audit' || frame.event === 'ticket')).toEqual([]);
    } finally {
      customer.close();
      operator.close();
    }
  });
});

const databaseUrl = process.env.DATABASE_URL || undefined;
const redisUrl = process.env.REDIS_URL || undefined;

describe.runIf(databaseUrl && redisUrl)('across nodes (PostgreSQL + Redis)', () => {
  const run = randomUUID().replaceAll('-', '').slice(0, 10);
  const schema = `switchboard_console_${run}`;
  const prefix = `switchboard-console-${run}`;
  let apiNode: TestService;
  let workerNode: TestService;
  let apiUrl = '';
  beforeAll(async () => {
    const shared = { runtime: { databaseUrl, databaseSchema: schema }, logLevel: 'warn' };
    apiNode = await startTestService({ ...shared, server: { host: '127.0.0.1', port: 0 }, queue: { redisUrl, prefix, concurrency: 0 } });
    workerNode = await startTestService({ ...shared, queue: { redisUrl, prefix, concurrency: 4 } });
    apiUrl = await apiNode.service.listen();
  }, 90_000);
  afterAll(async () => {
    await apiNode?.close();
    await workerNode?.close();
    if (databaseUrl) await dropPostgresSchema(databaseUrl, schema);
    if (redisUrl) {
      const queue = new Queue(TURN_QUEUE_NAME, { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it("delivers the audit events a worker on another node stores to the API node's operator stream", async () => {
    const stream = await openStream(`/v1/stream?access_token=${apiNode.operatorKey}`, apiUrl);
    try {
      expect(stream.status).toBe(200);
      const conversation = await createConversation(apiNode.service);
      const { turn } = await say(apiNode.service, { conversation, text: 'I want to talk to a person' });
      const frames = await stream.until((received) => received.some((frame) => frame.event === 'audit' && frame.data.type === 'resolution' && frame.data.turnId === turn.id) && received.some((frame) => frame.event === 'ticket'));
      expect(frames.filter((frame) => frame.event === 'audit' && frame.data.turnId === turn.id).map((frame) => frame.data.type)).toEqual(expect.arrayContaining(['triage', 'escalation', 'resolution']));
      expect(frames.find((frame) => frame.event === 'ticket')?.data.ticket).toMatchObject({ conversationId: conversation.id, status: 'open' });
    } finally {
      stream.close();
    }
  }, 60_000);
});
