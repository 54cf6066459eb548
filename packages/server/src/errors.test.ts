import { readFileSync } from 'node:fs';
import { ERROR_CODES, InvalidInputError, StoreError, SwitchboardError } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { HTTP_STATUS, toWireError } from './errors.js';

describe('error codes on the wire', () => {
  it('documents every code with its status in docs/errors.md, and nothing else', () => {
    const page = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    const rows = [...page.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((match) => [match[1], Number(match[2])]);
    expect(Object.fromEntries(rows)).toEqual({ ...HTTP_STATUS });
    expect(rows.map(([code]) => code).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('keeps client errors readable, with customer data masked', () => {
    const { status, body } = toWireError(new InvalidInputError('MESSAGE_TOO_LARGE', 'Too long for ada@example.com', { details: { maxChars: 4000, note: 'call +1 555 010 2030' } }), { requestId: 'req_1' });
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'MESSAGE_TOO_LARGE', message: 'Too long for [email]', details: { maxChars: 4000, note: 'call [phone]' }, isRetryable: false, requestId: 'req_1' } });
  });

  it('hides internals of server-side failures: no cause, no details, no stack unless asked', () => {
    const driver = Object.assign(new Error('duplicate key value violates unique constraint "users_email" Key (email)=(ada@example.com)'), { code: '23505' });
    const store = toWireError(new StoreError('Storage operation conversations.save failed', { details: { operation: 'conversations.save' }, cause: driver }));
    expect(store).toEqual({ status: 503, body: { error: { code: 'STORE_FAILED', message: expect.stringMatching(/storage/) as unknown, details: {}, isRetryable: true } } });
    const unknown = toWireError(new TypeError('cannot read property x of undefined'));
    expect(unknown.status).toBe(500);
    expect(unknown.body.error).toMatchObject({ code: 'INTERNAL', details: {} });
    expect(JSON.stringify(unknown.body)).not.toContain('property x');
    expect(toWireError(new Error('boom'), { exposeStack: true }).body.error.stack).toContain('boom');
  });

  it('maps framework errors by status, never by message', () => {
    expect(toWireError(Object.assign(new Error('Body is too large: ada@example.com'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' })).body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' });
    expect(toWireError(Object.assign(new Error('x'), { statusCode: 415 })).status).toBe(400);
    expect(toWireError(new SwitchboardError('RATE_LIMITED', 'slow down', { isRetryable: true })).status).toBe(429);
  });
});
