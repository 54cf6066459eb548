/**
 * Accepting a customer message: validate, fast-triage for the priority lane, store the turn and
 * the message in one transaction (nothing the customer sent is lost once we answered 202), queue
 * the turn; and waiting for a turn's replies (`?wait=true`, the OpenAI-compatible endpoint).
 */
import { createHash } from 'node:crypto';
import { maxUrgency, NotFoundError, SwitchboardError, validateCustomerText } from '@switchboard/core';
import type { Conversation, Message, Urgency } from '@switchboard/core';
import type { TurnRecord } from '@switchboard/stores';
import type { DeskEvent, EventBus } from './bus.js';
import type { TurnDispatcher, TurnReservation } from './queue/memory.js';
import type { ConversationCache } from './queue/conversation-cache.js';
import type { CarriedTriage } from './queue/turn-ports.js';
import type { DeskRuntime } from './runtime.js';

/** What accepting and waiting need. */
export interface AcceptDeps {
  runtime: DeskRuntime;
  queue: TurnDispatcher;
  bus: EventBus;
  /** The in-process queue's conversation snapshots; a stale one is dropped here. */
  conversationCache?: ConversationCache;
}

/** An accepted message. `created` is false when an `Idempotency-Key` matched an earlier request. */
export interface AcceptedTurn {
  turn: TurnRecord;
  message: Message;
  created: boolean;
}

/** A turn as clients see it: status, and its replies once done. */
export interface TurnResult {
  turn: TurnRecord;
  replies: Message[];
}

/** The priority lane, and the decision it came from (carried with the queued turn, so the turn need not triage again). */
async function laneFor(runtime: DeskRuntime, input: { text: string; textSha256: string; conversation: Conversation }): Promise<{ priority: Urgency; triage?: CarriedTriage }> {
  try {
    const decision = await runtime.fastTriager.triage({ text: input.text, conversation: input.conversation });
    return { priority: maxUrgency(input.conversation.priority, decision.urgency), triage: { triagerId: runtime.fastTriager.id, textSha256: input.textSha256, decision } };
  } catch {
    return { priority: input.conversation.priority }; // the lane is an optimization; the worker triages again
  }
}

/**
 * Accepts one customer message for a conversation.
 *
 * When the in-process worker holds a current snapshot of the conversation and a free slot
 * (`TurnDispatcher.reserve`), the turn is stored already leased to it and starts at once on the
 * snapshot: one database statement instead of reading the conversation, storing the turn and
 * claiming it (docs/benchmarks.md "Load"). A stale snapshot only costs the usual claim.
 * @throws NotFoundError `CONVERSATION_NOT_FOUND`; InvalidInputError `MESSAGE_EMPTY` / `MESSAGE_TOO_LARGE`;
 *   SwitchboardError `IDEMPOTENCY_KEY_REUSED` when the key was used for another text.
 */
export async function acceptMessage(deps: AcceptDeps, input: { conversationId: string; text: string; idempotencyKey?: string }): Promise<AcceptedTurn> {
  const { runtime } = deps;
  const text = validateCustomerText(input.text, runtime.desk.limits.maxMessageChars);
  const reservation = deps.queue.reserve?.(input.conversationId);
  if (reservation !== undefined) {
    try {
      return await acceptReserved(deps, { ...input, text }, reservation);
    } finally {
      reservation.cancel(); // no-op once the turn was run or queued
    }
  }
  const conversation = await runtime.database.conversations.get(input.conversationId);
  if (!conversation) throw new NotFoundError('CONVERSATION_NOT_FOUND', 'No such conversation', { details: { conversationId: input.conversationId } });
  const { turnId, message, requestHash, priority, triage } = await prepare(runtime, { conversation, text });
  const accepted = await runtime.database.turns.accept({
    turn: { id: turnId, conversationId: conversation.id, priority, createdAt: message.createdAt, ...(input.idempotencyKey === undefined ? {} : { idempotencyKey: input.idempotencyKey, requestHash }) },
    message,
  });
  if (!accepted.created) return earlierAccept(deps, { turn: accepted.turn, message, requestHash });
  await deps.bus.publish({ type: 'message', conversationId: conversation.id, message });
  await deps.queue.enqueue({ ...accepted.turn, ...(triage ? { triage } : {}) });
  return { turn: accepted.turn, message, created: true };
}

/** The new turn's ids, its customer message, the request hash and the lane (with the triage it came from). */
async function prepare(runtime: DeskRuntime, input: { conversation: Conversation; text: string }): Promise<{ turnId: string; message: Message; requestHash: string; priority: Urgency; triage?: CarriedTriage }> {
  const { conversation, text } = input;
  const requestHash = createHash('sha256').update(text).digest('hex');
  const { priority, triage } = await laneFor(runtime, { text, textSha256: requestHash, conversation });
  const { ids, clock } = runtime.ports;
  const turnId = ids.next('turn');
  const message: Message = { id: ids.next('msg'), conversationId: conversation.id, role: 'customer', author: 'customer', text, createdAt: clock.now().toISOString(), turnId };
  return { turnId, message, requestHash, priority, ...(triage ? { triage } : {}) };
}

