/**
 * Issue 4 write actions on the real offline desk (PGlite in memory, generated store, local
 * triager and engine, QA gate, approvals): a full return and an exchange with confirmations, a
 * "no" that changes nothing, and a refund above the limit that waits for an operator's approval
 * and runs when approved. What `switchboard chat` does, turn by turn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideApproval, type Order, type OrderItem, type ProductVariant, type User } from '@switchboard/core';
import { createDeskRuntime, type DeskRuntime } from './runtime.js';

let runtime: DeskRuntime;

interface Pick {
  user: User;
  order: Order;
  item: OrderItem;
}

/** Users with a single payment method that is not a gift card: the refund and the price difference have one place to go, so the desk does not ask. */
async function candidates(): Promise<{ user: User; order: Order }[]> {
  const { commerce } = runtime.database;
  const out: { user: User; order: Order }[] = [];
  for (const id of await commerce.listUserIds({ limit: 400 })) {
    const user = await commerce.getUser(id);
    const methods = Object.values(user?.payment_methods ?? {});
    if (!user || methods.length !== 1 || methods[0]?.source === 'gift_card') continue;
    for (const orderId of user.orders) {
      const order = await commerce.getOrder(orderId);
      if (order) out.push({ user, order });
    }
  }
  return out;
}

/** A delivered order's item, alone of its product in the order, priced within [min, max) dollars. */
async function deliveredItem(range: { min: number; max: number }): Promise<Pick> {
  for (const { user, order } of await candidates()) {
    if (order.status !== 'delivered') continue;
    const item = order.items.find((candidate) => candidate.price >= range.min && candidate.price < range.max && order.items.filter((other) => other.product_id === candidate.product_id).length === 1);
    if (item) return { user, order, item };
  }
  throw new Error('the generated store has no such item');
}

async function say(conversationId: string, text: string) {
  const outcome = await runtime.runTurn({ conversationId, text });
  return { outcome, reply: outcome.replies.map((reply) => reply.text).join('\n') };
}

beforeAll(async () => {
  runtime = await createDeskRuntime({ inMemory: true });
});
afterAll(async () => {
  await runtime.close();
});

