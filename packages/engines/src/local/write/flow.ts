/**
 * The write-request flow of the local engine, one turn at a time: identity first, then the order
 * (checked with the read tools: status, ownership), then the details (items and options, payment
 * method, reason, address), then the exact action for an explicit "yes", then the write tool.
 * A rule that forbids the action is explained with an alternative; a request for a tool this
 * agent does not hold is handed to the agent that does.
 */
import type { AgentRunOutput, Order, Product, User } from '@switchboard/core';
import type { PlaybookRun } from '../context.js';
import { ensureIdentity } from '../identity.js';
import { loadUser } from '../orders.js';
import { replies } from '../replies.js';
import { confirmStep, executeStep } from './act.js';
import { nextQuestion, readMessages } from './collect.js';
import { findItemMentions } from './items.js';
import { WRITE_OWNER_INTENTS, WRITE_TOOLS, isWaitingOn, newPlan, savePlan, type WriteKind, type WritePlan } from './plan.js';
import { ACTION_NAMES, IDENTITY_PURPOSES, writeReplies } from './replies.js';
import { isAffirmative, isNegative } from './text.js';
import { detectWriteKind, sameRequest } from './detect.js';
import { askFor, escalateFailure, finish, readOrder, readProducts, requestTexts, type WriteTurn } from './turn.js';

const STORE_ORDER_ID = /(?<![\p{L}\p{N}])#?\s?[Ww](\d{7})(?!\p{N})|(?<![\p{L}\p{N}#])#(\d{7})(?!\p{N})/gu;

/** Order ids (`#W1234567`) written in `text`, in order. */
export function orderIdsIn(text: string): string[] {
  return [...text.matchAll(STORE_ORDER_ID)].map((match) => `#W${match[1] ?? match[2] ?? ''}`);
}

/** Statuses an order must have for each kind (items: pending → modify, delivered → exchange). */
const FITTING_STATUS: Readonly<Record<WriteKind, readonly string[]>> = {
  cancel: ['pending'],
  modify_items: ['pending', 'delivered'],
  exchange: ['pending', 'delivered'],
  return: ['delivered'],
  modify_payment: ['pending'],
  order_address: ['pending'],
  user_address: [],
};

/** Runs one turn of the write request `plan` (already in the dialogue slots or new). */
export async function runWritePlan(run: PlaybookRun, request: WritePlan): Promise<AgentRunOutput> {
  const plan = changedMind(run, request);
  savePlan(run, plan);
  const early = handOffIfNeeded(run, plan);
  if (early) return early;
  const identity = await ensureIdentity(run, IDENTITY_PURPOSES[plan.kind]);
  if (!identity.ok) {
    // The first identity question of a request is progress, not a failed attempt.
    if (run.answering !== 'identity') run.dialog.failedAttempts = 0;
    plan.awaiting = run.dialog.awaiting;
    savePlan(run, plan);
    return identity.output;
  }
  const user = await loadUser(run, identity.customerId);
  if (!user) return escalateFailure(run, { reply: replies.toolUnavailable(), reason: 'Customer record unavailable' });
  let order: Order | undefined;
  if (plan.kind !== 'user_address') {
    const located = await locateOrder({ run, plan, user });
    if ('output' in located) return located.output;
    order = located.order;
    const refusal = checkStatus(run, { plan, order });
    if (refusal) return refusal;
  }
  const handoff = handOffIfNeeded(run, plan, true);
  if (handoff) return handoff;
  const products = order && plan.kind !== 'cancel' && plan.kind !== 'order_address' && plan.kind !== 'modify_payment' ? await readProducts(run, order) : new Map<string, Product>();
  const turn: WriteTurn = { run, plan, user, ...(order ? { order } : {}), products };

  const text = run.input.focusText ?? run.input.message.text;
  const answering = plan.awaiting?.startsWith('write:') === true && isWaitingOn(run, plan);
  if (answering && plan.awaiting === 'write:confirm' && isAffirmative(text)) return executeStep(turn);
  const before = JSON.stringify({ ...plan, parsed: [] });
  readMessages(turn);
  const changed = JSON.stringify({ ...plan, parsed: [] }) !== before;
  if (answering && !changed && isNegative(text)) return finish(run, writeReplies.declined());
  if (answering && !changed && plan.awaiting === 'write:confirm') return askFor(turn, { slot: 'confirm', reply: 'Please reply yes to go ahead, or no to leave things as they are.' });
  return nextQuestion(turn) ?? confirmStep(turn);
}