/** An `Idempotency-Key` matched an earlier turn: the same key with another text is refused; a still-queued turn is queued again. */
async function earlierAccept(deps: AcceptDeps, input: { turn: TurnRecord; message: Message; requestHash: string }): Promise<AcceptedTurn> {
  const { turn } = input;
  if (turn.requestHash !== input.requestHash) {
    throw new SwitchboardError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different message in this conversation', { details: { turnId: turn.id } });
  }
  const stored = (await deps.runtime.database.conversations.listMessages(turn.conversationId)).find((item) => item.id === turn.messageId) ?? input.message;
  if (turn.status === 'queued') await deps.queue.enqueue(turn);
  return { turn, message: stored, created: false };
}

/** The one-statement path of {@link acceptMessage}, on the worker's snapshot of the conversation. */
async function acceptReserved(deps: AcceptDeps, input: { conversationId: string; text: string; idempotencyKey?: string }, reservation: TurnReservation): Promise<AcceptedTurn> {
  const { runtime } = deps;
  const { conversation, recentMessages } = reservation.snapshot;
  const { turnId, message, requestHash, priority, triage } = await prepare(runtime, { conversation, text: input.text });
  const stored = await runtime.database.turns.acceptClaimed({
    turn: { id: turnId, conversationId: conversation.id, priority, createdAt: message.createdAt, ...(input.idempotencyKey === undefined ? {} : { idempotencyKey: input.idempotencyKey, requestHash }) },
    message,
    claim: { workerId: reservation.workerId, leaseMs: reservation.leaseMs, expectedVersion: conversation.version, lastMessageId: recentMessages.at(-1)?.id ?? null },
  });
  if (stored.status === 'missing') {
    deps.conversationCache?.delete(conversation.id);
    throw new NotFoundError('CONVERSATION_NOT_FOUND', 'No such conversation', { details: { conversationId: input.conversationId } });
  }
  if (!stored.fresh) deps.conversationCache?.delete(conversation.id);
  if (!stored.created) return earlierAccept(deps, { turn: stored.turn, message, requestHash });
  await deps.bus.publish({ type: 'message', conversationId: conversation.id, message });
  if (stored.claimed) {
    reservation.run({ turn: stored.turn, text: input.text, conversation, recentMessages: [...recentMessages, message], triage });
  } else {
    // Not leased (the snapshot was stale, or another process holds a turn of this conversation):
    // claimed as usual; a triage made on a stale snapshot is dropped, the worker triages again.
    reservation.queue({ ...stored.turn, ...(triage && stored.fresh ? { triage } : {}) });
  }
  return { turn: stored.turn, message, created: true };
}

/** The turn and, when finished, its replies, read from the database. */
export async function readTurn(runtime: DeskRuntime, turnId: string): Promise<TurnResult | undefined> {
  const turn = await runtime.database.turns.get(turnId);
  if (!turn) return undefined;
  if (turn.status !== 'done' && turn.status !== 'failed') return { turn, replies: [] };
  const wanted = new Set(turn.replyIds);
  const messages = wanted.size === 0 ? [] : await runtime.database.conversations.listMessages(turn.conversationId);
  return { turn, replies: messages.filter((message) => wanted.has(message.id)) };
}

/**
 * Listens to a conversation from before a message is accepted, so a fast turn's outcome is not
 * missed; then waits for one turn's outcome.
 */
export class TurnWaiter {
  private readonly finished = new Map<string, Extract<DeskEvent, { type: 'turn' }>>();
  private readonly waiting = new Map<string, () => void>();
  private readonly unsubscribe: () => void;

  constructor(bus: EventBus, conversationId: string) {
    this.unsubscribe = bus.subscribe(conversationId, (event) => {
      if (event.type !== 'turn') return;
      this.finished.set(event.turnId, event);
      this.waiting.get(event.turnId)?.();
    });
  }

  /**
   * Waits up to `timeoutMs` for the turn to finish.
   * @param input.accepted - The turn as accepted; when it was just created (queued) the database is not read first.
   * @returns the finished turn with its replies, or the turn as it stands at the timeout (status `queued` or `running`).
   */
  async wait(runtime: DeskRuntime, input: { accepted: AcceptedTurn; timeoutMs: number }): Promise<TurnResult | undefined> {
    const turnId = input.accepted.turn.id;
    try {
      if (!input.accepted.created) {
        const current = await readTurn(runtime, turnId);
        if (!current || current.turn.status === 'done' || current.turn.status === 'failed') return current;
      }
      if (!this.finished.has(turnId)) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, input.timeoutMs);
          this.waiting.set(turnId, () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      const event = this.finished.get(turnId);
      if (!event) return readTurn(runtime, turnId);
      const { turn } = input.accepted;
      return { turn: { ...turn, status: event.status, replyIds: event.replies.map((reply) => reply.id), ...(event.outcome ? { outcome: event.outcome } : {}), ...(event.errorCode ? { errorCode: event.errorCode } : {}) }, replies: event.replies };
    } finally {
      this.close();
    }
  }

  /** Stops listening. Idempotent. */
  close(): void {
    this.unsubscribe();
    this.waiting.clear();
  }
}
