/**
 * Running one queued turn, whichever queue delivered it: claim it in the database (the lease and
 * the per-conversation order live there; one round trip that also reads the conversation and its
 * recent history), run the desk's turn with crash-safe ports, write what it produced and its
 * outcome in one statement, tell the conversation's listeners.
 */
import { NotFoundError, runTurn, SwitchboardError, toSwitchboardError } from '@switchboard/core';
import type { AgentEvent, Conversation, Message, TurnOutcome } from '@switchboard/core';
import type { TurnRecord } from '@switchboard/stores';
import type { Logger } from 'pino';
import type { DeskEvent, EventBus } from '../bus.js';
import type { DeskMetrics } from '../metrics.js';
import type { DeskRuntime } from '../runtime.js';
import { createQueuedTurnPorts } from './turn-ports.js';
import type { CarriedTriage } from './turn-ports.js';
import type { ConversationCache } from './conversation-cache.js';

/** One delivery of a queued turn: its id and, when the queue carried it, the triage made at accept. */
export interface TurnDelivery {
  turnId: string;
  /** Reused by the turn when the text and triager match; absent (older jobs, recovery) → the turn triages. */
  triage?: CarriedTriage;
}

/** What a worker needs to run turns. */
export interface TurnProcessorDeps {
  runtime: DeskRuntime;
  bus: EventBus;
  logger: Logger;
  metrics?: DeskMetrics;
  /** Unique per worker process: who holds a lease. */
  workerId: string;
  /** Lease of a running turn, in milliseconds; renewed every half lease. */
  leaseMs: number;
  /** Attempts after which a retryable failure becomes final. @defaultValue 5 */
  maxAttempts?: number;
  /**
   * The in-process queue's snapshots of conversations (see `conversation-cache.ts`): refreshed
   * when a turn completes, dropped when it fails. Absent with BullMQ.
   */
  conversationCache?: ConversationCache;
}

/** A turn leased to this worker, with what it reads first (`TurnStore.claim`, or `acceptClaimed` with a snapshot). */
export interface ClaimedTurn {
  turn: TurnRecord;
  text: string;
  /** As stored when the turn was leased; `undefined` when the conversation is gone. */
  conversation: Conversation | undefined;
  /** Newest messages, oldest first, the turn's own customer message included. */
  recentMessages: Message[];
  triage: CarriedTriage | undefined;
}

/**
 * What became of a delivery: `done` / `failed` — this worker finished it; `blocked` — an earlier
 * turn of the conversation is unfinished (deliver again shortly); `busy` — another worker holds
 * it; `retry` — a retryable failure, the turn is queued again; `finished` / `missing` — nothing
 * to do.
 */
export type TurnProcessResult = 'done' | 'failed' | 'blocked' | 'busy' | 'retry' | 'finished' | 'missing';

/** Codes worth another attempt: storage hiccups and a conversation saved concurrently (an operator acted). */
const isRetryable = (error: SwitchboardError): boolean => error.isRetryable || error.code === 'CONFLICT';

async function repliesOf(deps: TurnProcessorDeps, turn: TurnRecord): Promise<Message[]> {
  const messages = await deps.runtime.database.conversations.listMessages(turn.conversationId);
  return messages.filter((message) => message.turnId === turn.id && message.role !== 'customer');
}

type FinishInput = { turn: TurnRecord; status: 'done' | 'failed'; outcome?: string; errorCode?: string; replies: Message[]; ticketId?: string };

async function finish(deps: TurnProcessorDeps, input: FinishInput): Promise<boolean> {
  const { turn, status, replies } = input;
  const finished = await deps.runtime.database.turns.finish({
    turnId: turn.id,
    workerId: deps.workerId,
    status,
    ...(input.outcome === undefined ? {} : { outcome: input.outcome }),
    ...(input.errorCode === undefined ? {} : { errorCode: input.errorCode }),
    replyIds: replies.map((reply) => reply.id),
  });
  if (!finished) return false; // another worker took the turn over; it reports the outcome
  await announce(deps, input);
  return true;
}

