/**
 * Record builders for the conformance suite. Every id carries a per-suite unique prefix, so a
 * suite can run against a database that already holds data.
 */
import { randomUUID } from 'node:crypto';
import { emptyEntities } from '@switchboard/core';
import type { AgentEvent, Conversation, Message, Order, Product, StoreSnapshot, Ticket, User } from '@switchboard/core';

/** The suite's clock origin; `at(ms)` is this instant plus `ms` milliseconds, as ISO 8601. */
const ORIGIN_MS = Date.parse('2024-05-01T10:00:00.000Z');

/** ISO 8601 time `offsetMs` milliseconds after 2024-05-01T10:00:00Z. */
export function at(offsetMs: number): string {
  return new Date(ORIGIN_MS + offsetMs).toISOString();
}

/** Unique ids for one suite run: `next('conv')` → `conv_<run>_<n>`. */
export function createIds(): { next(prefix: string): string } {
  const run = randomUUID().slice(0, 8);
  let counter = 0;
  return {
    next(prefix) {
      counter += 1;
      return `${prefix}_${run}_${counter}`;
    },
  };
}

export function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    channel: 'web',
    status: 'open',
    handoffChain: [],
    accountFlags: [],
    entities: emptyEntities(),
    dialog: { slots: {}, failedAttempts: 0 },
    priority: 'normal',
    autonomy: 'auto',
    createdAt: at(0),
    updatedAt: at(0),
    version: 0,
    ...overrides,
  };
}

export function message(options: { id: string; conversationId: string; text: string; createdAt?: string; turnId?: string }): Message {
  return {
    id: options.id,
    conversationId: options.conversationId,
    role: 'customer',
    author: 'customer',
    text: options.text,
    createdAt: options.createdAt ?? at(0),
    ...(options.turnId === undefined ? {} : { turnId: options.turnId }),
  };
}

export function event(options: { id: string; conversationId: string; time: string; overrides?: Partial<AgentEvent> }): AgentEvent {
  return {
    id: options.id,
    conversationId: options.conversationId,
    traceId: 'trace_1',
    turnId: 'turn_1',
    time: options.time,
    type: 'triage',
    data: {},
    ...options.overrides,
  };
}

export function ticket(options: { id: string; conversationId: string; overrides?: Partial<Ticket> }): Ticket {
  return {
    id: options.id,
    conversationId: options.conversationId,
    status: 'open',
    priority: 'normal',
    queue: 'orders',
    trigger: 'explicit_request',
    reason: 'Customer asked for a human',
    notes: [],
    summary: 'Customer wants to talk to a person about a late order.',
    createdAt: at(0),
    updatedAt: at(0),
    slaDueAt: at(24 * 60 * 60 * 1000),
    ...options.overrides,
  };
}

const ADDRESS = { address1: '1 Main Street', address2: 'Suite 2', city: 'Denver', country: 'USA', state: 'CO', zip: '80279' };

export function user(options: { id: string; firstName: string; lastName: string; email: string; zip?: string }): User {
  return {
    user_id: options.id,
    name: { first_name: options.firstName, last_name: options.lastName },
    address: { ...ADDRESS, zip: options.zip ?? ADDRESS.zip },
    email: options.email,
    payment_methods: { credit_card_1: { source: 'credit_card', id: 'credit_card_1', brand: 'visa', last_four: '4242' } },
    orders: [],
  };
}

export function order(options: { id: string; userId: string; extra?: Record<string, unknown> }): Order {
  return {
    order_id: options.id,
    user_id: options.userId,
    address: ADDRESS,
    items: [{ name: 'Water Bottle', product_id: 'prod_1', item_id: 'item_1', price: 47.84, options: { color: 'blue' } }],
    fulfillments: [{ tracking_id: ['357962501027'], item_ids: ['item_1'] }],
    status: 'delivered',
    payment_history: [{ transaction_type: 'payment', amount: 47.84, payment_method_id: 'credit_card_1' }],
    ...options.extra,
  };
}

export function product(id: string, name: string): Product {
  return {
    product_id: id,
    name,
    variants: { [`${id}_v1`]: { item_id: `${id}_v1`, options: { color: 'blue' }, available: true, price: 10.5 } },
  };
}

/** A snapshot keyed by each record's own id. */
export function snapshot(records: { users: User[]; orders: Order[]; products: Product[] }): StoreSnapshot {
  return {
    users: Object.fromEntries(records.users.map((record) => [record.user_id, record])),
    orders: Object.fromEntries(records.orders.map((record) => [record.order_id, record])),
    products: Object.fromEntries(records.products.map((record) => [record.product_id, record])),
  };
}
