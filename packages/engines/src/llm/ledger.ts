/**
 * The cost ledger: tokens and USD per model call, per agent and per conversation, and the
 * per-conversation token budget that stops runaway loops.
 */
import { LimitExceededError, type QualityReview } from '@switchboard/core';
import { costOf, findPrice, type PriceTable } from './prices.js';
import type { ModelRole, TokenCount } from './types.js';

/** Who a model call worked for. */
export interface CallContext {
  role: ModelRole;
  conversationId: string;
  /** The agent the call ran for (`triage` for the triager, the reviewed agent for QA). */
  agentId: string;
  turnId?: string;
  /** The prompt module the call rendered (`prompts/agent@1`), so a reply can be traced to its prompt version. */
  promptId?: string;
}

/** One model call as recorded. `costUsd` is absent when the model has no price. */
export interface LlmCallRecord extends CallContext {
  provider: string;
  modelId: string;
  tokens: TokenCount;
  costUsd?: number;
  /** Wall time of the successful attempt, in milliseconds. */
  latencyMs: number;
  /** Attempts it took (1 = no retry). */
  attempts: number;
}

/** Totals of a set of calls. `costUsd` sums priced calls; `unpricedCalls` counts the others. */
export interface CostTotals {
  calls: number;
  tokens: TokenCount;
  costUsd: number;
  unpricedCalls: number;
}

/** A conversation's spend: totals, by agent and by role. */
export interface ConversationCost extends CostTotals {
  conversationId: string;
  byAgent: Readonly<Record<string, CostTotals>>;
  byRole: Readonly<Partial<Record<ModelRole, CostTotals>>>;
  /** Tokens left before the budget stops model calls (never negative). */
  remainingTokens: number;
}

/** What the ledger tells its listeners: a call, or a QA judge's review. */
export type LedgerEvent =
  | { type: 'call'; call: LlmCallRecord }
  | { type: 'review'; conversationId: string; agentId: string; review: QualityReview };

/** The ledger every model call of a desk records into. */
export interface CostLedger {
  /** @throws LimitExceededError `LIMIT_EXCEEDED` when the conversation has spent its token budget. */
  assertBudget(conversationId: string): void;
  /** Records one successful call and notifies listeners. */
  record(call: Omit<LlmCallRecord, 'costUsd'>): LlmCallRecord;
  /** Notifies listeners of a QA judge's review (the driver's own gate records `qa_review` events). */
  recordReview(event: Omit<Extract<LedgerEvent, { type: 'review' }>, 'type'>): void;
  /** A conversation's spend so far (zeros for an unknown id). */
  conversation(conversationId: string): ConversationCost;
  /** The most recent calls, oldest first (at most `keepCalls`). */
  recentCalls(): readonly LlmCallRecord[];
  /** Subscribes to calls and reviews. @returns a function that unsubscribes. */
  subscribe(listener: (event: LedgerEvent) => void): () => void;
}

/** Options of {@link createCostLedger}. */
export interface CostLedgerOptions {
  /** Tokens (input + output) a conversation may spend. ≥ 1. */
  conversationTokenBudget: number;
  /** Desk prices over the defaults. @defaultValue {} */
  prices?: PriceTable;
  /** Recent call records kept for reports. @defaultValue 1000 */
  keepCalls?: number;
  /**
   * Conversations whose spend is kept, the most recently active ones (a model call or a budget
   * check makes a conversation active). A conversation dropped from the ledger starts its budget
   * over; only one that has been idle while this many others were active is dropped, so a runaway
   * loop — active by definition — never is. About 1 KB per conversation. @defaultValue 100000
   */
  keepConversations?: number;
}

/** Default {@link CostLedgerOptions.keepConversations}. */
export const DEFAULT_KEEP_CONVERSATIONS = 100_000;

const emptyTotals = (): CostTotals => ({ calls: 0, tokens: { input: 0, output: 0 }, costUsd: 0, unpricedCalls: 0 });

function add(totals: CostTotals, call: LlmCallRecord): void {
  totals.calls += 1;
  totals.tokens.input += call.tokens.input;
  totals.tokens.output += call.tokens.output;
  if (call.costUsd === undefined) totals.unpricedCalls += 1;
  else totals.costUsd = Math.round((totals.costUsd + call.costUsd) * 1_000_000) / 1_000_000;
}

interface Spend {
  totals: CostTotals;
  byAgent: Map<string, CostTotals>;
  byRole: Map<ModelRole, CostTotals>;
}

/**
 * An in-process {@link CostLedger}. Spend is kept per conversation for the `keepConversations`
 * most recently active conversations (least recently active dropped first), so a long-running
 * server's memory stays bounded; persist `conversation(id)` with the conversation if the budget
 * must survive restarts or eviction.
 * @throws RangeError when `keepConversations` is not an integer ≥ 1.
 * @example
 * ```ts
 * const ledger = createCostLedger({ conversationTokenBudget: 200_000 });
 * ledger.conversation('conv_1').costUsd;
 * ```
 */