/**
 * Writes a finished turn — its messages, conversation, audit events and outcome — in one
 * statement, then announces it.
 * @returns false when another worker took the turn over (nothing written; it reports the outcome).
 * @throws SwitchboardError `CONFLICT` (retryable) when the conversation was saved concurrently;
 *   NotFoundError `CONVERSATION_NOT_FOUND` when it was deleted.
 */
async function complete(deps: TurnProcessorDeps, input: FinishInput & { writes: ReturnType<ReturnType<typeof createQueuedTurnPorts>['writes']>; read?: { conversation: Conversation; recentMessages: readonly Message[] } }): Promise<boolean> {
  const { turn, writes } = input;
  const events = deps.runtime.auditEventsForStorage(writes.events);
  const result = await deps.runtime.database.turns.complete({
    turnId: turn.id,
    workerId: deps.workerId,
    status: input.status,
    ...(input.outcome === undefined ? {} : { outcome: input.outcome }),
    replyIds: input.replies.map((reply) => reply.id),
    messages: writes.messages,
    ...(writes.conversation ? { conversation: writes.conversation } : {}),
    events,
  });
  switch (result.status) {
    case 'completed':
      if (deps.conversationCache && input.read?.conversation) {
        // What the stored conversation now is: the turn's save (or the read) and its messages after the ones read.
        const conversation = writes.conversation ? { ...writes.conversation.value, version: writes.conversation.nextVersion } : input.read.conversation;
        deps.conversationCache.set({ conversation, recentMessages: [...input.read.recentMessages, ...writes.messages.filter((message) => message.conversationId === turn.conversationId)] });
      }
      if (events.length > 0) publishInBackground(deps, { type: 'audit', conversationId: turn.conversationId, events });
      await announce(deps, input);
      return true;
    case 'lost':
      return false;
    case 'conflict':
      if (result.storedVersion === null) throw new NotFoundError('CONVERSATION_NOT_FOUND', 'Conversation not found', { details: { conversationId: turn.conversationId } });
      throw new SwitchboardError('CONFLICT', 'Conversation was saved by another writer', { details: { conversationId: turn.conversationId, storedVersion: result.storedVersion } });
  }
}

/** Fire-and-forget, as the desk's audit log publishes its writes: a turn never waits for the bus. */
function publishInBackground(deps: TurnProcessorDeps, event: DeskEvent): void {
  deps.bus.publish(event).catch((error: unknown) => deps.logger.warn({ err: error instanceof Error ? { name: error.name } : {}, type: event.type, conversationId: event.conversationId }, 'bus publish failed'));
}

/** Tells the conversation's listeners (SSE streams, `?wait=true` requests) that the turn finished. */
async function announce(deps: TurnProcessorDeps, input: FinishInput): Promise<void> {
  const { turn, status, replies } = input;
  deps.logger.debug({ turnId: turn.id, conversationId: turn.conversationId, status, outcome: input.outcome, errorCode: input.errorCode, replies: replies.length, attempt: turn.attempts }, 'turn finished');
  for (const message of replies) await deps.bus.publish({ type: 'message', conversationId: turn.conversationId, message });
  await deps.bus.publish({
    type: 'turn',
    conversationId: turn.conversationId,
    turnId: turn.id,
    status,
    replies,
    ...(input.outcome === undefined ? {} : { outcome: input.outcome }),
    ...(input.errorCode === undefined ? {} : { errorCode: input.errorCode }),
    ...(input.ticketId === undefined ? {} : { ticketId: input.ticketId }),
  });
}

