import { createToolGateway, type AgentConfig, type Order, type StoreSnapshot, type ToolCallResult, type ToolGateway, type User } from '@switchboard/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateStore } from '../generator/generate.js';
import { createMemoryCommerceStore } from '../testing.js';
import { createReadTools, READ_SCOPES, READ_TOOL_NAMES } from './index.js';

const snapshot: StoreSnapshot = generateStore({ seed: 3, users: 40, orders: 160 });
const users = Object.values(snapshot.users);
const orders = Object.values(snapshot.orders);
const customer: User = users.find((user) => user.orders.length >= 3)!;
const stranger: User = users.find((user) => user.user_id !== customer.user_id && user.orders.length > 0)!;
const customerOrders: Order[] = customer.orders.map((id) => snapshot.orders[id]!);
const strangerOrder: Order = snapshot.orders[stranger.orders[0]!]!;
const cancelled: Order = orders.find((order) => order.status === 'cancelled')!;
const pending: Order = orders.find((order) => order.status === 'pending')!;

const tester: AgentConfig = {
  id: 'tester',
  name: 'Tester',
  description: 'Holds every read tool.',
  instructions: 'prompts/tester@1',
  tools: Object.values(READ_TOOL_NAMES),
  scopes: Object.values(READ_SCOPES),
  knowledge: [],
  handoffs: [],
  role: 'specialist',
};

let gateway: ToolGateway;
beforeAll(() => {
  gateway = createToolGateway({ tools: createReadTools({ commerce: createMemoryCommerceStore({ snapshot }) }), agents: [tester] });
});

const call = (toolName: string, args: unknown, customerId?: string): Promise<ToolCallResult> =>
  gateway.call({ toolName, args, context: { conversationId: 'conv_1', turnId: 'turn_1', agentId: 'tester', customerId, idempotencyKey: 'key_1' } });

const output = async <T = Record<string, unknown>>(result: Promise<ToolCallResult>): Promise<T> => {
  const settled = await result;
  if (!settled.ok) throw new Error(`expected ok, got ${settled.error.code}: ${settled.error.message}`);
  return settled.output as T;
};

const errorOf = async (result: Promise<ToolCallResult>): Promise<{ code: string; message: string }> => {
  const settled = await result;
  if (settled.ok) throw new Error('expected an error');
  return settled.error;
};

describe('createReadTools', () => {
  it('declares nine idempotent read tools with τ-bench names and a 2 s timeout', () => {
    const tools = createReadTools({ commerce: createMemoryCommerceStore() });
    expect(tools.map((tool) => tool.name)).toEqual([
      'find_user_id_by_email', 'find_user_id_by_name_zip', 'get_user_details', 'get_order_details',
      'get_product_details', 'list_all_product_types', 'find_product_by_name', 'get_invoices', 'get_refund_status',
    ]);
    for (const tool of tools) expect(tool).toMatchObject({ kind: 'read', idempotent: true, timeoutMs: 2000 });
  });
});