describe('write actions with confirmation', () => {
  it('returns an item: identity, which items, the exact action with its price, an explicit yes, then the result', async () => {
    const { user, order, item } = await deliveredItem({ min: 20, max: 400 });
    const conversation = await runtime.startConversation();
    const first = await say(conversation.id, `Hi, I'd like to return items from order ${order.order_id} and get a refund.`);
    expect(first.outcome.replies[0]?.author).toBe('returns');
    expect(first.reply).toMatch(/verify your account/);

    const second = await say(conversation.id, `my email is ${user.email}`);
    expect(second.reply).toContain(`Which items of order ${order.order_id}`);
    expect(second.reply).toContain(item.name);

    const third = await say(conversation.id, `the ${item.name}`);
    expect(third.outcome.outcome).toBe('needs_info');
    expect(third.reply).toContain(`Return from order ${order.order_id}`);
    expect(third.reply).toContain(`$${item.price.toFixed(2)}`);
    expect(third.reply).toMatch(/Shall I go ahead/);
    expect((await runtime.database.commerce.getOrder(order.order_id))?.status).toBe('delivered');

    const done = await say(conversation.id, 'yes');
    expect(done.outcome.outcome).toBe('resolved');
    expect(done.reply).toMatch(/^Done: the return for order .* is requested/);
    const after = await runtime.database.commerce.getOrder(order.order_id);
    expect(after).toMatchObject({ status: 'return requested', return_items: [item.item_id], return_payment_method_id: order.payment_history[0]?.payment_method_id });
  });

  it('exchanges an item for another option of the same product, after a yes', async () => {
    const { commerce } = runtime.database;
    let found: (Pick & { variant: ProductVariant; option: string }) | undefined;
    for (const { user, order } of await candidates()) {
      if (order.status !== 'delivered' || found) continue;
      for (const item of order.items) {
        const product = await commerce.getProduct(item.product_id);
        const variant = Object.values(product?.variants ?? {}).find((candidate) => {
          const differing = Object.keys(item.options).filter((option) => candidate.options[option] !== item.options[option]);
          return candidate.available && differing.length === 1 && Object.values(product?.variants ?? {}).filter((other) => other.options[differing[0] ?? ''] === candidate.options[differing[0] ?? '']).length > 0;
        });
        const option = variant ? Object.keys(item.options).find((key) => variant.options[key] !== item.options[key]) : undefined;
        if (variant && option && order.items.filter((other) => other.product_id === item.product_id).length === 1) {
          found = { user, order, item, variant, option };
          break;
        }
      }
    }
    if (!found) throw new Error('the generated store has no exchangeable item');
    const { user, order, item, variant, option } = found;
    const conversation = await runtime.startConversation({ customerEmail: user.email });
    const ask = await say(conversation.id, `I'd like to exchange the ${item.name} from order ${order.order_id} for one with ${option} ${variant.options[option] ?? ''}.`);
    expect(ask.outcome.outcome).toBe('needs_info');
    expect(ask.reply).toContain(`Exchange in order ${order.order_id}`);
    expect(ask.reply).toContain('→');
    expect(ask.reply).toContain(variant.options[option] ?? '');
    expect(ask.reply).toMatch(/exchanged only once/);

    const done = await say(conversation.id, 'Yes, please go ahead.');
    expect(done.reply).toMatch(/the exchange for order .* is requested/);
    expect(await commerce.getOrder(order.order_id)).toMatchObject({ status: 'exchange requested', exchange_items: [item.item_id], exchange_new_items: [variant.item_id] });
  });

  it('changes nothing when the customer says no at the confirmation', async () => {
    const pending = (await candidates()).find(({ order }) => order.status === 'pending');
    if (!pending) throw new Error('the generated store has no pending order');
    const conversation = await runtime.startConversation({ customerEmail: pending.user.email });
    const ask = await say(conversation.id, `Please cancel order ${pending.order.order_id}, I no longer need it.`);
    expect(ask.reply).toContain(`Cancel order ${pending.order.order_id} (reason: no longer needed)`);
    const no = await say(conversation.id, 'no');
    expect(no.reply).toMatch(/haven't changed anything/);
    expect(await runtime.database.commerce.getOrder(pending.order.order_id)).toEqual(pending.order);
    const later = await say(conversation.id, 'yes');
    expect(later.reply).not.toMatch(/^Done/);
    expect(await runtime.database.commerce.getOrder(pending.order.order_id)).toEqual(pending.order);
  });
});

describe('refund limit', () => {
  it('holds a refund above $500 for a team member, and runs it with the same arguments once approved', async () => {
    const { user, order, item } = await deliveredItem({ min: 500.01, max: 100_000 });
    const conversation = await runtime.startConversation({ customerEmail: user.email });
    const ask = await say(conversation.id, `I want to return the ${item.name} from order ${order.order_id}.`);
    expect(ask.reply).toContain(`Refund total: $${item.price.toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    const held = await say(conversation.id, 'yes');
    expect(held.reply).toMatch(/needs a team member's approval/);
    expect((await runtime.database.commerce.getOrder(order.order_id))?.status).toBe('delivered');

    const [approval] = await runtime.database.approvals.list({ conversationId: conversation.id, status: 'pending' });
    expect(approval).toMatchObject({ kind: 'tool_call', toolName: 'return_delivered_order_items', amountCents: Math.round(item.price * 100), args: { order_id: order.order_id, item_ids: [item.item_id] } });
    expect(approval?.reason).toMatch(/^REFUND_ABOVE_LIMIT/);

    const { ports } = runtime;
    const decided = await decideApproval({
      ports: { approvals: runtime.database.approvals, conversations: ports.conversations, events: ports.events, tools: ports.tools, clock: ports.clock, ids: ports.ids },
      approvalId: approval!.id,
      decision: { status: 'approved', operatorId: 'op_test' },
    });
    expect(decided.toolResult?.ok).toBe(true);
    expect(await runtime.database.commerce.getOrder(order.order_id)).toMatchObject({ status: 'return requested', return_items: [item.item_id] });
    const messages = await runtime.database.conversations.listMessages(conversation.id);
    expect(messages.at(-1)).toMatchObject({ role: 'agent', text: expect.stringMatching(/our team approved your request/) as string });
  });
});
