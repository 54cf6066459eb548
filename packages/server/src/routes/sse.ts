/**
 * Server-Sent Events shared by the conversation stream and the operator's desk-wide stream:
 * frames for each bus event, who may see which frame, and the open responses to end when the
 * server closes.
 */
import type { ServerResponse } from 'node:http';
import type { App } from '../access.js';
import type { Principal } from '../auth.js';
import type { DeskEvent } from '../bus.js';

/**
 * The SSE text of one bus event: `event: message` (`id:` the message id, data the message),
 * `event: turn` (data the turn frame), one `event: audit` per audit event (data the
 * `AgentEvent`), `event: ticket` (data `{ ticket }`).
 */
export function frame(event: DeskEvent): string {
  // Every local stream gets the same event object: serialize it once.
  const cached = frames.get(event);
  if (cached !== undefined) return cached;
  const text = serialize(event);
  frames.set(event, text);
  return text;
}

const frames = new WeakMap<DeskEvent, string>();

function serialize(event: DeskEvent): string {
  switch (event.type) {
    case 'message':
      return `id: ${event.message.id}\nevent: message\ndata: ${JSON.stringify(event.message)}\n\n`;
    case 'turn':
      return `event: turn\ndata: ${JSON.stringify(event)}\n\n`;
    case 'audit':
      return event.events.map((audit) => `event: audit\ndata: ${JSON.stringify(audit)}\n\n`).join('');
    case 'ticket':
      return `event: ticket\ndata: ${JSON.stringify({ ticket: event.ticket })}\n\n`;
  }
}

/** Whether `principal` may receive `event`: audit events and tickets are for operators only. */
export function mayReceive(principal: Principal, event: DeskEvent): boolean {
  return principal.kind === 'operator' || event.type === 'message' || event.type === 'turn';
}

/** SSE response headers (no caching, no proxy buffering). */
export const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' } as const;

/**
 * Most bytes a stream may have waiting for a slow client before it is closed (the client's
 * `EventSource` reconnects; the conversation stream replays missed messages with `Last-Event-ID`).
 * Bounds the memory one stalled operator console can hold on the desk-wide stream.
 */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** Writes `text` to an SSE response, or ends the response when its client has fallen {@link MAX_BUFFERED_BYTES} behind. */
export function writeFrame(response: ServerResponse, text: string): void {
  if (response.writableEnded) return;
  if (response.writableLength > MAX_BUFFERED_BYTES) {
    response.end();
    return;
  }
  response.write(text);
}

/** Open SSE responses of an app, ended when it closes. */
export function trackOpenStreams(app: App): Set<ServerResponse> {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', (done) => {
    for (const response of open) response.end();
    done();
  });
  return open;
}
