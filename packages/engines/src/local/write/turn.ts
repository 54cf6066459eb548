/**
 * What one turn of a write request works with, and the small helpers every step uses: asking
 * (the plan waits on the question), ending the request, and reading its customer messages.
 */
import { OrderSchema, ProductSchema, type AgentRunOutput, type Order, type Product, type User } from '@switchboard/core';
import type { PlaybookRun } from '../context.js';
import { clearPlan, savePlan, type WritePlan } from './plan.js';

/** One turn of a write request: the run, the plan, and the records read this turn. */
export interface WriteTurn {
  run: PlaybookRun;
  plan: WritePlan;
  user: User;
  /** The order the request is about (absent for the default-address change). */
  order?: Order;
  /** Product details read this turn, by product id. */
  products: Map<string, Product>;
}

/** Asks the customer for `slot`; the plan waits on it. A question that is not a repeat (`failed`) resets the failed-attempt count. */
export function askFor(turn: { run: PlaybookRun; plan: WritePlan }, input: { slot: string; reply: string; failed?: boolean }): AgentRunOutput {
  // A new question is progress: the count of turns without progress starts again.
  if (input.failed !== true) turn.run.dialog.failedAttempts = 0;
  turn.plan.awaiting = `write:${input.slot}`;
  savePlan(turn.run, turn.plan);
  return turn.run.ask(turn.plan.awaiting, input.reply, { failed: input.failed === true });
}

/** Ends the request with `reply` (done, refused or called off): the plan is dropped. */
export function finish(run: PlaybookRun, reply: string): AgentRunOutput {
  clearPlan(run);
  return run.resolve(reply);
}

/** Ends the request and asks for a person (a tool failed in a way the customer cannot fix). */
export function escalateFailure(run: PlaybookRun, input: { reply: string; reason: string }): AgentRunOutput {
  clearPlan(run);
  return run.escalate({ trigger: 'tool_failure', reason: input.reason, reply: input.reply, priority: 'high' });
}

/** Customer messages of this request not read into the plan yet, oldest first (the current one last). */
export function unreadMessages(run: PlaybookRun, plan: WritePlan): { id: string; text: string }[] {
  const history = run.input.history.filter((message) => message.role === 'customer');
  const start = history.findIndex((message) => message.id === plan.since);
  const recent = start >= 0 ? history.slice(start) : history;
  const messages = recent.some((message) => message.id === run.input.message.id) ? recent : [...recent, run.input.message];
  const text = (id: string, fallback: string): string => (id === run.input.message.id ? (run.input.focusText ?? fallback) : fallback);
  return messages.filter((message) => !plan.parsed.includes(message.id)).map((message) => ({ id: message.id, text: text(message.id, message.text) }));
}

/** Every customer message of this request, oldest first (for finding an order id or a product said earlier). */
export function requestTexts(run: PlaybookRun, plan: WritePlan): string[] {
  const history = run.input.history.filter((message) => message.role === 'customer');
  const start = history.findIndex((message) => message.id === plan.since);
  const texts = (start >= 0 ? history.slice(start) : history).map((message) => message.text);
  return texts.includes(run.input.message.text) ? texts : [...texts, run.input.message.text];
}

/** Reads one order through `get_order_details`. */
export async function readOrder(run: PlaybookRun, orderId: string): Promise<Order | undefined> {
  const result = await run.tool<unknown>('get_order_details', { order_id: orderId });
  const parsed = result.ok ? OrderSchema.safeParse(result.output) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

/** Reads the products of `order`'s items through `get_product_details` (each once). */
export async function readProducts(run: PlaybookRun, order: Order): Promise<Map<string, Product>> {
  const products = new Map<string, Product>();
  for (const productId of new Set(order.items.map((item) => item.product_id))) {
    const result = await run.tool<unknown>('get_product_details', { product_id: productId });
    const parsed = result.ok ? ProductSchema.safeParse(result.output) : undefined;
    if (parsed?.success) products.set(productId, parsed.data);
  }
  return products;
}

/** The order's payments (not refunds), summed in dollars. */
export function amountPaid(order: Order): number {
  return order.payment_history.filter((entry) => entry.transaction_type === 'payment').reduce((sum, entry) => sum + entry.amount, 0);
}