describe('identity lookups', () => {
  it('finds a customer by email, ignoring case and spaces', async () => {
    expect(await output(call('find_user_id_by_email', { email: customer.email }))).toBe(customer.user_id);
    expect(await output(call('find_user_id_by_email', { email: `  ${customer.email.toUpperCase()} ` }))).toBe(customer.user_id);
  });

  it('answers NOT_FOUND for an unknown email and TOOL_INVALID_ARGUMENTS for a malformed one', async () => {
    expect((await errorOf(call('find_user_id_by_email', { email: 'nobody.here0000@example.com' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(call('find_user_id_by_email', { email: 'not an email' }))).code).toBe('TOOL_INVALID_ARGUMENTS');
    expect((await errorOf(call('find_user_id_by_email', {}))).code).toBe('TOOL_INVALID_ARGUMENTS');
  });

  it('finds a customer by name and zip, names case-insensitive', async () => {
    const args = { first_name: customer.name.first_name.toLowerCase(), last_name: customer.name.last_name.toUpperCase(), zip: customer.address.zip };
    expect(await output(call('find_user_id_by_name_zip', args))).toBe(customer.user_id);
    const wrongZip = customer.address.zip === '00000' ? '00001' : '00000';
    expect((await errorOf(call('find_user_id_by_name_zip', { ...args, zip: wrongZip }))).code).toBe('NOT_FOUND');
    expect((await errorOf(call('find_user_id_by_name_zip', { ...args, zip: '123' }))).code).toBe('TOOL_INVALID_ARGUMENTS');
  });
});

describe('identity binding', () => {
  it('returns the verified customer\u2019s own profile and orders', async () => {
    expect(await output(call('get_user_details', { user_id: customer.user_id }, customer.user_id))).toEqual(customer);
    const first = customerOrders[0]!;
    expect(await output(call('get_order_details', { order_id: first.order_id }, customer.user_id))).toEqual(first);
    expect(await output(call('get_order_details', { order_id: first.order_id.slice(1) }, customer.user_id))).toEqual(first);
  });

  it('answers another customer\u2019s records exactly like missing ones (NOT_FOUND)', async () => {
    const otherUser = await errorOf(call('get_user_details', { user_id: stranger.user_id }, customer.user_id));
    const missingUser = await errorOf(call('get_user_details', { user_id: 'no_such_user_0000' }, customer.user_id));
    expect(otherUser).toEqual(missingUser);
    expect(otherUser.code).toBe('NOT_FOUND');
    for (const tool of ['get_order_details', 'get_invoices', 'get_refund_status']) {
      const other = await errorOf(call(tool, { order_id: strangerOrder.order_id }, customer.user_id));
      const missing = await errorOf(call(tool, { order_id: '#W0000000' }, customer.user_id));
      expect(other).toEqual(missing);
      expect(other.code).toBe('NOT_FOUND');
      expect(other.message).not.toContain(stranger.user_id);
    }
  });

  it('refuses customer reads before identity is verified (INVALID_INPUT)', async () => {
    const attempts: [string, unknown][] = [
      ['get_user_details', { user_id: customer.user_id }],
      ['get_order_details', { order_id: customerOrders[0]!.order_id }],
      ['get_invoices', {}],
      ['get_refund_status', { order_id: customerOrders[0]!.order_id }],
    ];
    for (const [tool, args] of attempts) {
      const error = await errorOf(call(tool, args));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/verified/);
    }
  });
});

describe('catalog tools', () => {
  const product = Object.values(snapshot.products)[0]!;

  it('gets a product by id, and NOT_FOUND for an item id', async () => {
    expect(await output(call('get_product_details', { product_id: product.product_id }))).toEqual(product);
    const itemId = Object.keys(product.variants)[0]!;
    expect((await errorOf(call('get_product_details', { product_id: itemId }))).code).toBe('NOT_FOUND');
  });

  it('lists all 50 product types by name', async () => {
    const types = await output<Record<string, string>>(call('list_all_product_types', {}));
    expect(Object.keys(types)).toHaveLength(50);
    expect(Object.keys(types)).toEqual([...Object.keys(types)].sort((left, right) => left.localeCompare(right, 'en')));
    expect(types[product.name]).toBe(product.product_id);
  });

  it('searches products by name, plural and case-insensitive', async () => {
    const search = async (name: string): Promise<string[]> =>
      (await output<{ matches: { name: string }[] }>(call('find_product_by_name', { name }))).matches.map((match) => match.name);
    expect((await search('hiking boots'))[0]).toBe('Hiking Boots');
    expect(await search('KETTLES')).toEqual(['Electric Kettle', 'Tea Kettle']);
    expect((await search('t-shirt'))[0]).toBe('T-Shirt');
    expect(await search('spaceship')).toEqual([]);
  });
});

describe('billing tools', () => {
  it('lists one invoice per order of the customer, with totals in dollars', async () => {
    const { invoices } = await output<{ invoices: Record<string, unknown>[] }>(call('get_invoices', {}, customer.user_id));
    expect(invoices.map((invoice) => invoice.order_id)).toEqual(customer.orders);
    for (const [index, invoice] of invoices.entries()) {
      const order = customerOrders[index]!;
      const paid = order.payment_history[0]!;
      expect(invoice).toMatchObject({ invoice_id: `INV-${order.order_id.slice(1)}`, order_status: order.status, amount_paid: paid.amount, payment_method_id: paid.payment_method_id });
      expect(invoice.status).toBe(order.status === 'cancelled' ? 'refunded' : 'paid');
    }
  });

  it('describes payment methods for people: card brand and last four, PayPal, gift card', async () => {
    const owner = snapshot.users[cancelled.user_id]!;
    const { invoices } = await output<{ invoices: { payment_method: string; net_amount: number }[] }>(call('get_invoices', { order_id: cancelled.order_id }, owner.user_id));
    const method = owner.payment_methods[cancelled.payment_history[0]!.payment_method_id]!;
    const expected = method.source === 'paypal' ? 'PayPal' : method.source === 'gift_card' ? 'Gift card' : new RegExp(`ending in ${method.last_four ?? ''}$`);
    expect(invoices[0]!.payment_method).toMatch(expected);
    expect(invoices[0]!.net_amount).toBe(0);
  });

  it('reports a cancelled order as refunded, a pending one as none', async () => {
    const refund = await output<Record<string, unknown>>(call('get_refund_status', { order_id: cancelled.order_id }, cancelled.user_id));
    const paymentMethodId = cancelled.payment_history[0]!.payment_method_id;
    expect(refund).toMatchObject({
      status: 'refunded',
      total_refunded: cancelled.payment_history[0]!.amount,
      refunds: [{ state: 'issued', payment_method_id: paymentMethodId, arrives: paymentMethodId.startsWith('gift_card_') ? 'immediately' : 'within 5-7 business days' }],
    });
    expect(await output(call('get_refund_status', { order_id: pending.order_id }, pending.user_id))).toMatchObject({ status: 'none', refunds: [] });
  });

  it('reports a requested return or a money-back exchange as requested, with the amount owed', async () => {
    const delivered = orders.find((order) => order.status === 'delivered' && order.items.length >= 2)!;
    const returned = delivered.items[1];
    const giftCard = 'gift_card_0000001';
    const returnRequested: Order = { ...delivered, status: 'return requested', return_items: [returned!.item_id], return_payment_method_id: giftCard };
    const exchanged = orders.find((order) => order.status === 'delivered' && order.order_id !== delivered.order_id)!;
    const exchangeRequested: Order = { ...exchanged, status: 'exchange requested', exchange_items: [], exchange_new_items: [], exchange_payment_method_id: 'paypal_0000001', exchange_price_difference: -12.5 };
    const commerce = createMemoryCommerceStore({ snapshot: { ...snapshot, orders: { ...snapshot.orders, [delivered.order_id]: returnRequested, [exchanged.order_id]: exchangeRequested } } });
    const local = createToolGateway({ tools: createReadTools({ commerce }), agents: [tester] });
    const status = (order: Order): Promise<ToolCallResult> =>
      local.call({ toolName: 'get_refund_status', args: { order_id: order.order_id }, context: { conversationId: 'c', turnId: 't', agentId: 'tester', customerId: order.user_id, idempotencyKey: 'k' } });
    expect(await output(status(returnRequested))).toMatchObject({ status: 'requested', total_requested: returned!.price, refunds: [{ state: 'requested', payment_method: 'Gift card', arrives: 'immediately' }] });
    expect(await output(status(exchangeRequested))).toMatchObject({ status: 'requested', total_requested: 12.5, refunds: [{ payment_method: 'PayPal', arrives: 'within 5-7 business days' }] });
  });
});
