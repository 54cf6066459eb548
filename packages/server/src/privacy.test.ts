/**
 * Personal data never reaches the logs or the stored audit events: a run full of emails, phone
 * numbers, card numbers and addresses — in messages, URLs, headers, operator notes and error
 * paths — then every line logged (level trace) and every audit event is scanned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, captureLines, createConversation, say, startTestService } from '../test/helpers.js';
import type { TestService } from '../test/helpers.js';
import { createLogger } from './logger.js';
import { findPersonalData } from './mask.js';

const PLANTED = ['ada.lovelace@example.com', '+1 (555) 010-2030', '4111 1111 1111 1111', '1600 Amphitheatre Parkway'];

let test: TestService;
let storeEmail = '';
const conversations: string[] = [];

beforeAll(async () => {
  test = await startTestService({ logLevel: 'trace' });
  const { commerce } = test.service.runtime.database;
  const [userId] = await commerce.listUserIds({ limit: 1 });
  storeEmail = (await commerce.getUser(userId ?? ''))?.email ?? '';
  const { app } = test.service;
  const operator = bearer(test.operatorKey);

  const anonymous = await createConversation(test.service, { email: 'ada.lovelace@example.com' });
  conversations.push(anonymous.id);
  await say(test.service, { conversation: anonymous, text: 'where is my order? my email is ada.lovelace@example.com' });
  await say(test.service, { conversation: anonymous, text: `sorry, it is ${storeEmail}, call me at +1 (555) 010-2030` });
  await say(test.service, { conversation: anonymous, text: 'my card 4111 1111 1111 1111 was charged twice, I live at 1600 Amphitheatre Parkway' });
  await app.inject({ method: 'POST', url: `/v1/conversations/${anonymous.id}/messages`, headers: { ...bearer(anonymous.token), 'idempotency-key': 'ada.lovelace@example.com' }, payload: { text: `${'x'.repeat(4000)} ada.lovelace@example.com` } });
  await app.inject({ method: 'GET', url: '/v1/conversations/ada.lovelace@example.com?after=4111111111111111', headers: bearer(anonymous.token) });
  await app.inject({ method: 'POST', url: `/v1/conversations/${anonymous.id}/feedback`, headers: bearer(anonymous.token), payload: { rating: 1, comment: 'call +1 (555) 010-2030' } });

  const human = await createConversation(test.service);
  conversations.push(human.id);
  await say(test.service, { conversation: human, text: 'I want a person, email me at ada.lovelace@example.com' });
  const ticket = (await test.service.runtime.database.tickets.list({ conversationId: human.id }))[0];
  await app.inject({ method: 'POST', url: `/v1/tickets/${ticket?.id ?? 'none'}/claim`, headers: operator });
  await app.inject({ method: 'POST', url: `/v1/tickets/${ticket?.id ?? 'none'}/reply`, headers: operator, payload: { text: 'I will write to ada.lovelace@example.com' } });
  await app.inject({ method: 'POST', url: `/v1/tickets/${ticket?.id ?? 'none'}/return`, headers: operator, payload: { note: 'Customer lives at 1600 Amphitheatre Parkway, card 4111 1111 1111 1111' } });

  const verified = await createConversation(test.service, { email: storeEmail, operatorKey: test.operatorKey });
  conversations.push(verified.id);
  await say(test.service, { conversation: verified, text: 'where is my order?' });
  await app.inject({ method: 'POST', url: '/v1/conversations', headers: bearer('sbk_ada.lovelace@example.com'), payload: {} });
}, 120_000);
afterAll(() => test?.close());

function leaks(text: string): string[] {
  return [...PLANTED.filter((value) => text.includes(value)), ...(storeEmail && text.toLowerCase().includes(storeEmail.toLowerCase()) ? [storeEmail] : []), ...findPersonalData(text).map((found) => `${found.kind}: ${found.match}`)];
}

describe('personal data in logs and audit events', () => {
  it('logs a lot, and nothing it logged holds personal data', () => {
    expect(test.logs.length).toBeGreaterThan(30);
    expect(test.logs.some((line) => line.includes('[email]'))).toBe(true); // the URL with an email was logged, masked
    const found = test.logs.flatMap((line) => leaks(line).map((leak) => `${leak} in ${line.slice(0, 200)}`));
    expect(found).toEqual([]);
  });

  it('stores audit events without personal data', async () => {
    const events = (await Promise.all(conversations.map((id) => test.service.runtime.database.events.list(id)))).flat();
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['triage', 'tool_call', 'operator', 'escalation']));
    const found = events.flatMap((event) => leaks(JSON.stringify(event)).map((leak) => `${leak} in ${event.type}`));
    expect(found).toEqual([]);
  });

  it('keeps personal data in logs only with the sensitive-data switch on', () => {
    const masked = captureLines();
    createLogger({ destination: masked.stream }).info({ text: 'ada.lovelace@example.com' }, 'message');
    const raw = captureLines();
    createLogger({ destination: raw.stream, sensitiveData: true }).info({ text: 'ada.lovelace@example.com' }, 'message');
    expect(masked.lines.join('\n')).not.toContain('ada.lovelace@example.com');
    expect(raw.lines.join('\n')).toContain('ada.lovelace@example.com');
  });
});
