/**
 * The split deployment on the machine's PostgreSQL and Redis (skipped unless DATABASE_URL and
 * REDIS_URL are set; `.ci/run` sets both): two API-only nodes, two worker processes.
 *
 * - A worker is SIGKILLed mid-turn, after its write tool ran and before it replied: the other
 *   worker picks the turn up within 10 s and it completes exactly once — the customer's message
 *   answered once, the order cancelled once, one tool call recorded.
 * - A reply written by a worker reaches the SSE stream held by the other API node.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Order } from '@switchboard/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPostgresSchema } from '@switchboard/stores/testing';
import { TURN_QUEUE_NAME } from '../src/queue/bullmq.js';
import { bearer, createConversation, eventually, startTestService } from './helpers.js';
import type { TestService } from './helpers.js';

const databaseUrl = process.env.DATABASE_URL || undefined;
const redisUrl = process.env.REDIS_URL || undefined;
const run = randomUUID().replaceAll('-', '').slice(0, 10);
const schema = `switchboard_dist_${run}`;
const prefix = `switchboard-test-${run}`;
const FIXTURE = fileURLToPath(new URL('./fixtures/worker.ts', import.meta.url));

interface WorkerChild {
  child: ChildProcess;
  pid: number;
}

function startWorkerProcess(engineLatencyMs: number): Promise<WorkerChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SWITCHBOARD_TEST_SCHEMA: schema, SWITCHBOARD_TEST_PREFIX: prefix, ENGINE_LATENCY_MS: String(engineLatencyMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /ready (\d+)/.exec(chunk.toString());
      if (match) resolve({ child, pid: Number(match[1]) });
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${String(code)}): ${stderr}`)));
  });
}

/** Reads SSE frames from a URL until `done` says stop (or the timeout). */
function readStream(url: string, options: { token: string; done: (frames: string[]) => boolean; timeoutMs: number; onOpen: () => void }): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const frames: string[] = [];
    const req = request(url, { headers: { ...bearer(options.token), accept: 'text/event-stream' } }, (response) => {
      let buffer = '';
      options.onOpen();
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const parts = buffer.split('\n\n');
        buffer = parts.pop() ?? '';
        frames.push(...parts);
        if (options.done(frames)) {
          req.destroy();
          resolve(frames);
        }
      });
    });
    req.on('error', (error) => (frames.length > 0 ? resolve(frames) : reject(error)));
    setTimeout(() => {
      req.destroy();
      resolve(frames);
    }, options.timeoutMs).unref();
    req.end();
  });
}

