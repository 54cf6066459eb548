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
import type { TurnDispatcher } from './queue/memory.js';
import type { CarriedTriage } from './queue/turn-ports.js';
import type { DeskRuntime } from './runtime.js';

/** What accepting and waiting need. */
export interface AcceptDeps {
  runtime: DeskRuntime;
  queue: TurnDispatcher;
  bus: EventBus;
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
 * @throws NotFoundError `CONVERSATION_NOT_FOUND`; InvalidInputError `MESSAGE_EMPTY` / `MESSAGE_TOO_LARGE`;
 *   SwitchboardError `IDEMPOTENCY_KEY_REUSED` when the key was used for another text.
 */
export async function acceptMessage(deps: AcceptDeps, input: { conversationId: string; text: string; idempotencyKey?: string }): Promise<AcceptedTurn> {
  const { runtime } = deps;
  const conversation = await runtime.database.conversations.get(input.conversationId);
  if (!conversation) throw new NotFoundError('CONVERSATION_NOT_FOUND', 'No such conversation', { details: { conversationId: input.conversationId } });
  const text = validateCustomerText(input.text, runtime.desk.limits.maxMessageChars);
  const requestHash = createHash('sha256').update(text).digest('hex');
  const { priority, triage } = await laneFor(runtime, { text, textSha256: requestHash, conversation });
  const { ids, clock } = runtime.ports;
  const turnId = ids.next('turn');
  const createdAt = clock.now().toISOString();
  const message: Message = { id: ids.next('msg'), conversationId: conversation.id, role: 'customer', author: 'customer', text, createdAt, turnId };
  const accepted = await runtime.database.turns.accept({
    turn: { id: turnId, conversationId: conversation.id, priority, createdAt, ...(input.idempotencyKey === undefined ? {} : { idempotencyKey: input.idempotencyKey, requestHash }) },
    message,
  });
  if (!accepted.created) {
    if (accepted.turn.requestHash !== requestHash) {
      throw new SwitchboardError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different message in this conversation', { details: { turnId: accepted.turn.id } });
    }
    const stored = (await runtime.database.conversations.listMessages(conversation.id)).find((item) => item.id === accepted.turn.messageId) ?? message;
    if (accepted.turn.status === 'queued') await deps.queue.enqueue(accepted.turn);
    return { turn: accepted.turn, message: stored, created: false };
  }
  await deps.bus.publish({ type: 'message', conversationId: conversation.id, message });
  await deps.queue.enqueue({ ...accepted.turn, ...(triage ? { triage } : {}) });
  return { turn: accepted.turn, message, created: true };
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