export function createCostLedger(options: CostLedgerOptions): CostLedger {
  const keepConversations = options.keepConversations ?? DEFAULT_KEEP_CONVERSATIONS;
  if (!Number.isInteger(keepConversations) || keepConversations < 1) throw new RangeError(`keepConversations must be an integer ≥ 1, got ${keepConversations}`);
  // Least recently active first: a Map keeps insertion order, and an active conversation is moved
  // to the end. (lru-cache preallocates arrays for all `max` entries: 2.6 MB and 11 ms per ledger
  // at 100,000.)
  const spends = new Map<string, Spend>();
  const active = (conversationId: string): Spend | undefined => {
    const spend = spends.get(conversationId);
    if (spend !== undefined) {
      spends.delete(conversationId);
      spends.set(conversationId, spend);
    }
    return spend;
  };
  // A ring of the last `keepCalls` records: `next` is where the next record goes once the ring is full.
  const recent: LlmCallRecord[] = [];
  let next = 0;
  const listeners = new Set<(event: LedgerEvent) => void>();
  const keepCalls = options.keepCalls ?? 1000;
  // Prices are fixed for the ledger's life: look each model up once (longest-prefix search otherwise runs per call).
  const prices = new Map<string, ReturnType<typeof findPrice>>();
  const priceOf = (provider: string, modelId: string): ReturnType<typeof findPrice> => {
    const key = `${provider}\u0000${modelId}`;
    if (!prices.has(key)) prices.set(key, findPrice({ provider, modelId, ...(options.prices ? { table: options.prices } : {}) }));
    return prices.get(key);
  };
  const spendOf = (conversationId: string): Spend => {
    let spend = active(conversationId);
    if (!spend) {
      spend = { totals: emptyTotals(), byAgent: new Map(), byRole: new Map() };
      spends.set(conversationId, spend);
      if (spends.size > keepConversations) spends.delete(spends.keys().next().value!);
    }
    return spend;
  };
  const used = (conversationId: string): number => {
    const totals = active(conversationId)?.totals;
    return totals ? totals.tokens.input + totals.tokens.output : 0;
  };
  const notify = (event: LedgerEvent): void => {
    for (const listener of listeners) listener(event);
  };
  return {
    assertBudget(conversationId) {
      const spent = used(conversationId);
      if (spent >= options.conversationTokenBudget) {
        throw new LimitExceededError(`The conversation spent its token budget (${options.conversationTokenBudget} tokens)`, {
          details: { conversationId, limit: 'conversationTokenBudget', budgetTokens: options.conversationTokenBudget, spentTokens: spent },
        });
      }
    },
    record(call) {
      const price = priceOf(call.provider, call.modelId);
      // Field by field (an object spread per call was measurably slow); optional fields only when set.
      const recorded: LlmCallRecord = { role: call.role, conversationId: call.conversationId, agentId: call.agentId, provider: call.provider, modelId: call.modelId, tokens: call.tokens, latencyMs: call.latencyMs, attempts: call.attempts };
      if (call.turnId !== undefined) recorded.turnId = call.turnId;
      if (call.promptId !== undefined) recorded.promptId = call.promptId;
      if (price) recorded.costUsd = costOf(call.tokens, price);
      const spend = spendOf(call.conversationId);
      add(spend.totals, recorded);
      const agent = spend.byAgent.get(call.agentId) ?? emptyTotals();
      add(agent, recorded);
      spend.byAgent.set(call.agentId, agent);
      const role = spend.byRole.get(call.role) ?? emptyTotals();
      add(role, recorded);
      spend.byRole.set(call.role, role);
      if (recent.length < keepCalls) recent.push(recorded);
      else if (keepCalls > 0) {
        recent[next] = recorded;
        next = (next + 1) % keepCalls;
      }
      notify({ type: 'call', call: recorded });
      return recorded;
    },
    recordReview(event) {
      notify({ type: 'review', ...event });
    },
    conversation(conversationId) {
      const spend = spends.get(conversationId);
      const totals = spend?.totals ?? emptyTotals();
      return {
        conversationId,
        ...structuredClone(totals),
        byAgent: Object.fromEntries([...(spend?.byAgent ?? [])].map(([id, value]) => [id, structuredClone(value)])),
        byRole: Object.fromEntries([...(spend?.byRole ?? [])].map(([role, value]) => [role, structuredClone(value)])),
        remainingTokens: Math.max(0, options.conversationTokenBudget - used(conversationId)),
      };
    },
    recentCalls: () => [...recent.slice(next), ...recent.slice(0, next)],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