describe.skipIf(databaseUrl === undefined || redisUrl === undefined)('split deployment on PostgreSQL and Redis', () => {
  let nodeA: TestService;
  let nodeB: TestService;
  const workers: WorkerChild[] = [];

  beforeAll(async () => {
    const options = { runtime: { databaseUrl: databaseUrl ?? '', databaseSchema: schema }, queue: { redisUrl: redisUrl ?? '', prefix, concurrency: 0 }, logLevel: 'warn' };
    nodeA = await startTestService(options);
    nodeB = await startTestService(options);
    workers.push(...(await Promise.all([startWorkerProcess(4000), startWorkerProcess(4000)])));
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await nodeA?.close();
    await nodeB?.close();
    const queue = new Queue(TURN_QUEUE_NAME, { connection: new Redis(redisUrl ?? '', { maxRetriesPerRequest: null }), prefix });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await dropPostgresSchema(databaseUrl ?? '', schema);
  }, 60_000);

  it('serves readiness on PostgreSQL with the BullMQ queue', async () => {
    expect((await nodeA.service.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', database: 'postgres', queue: 'bullmq' });
  });

  it('finishes a turn exactly once after its worker is SIGKILLed mid-turn, within 10 s', async () => {
    const { database } = nodeA.service.runtime;
    let target: { email: string; order: Order } | undefined;
    for (const userId of await database.commerce.listUserIds({ limit: 500 })) {
      const user = await database.commerce.getUser(userId);
      for (const orderId of user?.orders ?? []) {
        const order = await database.commerce.getOrder(orderId);
        if (user && order?.status === 'pending' && order.payment_history.reduce((sum, payment) => sum + payment.amount, 0) < 500) target ??= { email: user.email, order };
      }
      if (target) break;
    }
    if (!target) throw new Error('no small pending order in the demo store');
    const conversation = await createConversation(nodeA.service, { email: target.email, operatorKey: nodeA.operatorKey });
    const posted = await nodeA.service.app.inject({ method: 'POST', url: `/v1/conversations/${conversation.id}/messages`, headers: bearer(conversation.token), payload: { text: `Please cancel my pending order ${target.order.order_id}` } });
    expect(posted.statusCode).toBe(202);
    const turnId = posted.json<{ turn: { id: string } }>().turn.id;

    // The write tool ran; the worker now sleeps in the simulated engine latency, before replying.
    await eventually(async () => ((await database.commerce.getOrder(target.order.order_id))?.status === 'cancelled' ? true : undefined));
    const running = await database.turns.get(turnId);
    expect(running).toMatchObject({ status: 'running', attempts: 1 });
    const victim = workers.find((worker) => running?.workerId?.includes(`:${worker.pid}:`));
    expect(victim).toBeDefined();
    victim?.child.kill('SIGKILL');
    const killedAt = performance.now();

    await eventually(async () => ((await database.turns.get(turnId))?.attempts === 2 ? true : undefined), 15_000);
    const pickedUpMs = performance.now() - killedAt;
    expect(pickedUpMs, 'milliseconds from the SIGKILL to another worker claiming the turn').toBeLessThan(10_000);
    const done = await eventually(async () => {
      const read = await nodeB.service.app.inject({ method: 'GET', url: `/v1/turns/${turnId}`, headers: bearer(conversation.token) });
      const body = read.json<{ status: string; replies: { text: string }[] }>();
      return body.status === 'done' ? body : undefined;
    }, 20_000);
    expect(done.replies.map((reply) => reply.text)).toEqual([`Order ${target.order.order_id} is cancelled: status cancelled.`]);

    const messages = await database.conversations.listMessages(conversation.id);
    expect(messages.map((message) => message.role)).toEqual(['customer', 'agent']);
    const order = await database.commerce.getOrder(target.order.order_id);
    expect(order?.payment_history.filter((payment) => payment.transaction_type === 'refund')).toHaveLength(target.order.payment_history.length);
    // One idempotency record: the second run answered from it ("replayed") instead of running the tool.
    const replayed = await database.toolCalls.claim({ idempotencyKey: `${turnId}:orders:1`, toolName: 'cancel_pending_order', argsJson: '{}', conversationId: conversation.id, agentId: 'orders', leaseMs: 1 });
    expect(replayed).toMatchObject({ status: 'completed', toolName: 'cancel_pending_order', result: { ok: true } });
    const events = await database.events.list(conversation.id);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(events.some((event) => event.type === 'guardrail' && event.data.outcome === 'replayed')).toBe(true);
    // The job carried the accept-time triage (the order id among its entities): gone from Redis once the turn is done.
    const queue = new Queue(TURN_QUEUE_NAME, { connection: new Redis(redisUrl ?? '', { maxRetriesPerRequest: null }), prefix });
    try {
      expect(await eventually(async () => ((await queue.getJob(turnId)) === undefined ? true : undefined), 5_000)).toBe(true);
    } finally {
      await queue.close();
    }
  }, 90_000);

  it('delivers a reply written by a worker to the SSE stream held by another API node', async () => {
    const url = await nodeB.service.listen();
    const conversation = await createConversation(nodeA.service);
    let opened: () => void = () => undefined;
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const frames = readStream(`${url}/v1/conversations/${conversation.id}/stream`, { token: conversation.token, timeoutMs: 30_000, onOpen: () => opened(), done: (received) => received.some((frame) => frame.startsWith('event: turn')) });
    await open;
    const posted = await nodeA.service.app.inject({ method: 'POST', url: `/v1/conversations/${conversation.id}/messages`, headers: bearer(conversation.token), payload: { text: "what's your return policy?" } });
    expect(posted.statusCode).toBe(202);
    const events = (await frames).filter((frame) => frame.includes('event: '));
    expect(events.map((frame) => /event: (\w+)/.exec(frame)?.[1])).toEqual(['message', 'message', 'turn']);
    expect(events[1]).toContain('"role":"agent"');
  }, 60_000);
});
