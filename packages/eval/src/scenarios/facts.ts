/**
 * Store facts for scenarios: customers picked deterministically from the store (first match in
 * user-id order) and the `{{…}}` placeholders scenario texts and expectations use.
 */
import { InvalidInputError, type AccountDirectory, type CommerceStore, type Order, type User } from '@switchboard/core';
import type { CustomerFixture } from './schema.js';

/** The store reads the facts need. */
export type FactsCommerce = Pick<CommerceStore, 'listUserIds' | 'getUser' | 'getOrder'>;

/** A store customer with the account flags the desk sees. */
export interface FactsCustomer {
  user: User;
  flags: readonly string[];
}

/** Picks customers for scenarios; results are cached for the run. */
export interface StoreFacts {
  /**
   * The first customer (user-id order) matching `fixture`.
   * @throws InvalidInputError `DATA_MISSING` when no customer in the store matches.
   */
  customer(fixture: CustomerFixture): Promise<User>;
  /** Another customer with orders and no flags, never `customer`. @throws InvalidInputError `DATA_MISSING` when there is none. */
  otherThan(customer: User): Promise<User>;
  /** An order by id, or `undefined`. */
  order(orderId: string): Promise<Order | undefined>;
}

const PAGE_SIZE = 100;

const FIXTURES: Readonly<Record<CustomerFixture, (customer: FactsCustomer) => boolean>> = {
  customer_with_orders: ({ user, flags }) => user.orders.length >= 2 && flags.length === 0,
  customer_with_one_order: ({ user, flags }) => user.orders.length === 1 && flags.length === 0,
  customer_without_orders: ({ user, flags }) => user.orders.length === 0 && flags.length === 0,
  vip_customer: ({ user, flags }) => user.orders.length >= 2 && flags.includes('vip') && !flags.includes('at_risk'),
  at_risk_customer: ({ user, flags }) => user.orders.length >= 1 && flags.includes('at_risk') && !flags.includes('vip'),
};

/**
 * Store facts over the commerce store and the desk's account directory (no directory → no flags,
 * so `vip_customer` and `at_risk_customer` find nobody). Customers are read page by page, in
 * user-id order, only as far as a fixture needs.
 */
export function createStoreFacts(options: { commerce: FactsCommerce; accounts?: AccountDirectory }): StoreFacts {
  const { commerce, accounts } = options;
  const scanned: FactsCustomer[] = [];
  let offset = 0;
  let exhausted = false;

  async function nextPage(): Promise<void> {
    const ids = await commerce.listUserIds({ limit: PAGE_SIZE, offset });
    offset += ids.length;
    if (ids.length < PAGE_SIZE) exhausted = true;
    for (const id of ids) {
      const user = await commerce.getUser(id);
      if (user) scanned.push({ user, flags: accounts ? await accounts.flagsFor(id) : [] });
    }
  }

  async function find(predicate: (customer: FactsCustomer) => boolean, what: string): Promise<User> {
    for (let index = 0; ; index += 1) {
      while (index >= scanned.length && !exhausted) await nextPage();
      const candidate = scanned[index];
      if (candidate === undefined) throw new InvalidInputError('DATA_MISSING', `No customer in the store is ${what}`, { details: { fixture: what } });
      if (predicate(candidate)) return candidate.user;
    }
  }

  return {
    customer: (fixture) => find(FIXTURES[fixture], fixture),
    otherThan: (customer) => find(({ user, flags }) => user.user_id !== customer.user_id && user.orders.length >= 1 && flags.length === 0, 'another customer with orders'),
    order: (orderId) => commerce.getOrder(orderId),
  };
}

/** What placeholders are filled from. */
export interface PlaceholderContext {
  customer: User;
  otherCustomer: User;
  /** The orders of both customers, by id. */
  orders: ReadonlyMap<string, Order>;
  /** The ticket the desk opened last in this scenario, if any. */
  ticketId?: string | undefined;
}

/** Loads the orders of both customers, for {@link fillPlaceholders}. */
export async function loadPlaceholderContext(facts: StoreFacts, people: { customer: User; otherCustomer: User }): Promise<PlaceholderContext> {
  const orders = new Map<string, Order>();
  for (const orderId of [...people.customer.orders, ...people.otherCustomer.orders]) {
    const order = await facts.order(orderId);
    if (order) orders.set(orderId, order);
  }
  return { ...people, orders };
}

const PERSON_FIELD = /^(customer|otherCustomer)\.(email|name|firstName|lastName|zip|city|userId)$/;
const ORDER_FIELD = /^(customer|otherCustomer)\.orders\[(\d+)\](?:\.(status|tracking\[(\d+)\]|items\[(\d+)\]))?$/;

function personField(user: User, field: string): string | undefined {
  switch (field) {
    case 'email':
      return user.email;
    case 'name':
      return `${user.name.first_name} ${user.name.last_name}`;
    case 'firstName':
      return user.name.first_name;
    case 'lastName':
      return user.name.last_name;
    case 'zip':
      return user.address.zip;
    case 'city':
      return user.address.city;
    case 'userId':
      return user.user_id;
    default:
      return undefined;
  }
}

function orderField(context: PlaceholderContext, match: RegExpExecArray): string | undefined {
  const user = match[1] === 'customer' ? context.customer : context.otherCustomer;
  const orderId = user.orders[Number(match[2])];
  if (orderId === undefined || match[3] === undefined) return orderId;
  const order = context.orders.get(orderId);
  if (!order) return undefined;
  if (match[3] === 'status') return order.status;
  if (match[4] !== undefined) return order.fulfillments.flatMap((fulfillment) => fulfillment.tracking_id)[Number(match[4])];
  return order.items[Number(match[5])]?.name;
}

/** The value of one placeholder path (`customer.orders[0]`), or `undefined` when it names nothing. */
function resolvePath(path: string, context: PlaceholderContext): string | undefined {
  if (path === 'ticket.id') return context.ticketId;
  const person = PERSON_FIELD.exec(path);
  if (person) return personField(person[1] === 'customer' ? context.customer : context.otherCustomer, person[2]!);
  const order = ORDER_FIELD.exec(path);
  return order ? orderField(context, order) : undefined;
}

/**
 * Fills `{{customer.email}}`, `{{customer.name}}` (`firstName`, `lastName`, `zip`, `city`,
 * `userId`), `{{customer.orders[0]}}` (`.status`, `.tracking[0]`, `.items[0]`), the same for
 * `otherCustomer`, and `{{ticket.id}}` (the ticket the desk opened last).
 * @throws InvalidInputError `INVALID_INPUT` naming the first placeholder that resolves to nothing.
 * @example
 * ```ts
 * fillPlaceholders('where is {{customer.orders[1]}}?', context); // 'where is #W4845149?'
 * ```
 */
export function fillPlaceholders(text: string, context: PlaceholderContext): string {
  return text.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_match, path: string) => {
    const value = resolvePath(path, context);
    if (value === undefined) throw new InvalidInputError('INVALID_INPUT', `Placeholder {{${path}}} names no store fact`, { details: { placeholder: path } });
    return value;
  });
}