/** Which order the request is about: named in this request, the only one, or the only fitting one that has a product named; else asks. */
async function locateOrder(input: { run: PlaybookRun; plan: WritePlan; user: User }): Promise<{ order: Order } | { output: AgentRunOutput }> {
  const { run, plan, user } = input;
  const texts = requestTexts(run, plan);
  const current = [...run.input.triage.entities.orderIds, ...orderIdsIn(run.input.focusText ?? run.input.message.text)];
  const earlier = texts.slice(0, -1).reverse().flatMap(orderIdsIn);
  const named = current[0] ?? plan.orderId ?? earlier[0];
  let orderId = named;
  if (orderId !== undefined && !user.orders.includes(orderId)) {
    return { output: askFor({ run, plan }, { slot: 'order', reply: writeReplies.orderNotOwned(orderId, user.orders), failed: true }) };
  }
  if (orderId === undefined && user.orders.length === 1) orderId = user.orders[0];
  if (orderId === undefined) {
    const orders: Order[] = [];
    for (const id of user.orders.slice(0, 10)) {
      const order = await readOrder(run, id);
      if (order) orders.push(order);
    }
    const fitting = orders.filter((order) => FITTING_STATUS[plan.kind].includes(order.status));
    const withProduct = fitting.filter((order) => texts.some((text) => findItemMentions(text, { order, products: new Map() }).length > 0));
    if (withProduct.length === 1) orderId = withProduct[0]?.order_id;
    else {
      // Only orders in a state the action fits, with their items (no status words: "pending (item modified)" is not "pending").
      const listed = fitting.map((order) => `${order.order_id}: ${order.items.map((item) => item.name).join(', ')}`);
      const action = ACTION_NAMES[plan.kind].replace(/ an order$| of an order$/, '');
      return { output: askFor({ run, plan }, { slot: 'order', reply: listed.length > 0 ? writeReplies.askOrder(action, listed) : writeReplies.noFittingOrder(action, user.orders) }) };
    }
  }
  const order = orderId === undefined ? undefined : await readOrder(run, orderId);
  if (!order) return { output: askFor({ run, plan }, { slot: 'order', reply: writeReplies.orderNotOwned(orderId ?? '', user.orders), failed: true }) };
  if (plan.orderId !== undefined && plan.orderId !== order.order_id) {
    plan.items = [];
    plan.parsed = [];
    delete plan.pending;
  }
  plan.orderId = order.order_id;
  return { order };
}

/** Item changes follow the order's status (pending → modify, delivered → exchange); other statuses are refused with the rule and an alternative. */
function checkStatus(run: PlaybookRun, input: { plan: WritePlan; order: Order }): AgentRunOutput | undefined {
  const { plan, order } = input;
  if (plan.kind === 'modify_items' && order.status === 'delivered') plan.kind = 'exchange';
  else if (plan.kind === 'exchange' && order.status === 'pending') plan.kind = 'modify_items';
  const needed = FITTING_STATUS[plan.kind];
  if (needed.includes(order.status)) return undefined;
  const rule = needed.includes('pending') ? 'only pending orders can be changed or cancelled' : 'only delivered orders can be returned or exchanged';
  return finish(run, writeReplies.refused(ACTION_NAMES[plan.kind], `${statusPhrase(order)}, and ${rule}`, STATUS_ALTERNATIVES[order.status] ?? ''));
}

/** What to offer instead, by the order's status. */
const STATUS_ALTERNATIVES: Readonly<Record<string, string>> = {
  delivered: 'You can return or exchange its items instead.',
  pending: 'Since it is still pending, I can cancel it or change its items instead.',
  processed: 'Once it is delivered, you can return or exchange it.',
  'pending (item modified)': 'Its items were already changed once, so it cannot be changed or cancelled again.',
};

/** "order #W1 is delivered"; statuses outside the usual words are described, not quoted ("pending (item modified)" is not "pending"). */
function statusPhrase(order: Order): string {
  if (order.status === 'pending (item modified)') return `the items of order ${order.order_id} were already changed`;
  return `order ${order.order_id} is ${order.status}`;
}

/** The kinds a customer may switch to in the middle of another request by naming them. */
const SWITCHABLE: readonly WriteKind[] = ['cancel', 'return', 'exchange'];

/** A customer who names another action while the plan waits ("no, I want to return it") starts that request instead, on the same order. */
function changedMind(run: PlaybookRun, plan: WritePlan): WritePlan {
  if (!isWaitingOn(run, plan) || plan.awaiting === 'identity') return plan;
  const asked = detectWriteKind(run.input.focusText ?? run.input.message.text, { namesProduct: run.input.triage.entities.products.length > 0 });
  if (asked === undefined || !SWITCHABLE.includes(asked) || sameRequest(asked, plan.kind)) return plan;
  return { ...newPlan(run, asked), ...(plan.orderId === undefined ? {} : { orderId: plan.orderId }) };
}

/** The write tools that can serve the plan now: its own, or either item tool while the order's status is not read yet. */
function servingTools(plan: WritePlan): string[] {
  return plan.kind === 'exchange' || plan.kind === 'modify_items' ? [WRITE_TOOLS.exchange, WRITE_TOOLS.modify_items] : [WRITE_TOOLS[plan.kind]];
}

/** Hands the request to the agent owning the kind's tool when this agent does not hold it (before identity: any tool that may serve it). */
function handOffIfNeeded(run: PlaybookRun, plan: WritePlan, exact = false): AgentRunOutput | undefined {
  const tool = WRITE_TOOLS[plan.kind];
  const serving = exact ? [tool] : servingTools(plan);
  if (serving.some((candidate) => run.input.tools.available.includes(candidate))) return undefined;
  const owner = run.deps.intentAgents[WRITE_OWNER_INTENTS[plan.kind]];
  if (owner === undefined || owner === run.input.agent.id || !run.input.agent.handoffs.includes(owner)) {
    return escalateFailure(run, { reply: writeReplies.failed(ACTION_NAMES[plan.kind]), reason: `No agent holds ${tool}` });
  }
  plan.handedTo = owner;
  delete plan.awaiting;
  savePlan(run, plan);
  return run.handoff(owner);
}
