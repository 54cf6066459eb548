/**
 * Test helpers: a service on an in-memory database with every log line captured, an operator
 * key, and small API clients over `inject()`.
 */
import { Writable } from 'node:stream';
import type { Message } from '@switchboard/core';
import { createOperatorKey, createService, randomIds, systemClock } from '../src/index.js';
import type { Service, ServiceOptions } from '../src/index.js';

/** A running test service, its captured log lines and an operator key. */
export interface TestService {
  service: Service;
  /** Every line the service logged so far (JSON strings). */
  logs: string[];
  operatorKey: string;
  close(): Promise<void>;
}

/** Collects written lines. */
export function captureLines(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter((line) => line !== ''));
      done();
    },
  });
  return { stream, lines };
}

/** Starts a service on in-memory PGlite (unless `options.runtime` says otherwise), logging everything at `trace`. */
export async function startTestService(options: ServiceOptions & { logLevel?: string; sensitiveData?: boolean } = {}): Promise<TestService> {
  const capture = captureLines();
  const service = await createService({
    runtime: { inMemory: true },
    ...options,
    server: { sensitiveData: options.sensitiveData === true, ...options.server },
    logger: { level: options.logLevel ?? 'trace', destination: capture.stream, sensitiveData: options.sensitiveData === true },
  });
  const key = await createOperatorKey({ database: service.runtime.database, name: 'ana', clock: systemClock, ids: randomIds });
  return { service, logs: capture.lines, operatorKey: key.key, close: () => service.close() };
}

/** `Authorization` header for a token or key. */
export const bearer = (token: string): { authorization: string } => ({ authorization: `Bearer ${token}` });

/** Creates a conversation through the API. */
export async function createConversation(service: Service, options: { email?: string; operatorKey?: string } = {}): Promise<{ id: string; token: string }> {
  const response = await service.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: options.operatorKey ? bearer(options.operatorKey) : {},
    payload: options.email ? { customer: { email: options.email } } : {},
  });
  if (response.statusCode !== 201) throw new Error(`create conversation: HTTP ${response.statusCode} ${response.body}`);
  const body = response.json<{ conversation: { id: string }; token: string }>();
  return { id: body.conversation.id, token: body.token };
}

/** Posts a message with `?wait=true` and returns the status and body. */
export async function say(service: Service, input: { conversation: { id: string; token: string }; text: string; headers?: Record<string, string> }): Promise<{ status: number; turn: { id: string; status: string; outcome?: string; replies: Message[] }; message: Message }> {
  const response = await service.app.inject({
    method: 'POST',
    url: `/v1/conversations/${input.conversation.id}/messages?wait=true`,
    headers: { ...bearer(input.conversation.token), ...input.headers },
    payload: { text: input.text },
  });
  if (response.statusCode >= 300) throw new Error(`say: HTTP ${response.statusCode} ${response.body}`);
  return { status: response.statusCode, ...response.json<{ turn: { id: string; status: string; outcome?: string; replies: Message[] }; message: Message }>() };
}

/** Polls `check` every 25 ms until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