/** Runs a claimed turn; a re-run after a crash finds what the first run wrote. */
async function runClaimed(deps: TurnProcessorDeps, claimed: ClaimedTurn): Promise<TurnProcessResult> {
  const { turn, text, conversation } = claimed;
  const { runtime } = deps;
  if (conversation === undefined) {
    await finish(deps, { turn, status: 'failed', errorCode: 'CONVERSATION_NOT_FOUND', replies: [] });
    return 'failed';
  }
  if (conversation.version > (turn.baseVersion ?? conversation.version)) {
    // An earlier run saved the conversation (its last write but the audit): the turn is complete.
    await finish(deps, { turn, status: 'done', outcome: 'recovered', replies: await repliesOf(deps, turn) });
    return 'done';
  }
  const queued = createQueuedTurnPorts(runtime.ports, {
    turnId: turn.id,
    messageId: turn.messageId,
    conversation,
    recentMessages: claimed.recentMessages,
    recentLimit: runtime.desk.limits.historyMessages,
    ...(claimed.triage ? { triage: claimed.triage } : {}),
  });
  const started = performance.now();
  let events: AgentEvent[] = [];
  try {
    let outcome: TurnOutcome;
    try {
      outcome = await runTurn({ ports: queued.ports, desk: runtime.desk, input: { conversationId: turn.conversationId, text } });
    } catch (error) {
      events = await queued.flushEvents(); // a failed turn keeps its audit trail; its other writes are dropped
      throw error;
    }
    const writes = queued.writes();
    events = writes.events;
    await complete(deps, { turn, status: 'done', outcome: outcome.outcome, replies: outcome.replies, ...(outcome.ticket ? { ticketId: outcome.ticket.id } : {}), writes, read: { conversation, recentMessages: claimed.recentMessages } });
    deps.metrics?.observeTurn({ outcome: outcome.outcome, seconds: (performance.now() - started) / 1000, events });
    return 'done';
  } catch (error) {
    deps.metrics?.observeTurn({ outcome: 'failed', seconds: (performance.now() - started) / 1000, events });
    throw error;
  }
}

/**
 * Claims and runs one turn.
 * @returns What happened ({@link TurnProcessResult}); never throws for a turn's own failure — a
 *   permanent failure is recorded (`failed`), a retryable one releases the turn (`retry`).
 */
export async function processTurn(deps: TurnProcessorDeps, delivery: string | TurnDelivery): Promise<TurnProcessResult> {
  const { turnId, triage } = typeof delivery === 'string' ? { turnId: delivery, triage: undefined } : delivery;
  const claim = await deps.runtime.database.turns.claim({ turnId, workerId: deps.workerId, leaseMs: deps.leaseMs, recentMessages: deps.runtime.desk.limits.historyMessages });
  if (claim.status !== 'claimed') return claim.status;
  return processClaimedTurn(deps, { ...claim, triage });
}

/**
 * Runs a turn this worker already leased (after {@link processTurn}'s claim, or accepted leased by
 * `TurnStore.acceptClaimed`): renews the lease while it runs, records the outcome.
 * @returns as {@link processTurn}; never throws for the turn's own failure.
 */
export async function processClaimedTurn(deps: TurnProcessorDeps, claimed: ClaimedTurn): Promise<TurnProcessResult> {
  const { turns } = deps.runtime.database;
  const turnId = claimed.turn.id;
  const renewal = setInterval(() => {
    turns.renew({ turnId, workerId: deps.workerId, leaseMs: deps.leaseMs }).catch(() => deps.logger.warn({ turnId }, 'turn lease renewal failed'));
  }, Math.max(50, Math.floor(deps.leaseMs / 2)));
  renewal.unref();
  try {
    return await runClaimed(deps, claimed);
  } catch (caught) {
    deps.conversationCache?.delete(claimed.turn.conversationId);
    const error = toSwitchboardError(caught);
    const final = claimed.turn.attempts >= (deps.maxAttempts ?? 5);
    deps.logger.error({ turnId, conversationId: claimed.turn.conversationId, code: error.code, attempt: claimed.turn.attempts, final }, 'turn failed');
    if (isRetryable(error) && !final) {
      await turns.release({ turnId, workerId: deps.workerId }).catch(() => undefined);
      return 'retry';
    }
    await finish(deps, { turn: claimed.turn, status: 'failed', errorCode: error.code, replies: [] }).catch(() => undefined);
    return 'failed';
  } finally {
    clearInterval(renewal);
  }
}
