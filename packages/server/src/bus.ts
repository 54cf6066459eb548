/**
 * The desk's event bus: what happened in a conversation (a message, a finished turn), delivered
 * to the SSE streams and `?wait=true` requests of every API node. In one process it is a map of
 * listeners; with Redis, one pub/sub channel carries every event to every node.
 */
import type { Message } from '@switchboard/core';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** One event of a conversation, as SSE streams send it. */
export type DeskEvent =
  | { type: 'message'; conversationId: string; message: Message }
  | { type: 'turn'; conversationId: string; turnId: string; status: 'done' | 'failed'; outcome?: string; errorCode?: string; replies: Message[]; ticketId?: string };

/** Receives the events of one conversation. */
export type DeskEventListener = (event: DeskEvent) => void;

/** Publish/subscribe of {@link DeskEvent}s, per conversation. */
export interface EventBus {
  /** Delivers `event` to every listener of its conversation, on every node. */
  publish(event: DeskEvent): Promise<void>;
  /** Listens to one conversation. @returns the function that stops listening. */
  subscribe(conversationId: string, listener: DeskEventListener): () => void;
  /** Throws when the bus cannot deliver (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Listeners by conversation, shared by both implementations. */
class Listeners {
  private readonly byConversation = new Map<string, Set<DeskEventListener>>();

  add(conversationId: string, listener: DeskEventListener): () => void {
    const set = this.byConversation.get(conversationId) ?? new Set<DeskEventListener>();
    set.add(listener);
    this.byConversation.set(conversationId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byConversation.get(conversationId) === set) this.byConversation.delete(conversationId);
    };
  }

  deliver(event: DeskEvent): void {
    for (const listener of [...(this.byConversation.get(event.conversationId) ?? [])]) listener(event);
  }
}

/** The bus of a single process (the default, without Redis). */
export function createMemoryBus(): EventBus {
  const listeners = new Listeners();
  return {
    publish(event) {
      listeners.deliver(event);
      return Promise.resolve();
    },
    subscribe: (conversationId, listener) => listeners.add(conversationId, listener),
    ping: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/**
 * The bus across processes: Redis pub/sub on channel `<prefix>:events`. Each node keeps one
 * subscriber connection and delivers to its local listeners, so a reply written by a worker on
 * another machine reaches the SSE stream of whichever API node holds the customer's connection.
 * @param options.prefix - Channel prefix (the queue prefix), to keep desks and test runs apart.
 */
export async function createRedisBus(options: { url: string; prefix: string; logger: Logger }): Promise<EventBus> {
  const channel = `${options.prefix}:events`;
  const publisher = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: null });
  for (const connection of [publisher, subscriber]) connection.on('error', (error: Error) => options.logger.warn({ err: { name: error.name, code: (error as { code?: string }).code } }, 'redis bus connection error'));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const listeners = new Listeners();
  subscriber.on('message', (_channel: string, payload: string) => {
    try {
      listeners.deliver(JSON.parse(payload) as DeskEvent);
    } catch (error) {
      options.logger.error({ err: error instanceof Error ? { name: error.name } : {} }, 'unreadable bus event dropped');
    }
  });
  await subscriber.subscribe(channel);
  return {
    async publish(event) {
      await publisher.publish(channel, JSON.stringify(event));
    },
    subscribe: (conversationId, listener) => listeners.add(conversationId, listener),
    async ping() {
      await publisher.ping();
    },
    async close() {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
