/**
 * Over a real loopback socket (127.0.0.1): the SSE stream of a conversation, and the
 * OpenAI-compatible endpoint driven by the official `openai` client.
 */
import { request } from 'node:http';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_MODEL_ID } from '../src/index.js';
import { bearer, createConversation, startTestService } from './helpers.js';
import type { TestService } from './helpers.js';

let test: TestService;
let url = '';
beforeAll(async () => {
  test = await startTestService({ logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  url = await test.service.listen();
});
afterAll(() => test?.close());

interface Frame {
  event: string;
  id?: string;
  data: Record<string, unknown>;
}

/** Opens an SSE stream; `frames()` resolves once `until` holds (or after 20 s). */
function openStream(path: string, options: { headers?: Record<string, string>; until: (frames: Frame[]) => boolean }): { opened: Promise<void>; frames: Promise<Frame[]> } {
  let markOpen: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    markOpen = resolve;
  });
  const frames = new Promise<Frame[]>((resolve, reject) => {
    const received: Frame[] = [];
    const req = request(`${url}${path}`, { headers: { accept: 'text/event-stream', ...options.headers } }, (response) => {
      expect(response.headers['content-type']).toMatch(/text\/event-stream/);
      markOpen();
      let buffer = '';
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const parts = buffer.split('\n\n');
        buffer = parts.pop() ?? '';
        for (const part of parts) {
          const event = /^event: (.+)$/m.exec(part)?.[1];
          const data = /^data: (.+)$/m.exec(part)?.[1];
          const id = /^id: (.+)$/m.exec(part)?.[1];
          if (event && data) received.push({ event, ...(id ? { id } : {}), data: JSON.parse(data) as Record<string, unknown> });
        }
        if (options.until(received)) {
          req.destroy();
          resolve(received);
        }
      });
    });
    req.on('error', reject);
    setTimeout(() => {
      req.destroy();
      resolve(received);
    }, 20_000).unref();
    req.end();
  });
  return { opened, frames };
}

describe('SSE stream', () => {
  it('streams the customer message, the reply and the finished turn; replays missed messages after Last-Event-ID', async () => {
    const conversation = await createConversation(test.service);
    const stream = openStream(`/v1/conversations/${conversation.id}/stream?access_token=${encodeURIComponent(conversation.token)}`, { until: (frames) => frames.some((frame) => frame.event === 'turn') });
    await stream.opened;
    const posted = await fetch(`${url}/v1/conversations/${conversation.id}/messages`, { method: 'POST', headers: { ...bearer(conversation.token), 'content-type': 'application/json' }, body: JSON.stringify({ text: 'how long does shipping take?' }) });
    expect(posted.status).toBe(202);
    const frames = await stream.frames;
    expect(frames.map((frame) => frame.event)).toEqual(['message', 'message', 'turn']);
    expect(frames.map((frame) => frame.data.role ?? frame.data.status)).toEqual(['customer', 'agent', 'done']);

    const replay = openStream(`/v1/conversations/${conversation.id}/stream`, { headers: { ...bearer(conversation.token), 'last-event-id': frames[0]?.id ?? '' }, until: (received) => received.length >= 1 });
    const missed = await replay.frames;
    expect(missed[0]).toMatchObject({ event: 'message', id: frames[1]?.id });
  });

  it('delivers operator replies, and refuses another conversation\'s token', async () => {
    const conversation = await createConversation(test.service);
    await fetch(`${url}/v1/conversations/${conversation.id}/messages?wait=true`, { method: 'POST', headers: { ...bearer(conversation.token), 'content-type': 'application/json' }, body: JSON.stringify({ text: 'I want to talk to a human' }) });
    const ticket = (await test.service.runtime.database.tickets.list({ conversationId: conversation.id }))[0];
    await test.service.app.inject({ method: 'POST', url: `/v1/tickets/${ticket?.id ?? ''}/claim`, headers: bearer(test.operatorKey) });
    const stream = openStream(`/v1/conversations/${conversation.id}/stream`, { headers: bearer(conversation.token), until: (frames) => frames.length >= 1 });
    await stream.opened;
    await test.service.app.inject({ method: 'POST', url: `/v1/tickets/${ticket?.id ?? ''}/reply`, headers: bearer(test.operatorKey), payload: { text: 'Hello, this is Ana from the team.' } });
    expect((await stream.frames)[0]).toMatchObject({ event: 'message', data: { role: 'operator', text: 'Hello, this is Ana from the team.' } });

    const other = await createConversation(test.service);
    const refused = await fetch(`${url}/v1/conversations/${conversation.id}/stream`, { headers: bearer(other.token) });
    expect(refused.status).toBe(403);
  });
});

describe('OpenAI-compatible endpoint with the official openai client', () => {
  it('answers a chat completion from the desk and keeps the conversation of a `user`', async () => {
    const client = new OpenAI({ apiKey: test.operatorKey, baseURL: `${url}/v1`, maxRetries: 0 });
    const first = await client.chat.completions.create({ model: DESK_MODEL_ID, user: 'widget-user-1', messages: [{ role: 'user', content: "what's your return policy?" }] }).withResponse();
    expect(first.data.object).toBe('chat.completion');
    expect(first.data.choices[0]?.message.content).toMatch(/return/i);
    const conversationId = first.response.headers.get('x-switchboard-conversation');
    expect(conversationId).toMatch(/^conv_oai_/);
    const second = await client.chat.completions.create({ model: DESK_MODEL_ID, user: 'widget-user-1', messages: [{ role: 'user', content: "what's your return policy?" }, { role: 'assistant', content: '…' }, { role: 'user', content: 'and how long does shipping take?' }] }).withResponse();
    expect(second.response.headers.get('x-switchboard-conversation')).toBe(conversationId);
    const messages = await test.service.runtime.database.conversations.listMessages(conversationId ?? '');
    expect(messages.filter((message) => message.role === 'customer').map((message) => message.text)).toEqual(["what's your return policy?", 'and how long does shipping take?']);
    expect((await client.models.list()).data.map((model) => model.id)).toEqual([DESK_MODEL_ID]);
  });

  it('streams a completion, accepts a customer token as the key, and refuses a bad key', async () => {
    const conversation = await createConversation(test.service);
    const customer = new OpenAI({ apiKey: conversation.token, baseURL: `${url}/v1`, maxRetries: 0 });
    const stream = await customer.chat.completions.create({ model: 'any-name', stream: true, messages: [{ role: 'user', content: 'do you ship internationally?' }] });
    let content = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(content.length).toBeGreaterThan(20);
    expect(finish).toBe('stop');
    expect((await test.service.runtime.database.conversations.listMessages(conversation.id)).map((message) => message.role)).toEqual(['customer', 'agent']);

    const stranger = new OpenAI({ apiKey: 'sbk_not-a-real-key', baseURL: `${url}/v1`, maxRetries: 0 });
    await expect(stranger.chat.completions.create({ model: DESK_MODEL_ID, messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 401 });
  });
});
