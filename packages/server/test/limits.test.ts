/**
 * Rate limits per client IP and per token (429 RATE_LIMITED with Retry-After); probes are exempt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createConversation, startTestService } from './helpers.js';
import type { TestService } from './helpers.js';

let test: TestService;
beforeAll(async () => {
  test = await startTestService({ logLevel: 'warn', server: { rateLimitPerIpPerMinute: 12, rateLimitPerTokenPerMinute: 4 } });
});
afterAll(() => test?.close());

describe('rate limits', () => {
  it('limits each token, then each IP, and never the probes', async () => {
    const { app } = test.service;
    const conversation = await createConversation(test.service);
    const read = () => app.inject({ method: 'GET', url: `/v1/conversations/${conversation.id}`, headers: bearer(conversation.token), remoteAddress: '10.0.0.1' });
    const statuses = [];
    for (let index = 0; index < 5; index += 1) statuses.push((await read()).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const limited = await read();
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED', isRetryable: true } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const anonymous = [];
    for (let index = 0; index < 13; index += 1) anonymous.push((await app.inject({ method: 'POST', url: '/v1/conversations', payload: {}, remoteAddress: '10.0.0.2' })).statusCode);
    expect(anonymous.slice(0, 12).every((status) => status === 201)).toBe(true);
    expect(anonymous[12]).toBe(429);
    expect((await app.inject({ method: 'POST', url: '/v1/conversations', payload: {}, remoteAddress: '10.0.0.3' })).statusCode).toBe(201);
    for (let index = 0; index < 20; index += 1) expect((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
  });
});
