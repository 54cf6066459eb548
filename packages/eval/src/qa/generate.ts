/**
 * The QA benchmark's drafts: half grounded, half with exactly one ungrounded fact, generated
 * deterministically from the demo store.
 */
import { InvalidInputError, type KnowledgeArticle, type Order, type QualityReviewInput, type User } from '@switchboard/core';
import { KNOWLEDGE_ARTICLES, generateStore } from '@switchboard/demo-store';
import { seededRandom } from '../triage/folds.js';
import { QA_PLANTS, plantFact, type PlantedFact } from './plants.js';
import { QA_SCENARIOS, buildScenario, type Pick, type QaScenario } from './scenarios.js';

/** One drafted reply of the benchmark: the review input, and the planted fact when it is ungrounded. */
export interface QaDraft {
  id: string;
  scenario: QaScenario;
  input: QualityReviewInput;
  /** Present exactly when the draft carries one ungrounded fact. */
  planted?: PlantedFact;
}

/** Options of {@link generateQaDrafts}. */
export interface GenerateQaDraftsOptions {
  /** Seed of the store and of every choice. @defaultValue 5 */
  seed?: number;
  /** Number of drafts, even, 20–2000; half grounded, half ungrounded. @defaultValue 160 */
  count?: number;
}

/** Scenarios that need an order with something specific; the rest take any order. */
function suits(scenario: QaScenario, order: Order): boolean {
  switch (scenario) {
    case 'order_status':
    case 'dated_followup':
      return order.status !== 'cancelled';
    case 'refund':
    case 'invoice':
      return true;
    case 'product':
    case 'knowledge':
    case 'bridge':
    case 'account':
      return true;
  }
}

/**
 * Generates the QA benchmark's drafts from the demo store (`generateStore({ seed, users: 80,
 * orders: 240 })`) and the knowledge base. Draft `i` uses scenario `QA_SCENARIOS[i % 8]`; the
 * second half plants one fact each, of the least-planted kind of `QA_PLANTS` the draft allows
 * (wrong order id, amount off by dollars, changed tracking digit, date not in evidence, another
 * customer's email, invented policy number, amount off by cents, card ending, ticket id, item id,
 * order status), so the kinds are planted about equally often. Refund drafts alternate between
 * cancelled orders (refund lines) and others ("no refund recorded").
 *
 * @returns `count` drafts: the first half grounded, the second half ungrounded, ids `qa-001`….
 * @throws InvalidInputError `INVALID_INPUT` when `count` is odd or outside 20–2000.
 */
export function generateQaDrafts(options: GenerateQaDraftsOptions = {}): QaDraft[] {
  const seed = options.seed ?? 5;
  const count = options.count ?? 160;
  if (!Number.isInteger(count) || count < 20 || count > 2000 || count % 2 !== 0) {
    throw new InvalidInputError('INVALID_INPUT', 'generateQaDrafts option "count" must be an even integer from 20 to 2000', { details: { field: 'count' } });
  }
  const random = seededRandom(seed);
  const pick: Pick = (size) => Math.floor(random() * size);
  const store = generateStore({ seed, users: 80, orders: 240 });
  const users = Object.values(store.users).filter((user) => user.orders.length > 0);
  const products = Object.values(store.products);
  const articles: readonly KnowledgeArticle[] = KNOWLEDGE_ARTICLES;
  const drafts: QaDraft[] = [];
  const used = new Map<string, number>();
  for (let index = 0; index < count; index += 1) {
    const scenario = QA_SCENARIOS[index % QA_SCENARIOS.length] ?? 'order_status';
    const { user, order } = pickOrder({ users, orders: store.orders, scenario, pick, wantCancelled: scenario === 'refund' && index % 2 === 0 });
    const context = { user, order, product: products[pick(products.length)] ?? products[0]!, article: articles[pick(articles.length)] ?? articles[0]!, pick, ticketHex: hex(pick) };
    const draft = buildScenario(scenario, context);
    const id = `qa-${String(index + 1).padStart(3, '0')}`;
    if (index < count / 2) {
      drafts.push({ id, scenario, input: draft });
      continue;
    }
    // The least-used kinds first (rotation breaks ties), so every kind is planted about equally often.
    const rotation = (index - count / 2) % QA_PLANTS.length;
    const kinds = [...QA_PLANTS.slice(rotation), ...QA_PLANTS.slice(0, rotation)].sort((a, b) => (used.get(a) ?? 0) - (used.get(b) ?? 0));
    const planted = plantFact({ draft, kinds, context: { pick, otherEmail: otherEmailOf(users, pick, user) } });
    used.set(planted.planted.kind, (used.get(planted.planted.kind) ?? 0) + 1);
    drafts.push({ id, scenario, input: planted.input, planted: planted.planted });
  }
  return drafts;
}

function otherEmailOf(users: readonly User[], pick: Pick, user: User): string {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const candidate = users[pick(users.length)];
    if (candidate && candidate.user_id !== user.user_id) return candidate.email;
  }
  return 'someone.else@example.com';
}

function pickOrder(input: { users: readonly User[]; orders: Readonly<Record<string, Order>>; scenario: QaScenario; pick: Pick; wantCancelled: boolean }): { user: User; order: Order } {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const user = input.users[input.pick(input.users.length)];
    const orderId = user?.orders[input.pick(user.orders.length)];
    const order = orderId === undefined ? undefined : input.orders[orderId];
    if (!user || !order || !suits(input.scenario, order)) continue;
    if (input.wantCancelled && order.status !== 'cancelled') continue;
    return { user, order };
  }
  const user = input.users[0]!;
  return { user, order: input.orders[user.orders[0]!]! };
}

function hex(pick: Pick): string {
  const digits = '0123456789ABCDEF';
  let value = '';
  while (!/\d/.test(value) || value.length < 8) value = Array.from({ length: 8 }, () => digits[pick(16)] ?? '0').join('');
  return value;
}
