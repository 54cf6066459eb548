/**
 * Server-Sent Events from the bus, so a reply written by a worker anywhere reaches the stream on
 * whichever node holds it:
 *
 * - `GET /v1/conversations/:id/stream` — one conversation: every new message (`event: message`,
 *   `id:` the message id) and every finished turn (`event: turn`); operators also get its audit
 *   events (`event: audit`) and ticket changes (`event: ticket`), customers never do. After a
 *   reconnect, `Last-Event-ID` (or `?after=`) replays the messages the client missed.
 * - `GET /v1/stream` — operators only: the same frames for every conversation of the desk.
 *
 * Browsers' `EventSource` cannot send headers: the credential may come as `?access_token=`.
 * A comment line (`: ping`) every `heartbeatMs` keeps idle connections open.
 */
import type { Message } from '@switchboard/core';
import { z } from 'zod';
import { requireConversationAccess, requireOperator } from '../access.js';
import type { App } from '../access.js';
import type { DeskEvent } from '../bus.js';
import type { ServiceContext } from '../context.js';
import { ConversationParamsSchema, ERROR_RESPONSES } from '../protocol.js';
import { frame, mayReceive, SSE_HEADERS, trackOpenStreams, writeFrame } from './sse.js';

const StreamQuerySchema = z.object({
  /** Customer token, for clients that cannot send an Authorization header (EventSource). */
  access_token: z.string().max(512).optional(),
  /** Replay messages after this message id first. */
  after: z.string().max(128).optional(),
});

const DeskStreamQuerySchema = z.object({
  /** Operator API key, for clients that cannot send an Authorization header (EventSource). */
  access_token: z.string().max(512).optional(),
});

/** Messages after `afterId` (none when the id is unknown). */
function missed(messages: readonly Message[], afterId: string): Message[] {
  const index = messages.findIndex((message) => message.id === afterId);
  return index < 0 ? [] : messages.slice(index + 1);
}

/** Registers the SSE routes; open streams end when the server closes. */
export function registerStreamRoutes(app: App, context: ServiceContext): void {
  const open = trackOpenStreams(app);

  app.get('/v1/conversations/:conversationId/stream', {
    schema: {
      tags: ['customer'],
      summary: 'Server-Sent Events: messages and finished turns of the conversation (operators also get its audit events and ticket changes)',
      params: ConversationParamsSchema,
      querystring: StreamQuerySchema,
      response: { 200: z.string().describe('text/event-stream'), ...ERROR_RESPONSES },
    },
  }, async (request, reply) => {
    const { conversationId } = request.params;
    const principal = requireConversationAccess(request, conversationId);
    const lastEventId = request.headers['last-event-id'];
    const afterId = typeof lastEventId === 'string' && lastEventId !== '' ? lastEventId : request.query.after;
    const pending: DeskEvent[] = [];
    let live = false;
    const response = reply.raw;
    const send = (event: DeskEvent) => {
      if (!mayReceive(principal, event)) return;
      if (live) writeFrame(response, frame(event));
      else pending.push(event);
    };
    const unsubscribe = context.bus.subscribe(conversationId, send);
    const backlog = afterId === undefined ? [] : missed(await context.runtime.database.conversations.listMessages(conversationId), afterId);

    reply.hijack();
    response.writeHead(200, SSE_HEADERS);
    response.write(`retry: 2000\n: connected\n\n`);
    const sent = new Set<string>();
    for (const message of backlog) {
      sent.add(message.id);
      response.write(frame({ type: 'message', conversationId, message }));
    }
    for (const event of pending) if (event.type !== 'message' || !sent.has(event.message.id)) response.write(frame(event));
    live = true;
    open.add(response);
    const heartbeat = setInterval(() => writeFrame(response, ': ping\n\n'), context.config.heartbeatMs);
    heartbeat.unref();
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(response);
    });
  });

  app.get('/v1/stream', {
    schema: {
      tags: ['operator'],
      summary: 'Server-Sent Events for operators: messages, finished turns, audit events and ticket changes of every conversation',
      querystring: DeskStreamQuerySchema,
      response: { 200: z.string().describe('text/event-stream'), ...ERROR_RESPONSES },
    },
  }, (request, reply) => {
    requireOperator(request);
    const response = reply.raw;
    reply.hijack();
    response.writeHead(200, SSE_HEADERS);
    response.write(`retry: 2000\n: connected\n\n`);
    const unsubscribe = context.bus.subscribeAll((event) => writeFrame(response, frame(event)));
    open.add(response);
    const heartbeat = setInterval(() => writeFrame(response, ': ping\n\n'), context.config.heartbeatMs);
    heartbeat.unref();
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(response);
    });
  });
}
