/**
 * The desk's event bus: what happened in a conversation (a message, a finished turn, an audit
 * event, a ticket created or changed), delivered to the SSE streams and `?wait=true` requests of
 * every API node. In one process it is a map of listeners; with Redis, one pub/sub channel
 * carries every event to every node. Listeners subscribe to one conversation or to the whole
 * desk (the operator console's stream).
 */
import type { AgentEvent, EventLog, Message, Ticket, TicketQueue } from '@switchboard/core';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** One event of a conversation, as SSE streams send it. */
export type DeskEvent =
  | { type: 'message'; conversationId: string; message: Message }
  | { type: 'turn'; conversationId: string; turnId: string; status: 'done' | 'failed'; outcome?: string; errorCode?: string; replies: Message[]; ticketId?: string }
  /** Audit events just stored (operators only), oldest first; all of `conversationId`. */
  | { type: 'audit'; conversationId: string; events: AgentEvent[] }
  /** A ticket was created, claimed, updated (operator reply, note, return to the bot) or resolved (operators only). */
  | { type: 'ticket'; conversationId: string; ticket: Ticket };

/** Receives the events of one conversation (or of every conversation). */
export type DeskEventListener = (event: DeskEvent) => void;

/** Publish/subscribe of {@link DeskEvent}s, per conversation or desk-wide. */
export interface EventBus {
  /** Delivers `event` to every listener of its conversation and every desk-wide listener, on every node. */
  publish(event: DeskEvent): Promise<void>;
  /** Listens to one conversation. @returns the function that stops listening. */
  subscribe(conversationId: string, listener: DeskEventListener): () => void;
  /** Listens to every conversation of the desk (operator streams). @returns the function that stops listening. */
  subscribeAll(listener: DeskEventListener): () => void;
  /** Throws when the bus cannot deliver (readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Listeners by conversation and desk-wide, shared by both implementations. */
class Listeners {
  private readonly byConversation = new Map<string, Set<DeskEventListener>>();
  private readonly desk = new Set<DeskEventListener>();

  constructor(private readonly logger?: Logger) {}

  add(conversationId: string, listener: DeskEventListener): () => void {
    const set = this.byConversation.get(conversationId) ?? new Set<DeskEventListener>();
    set.add(listener);
    this.byConversation.set(conversationId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byConversation.get(conversationId) === set) this.byConversation.delete(conversationId);
    };
  }

  addAll(listener: DeskEventListener): () => void {
    this.desk.add(listener);
    return () => {
      this.desk.delete(listener);
    };
  }

  /** Calls every matching listener; one that throws is logged and does not stop the others. */
  deliver(event: DeskEvent): void {
    for (const listener of [...(this.byConversation.get(event.conversationId) ?? []), ...this.desk]) {
      try {
        listener(event);
      } catch (error) {
        this.logger?.error({ err: error instanceof Error ? { name: error.name } : {}, type: event.type }, 'bus listener failed');
      }
    }
  }
}

/** The bus of a single process (the default, without Redis). */
export function createMemoryBus(options: { logger?: Logger } = {}): EventBus {
  const listeners = new Listeners(options.logger);
  return {
    publish(event) {
      listeners.deliver(event);
      return Promise.resolve();
    },
    subscribe: (conversationId, listener) => listeners.add(conversationId, listener),
    subscribeAll: (listener) => listeners.addAll(listener),
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
  const listeners = new Listeners(options.logger);
  subscriber.on('message', (_channel: string, payload: string) => {
    let event: DeskEvent;
    try {
      event = JSON.parse(payload) as DeskEvent;
    } catch (error) {
      options.logger.error({ err: error instanceof Error ? { name: error.name } : {} }, 'unreadable bus event dropped');
      return;
    }
    listeners.deliver(event);
  });
  await subscriber.subscribe(channel);
  return {
    async publish(event) {
      await publisher.publish(channel, JSON.stringify(event));
    },
    subscribe: (conversationId, listener) => listeners.add(conversationId, listener),
    subscribeAll: (listener) => listeners.addAll(listener),
    async ping() {
      await publisher.ping();
    },
    async close() {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}

/** Publishes without waiting: a failure is logged (no customer data) and never reaches the caller. */
function publishInBackground(bus: EventBus, logger: Logger, event: DeskEvent): void {
  const failed = (error: unknown) => logger.warn({ err: error instanceof Error ? { name: error.name } : {}, type: event.type, conversationId: event.conversationId }, 'bus publish failed');
  try {
    bus.publish(event).catch(failed);
  } catch (error) {
    failed(error);
  }
}

/**
 * Wraps the desk's audit log so every batch, once stored, is published on the bus as `audit`
 * events (one per conversation in the batch), fire-and-forget: a turn never waits for the bus
 * and a bus failure is only logged. Events are published as stored (masked when the log masks).
 * @example createDeskRuntime({ wrapPorts: { events: (log) => publishAppendedEvents(log, { bus, logger }) } })
 */
export function publishAppendedEvents(base: EventLog, options: { bus: EventBus; logger: Logger }): EventLog {
  return {
    async append(batch) {
      await base.append(batch);
      const byConversation = new Map<string, AgentEvent[]>();
      for (const event of batch) byConversation.set(event.conversationId, [...(byConversation.get(event.conversationId) ?? []), event]);
      for (const [conversationId, events] of byConversation) publishInBackground(options.bus, options.logger, { type: 'audit', conversationId, events });
    },
    list: (conversationId) => base.list(conversationId),
  };
}

/**
 * Wraps the ticket queue so a ticket created, claimed or updated (reply, return to the bot,
 * resolve) is published on the bus as a `ticket` event after the write, fire-and-forget.
 */
export function publishTicketChanges(base: TicketQueue, options: { bus: EventBus; logger: Logger }): TicketQueue {
  const announce = (ticket: Ticket) => publishInBackground(options.bus, options.logger, { type: 'ticket', conversationId: ticket.conversationId, ticket });
  return {
    async create(ticket) {
      await base.create(ticket);
      announce(ticket);
    },
    get: (id) => base.get(id),
    list: (filter) => base.list(filter),
    async update(ticket) {
      await base.update(ticket);
      announce(ticket);
    },
    async claim(input) {
      const claimed = await base.claim(input);
      if (claimed) announce(claimed);
      return claimed;
    },
  };
}
