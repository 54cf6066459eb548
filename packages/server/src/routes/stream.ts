/**
 * `GET /v1/conversations/:id/stream`: Server-Sent Events of one conversation — every new message
 * (`event: message`, `id:` the message id) and every finished turn (`event: turn`) — from the
 * bus, so a reply written by a worker anywhere reaches the stream on whichever node holds it.
 * Browsers' `EventSource` cannot send headers: the token may come as `?access_token=`. After a
 * reconnect, `Last-Event-ID` (or `?after=`) replays the messages the client missed.
 */
import type { Message } from '@switchboard/core';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { requireConversationAccess } from '../access.js';
import type { App } from '../access.js';
import type { DeskEvent } from '../bus.js';
import type { ServiceContext } from '../context.js';
import { ConversationParamsSchema, ERROR_RESPONSES } from '../protocol.js';

const StreamQuerySchema = z.object({
  /** Customer token, for clients that cannot send an Authorization header (EventSource). */
  access_token: z.string().max(512).optional(),
  /** Replay messages after this message id first. */
  after: z.string().max(128).optional(),
});

function frame(event: DeskEvent): string {
  return event.type === 'message' ? `id: ${event.message.id}\nevent: message\ndata: ${JSON.stringify(event.message)}\n\n` : `event: turn\ndata: ${JSON.stringify(event)}\n\n`;
}

/** Messages after `afterId` (none when the id is unknown). */
function missed(messages: readonly Message[], afterId: string): Message[] {
  const index = messages.findIndex((message) => message.id === afterId);
  return index < 0 ? [] : messages.slice(index + 1);
}

/** Registers the SSE route; open streams end when the server closes. */
export function registerStreamRoutes(app: App, context: ServiceContext): void {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', (done) => {
    for (const response of open) response.end();
    done();
  });

  app.get('/v1/conversations/:conversationId/stream', {
    schema: {
      tags: ['customer'],
      summary: 'Server-Sent Events: messages and finished turns of the conversation',
      params: ConversationParamsSchema,
      querystring: StreamQuerySchema,
      response: { 200: z.string().describe('text/event-stream'), ...ERROR_RESPONSES },
    },
  }, async (request, reply) => {
    const { conversationId } = request.params;
    requireConversationAccess(request, conversationId);
    const lastEventId = request.headers['last-event-id'];
    const afterId = typeof lastEventId === 'string' && lastEventId !== '' ? lastEventId : request.query.after;
    const pending: DeskEvent[] = [];
    let live = false;
    const response = reply.raw;
    const send = (event: DeskEvent) => {
      if (live) response.write(frame(event));
      else pending.push(event);
    };
    const unsubscribe = context.bus.subscribe(conversationId, send);
    const backlog = afterId === undefined ? [] : missed(await context.runtime.database.conversations.listMessages(conversationId), afterId);

    reply.hijack();
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    response.write(`retry: 2000\n: connected\n\n`);
    const sent = new Set<string>();
    for (const message of backlog) {
      sent.add(message.id);
      response.write(frame({ type: 'message', conversationId, message }));
    }
    for (const event of pending) if (event.type !== 'message' || !sent.has(event.message.id)) response.write(frame(event));
    live = true;
    open.add(response);
    const heartbeat = setInterval(() => response.write(': ping\n\n'), context.config.heartbeatMs);
    heartbeat.unref();
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(response);
    });
  });
}
