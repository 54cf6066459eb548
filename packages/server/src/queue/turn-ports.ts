/**
 * The ports one queued turn runs with, so that running it again after a crash (at-least-once
 * delivery) writes nothing twice:
 *
 * - **Deterministic ids.** The turn's first `turn` id is the queued turn's id and its first `msg`
 *   id the accepted customer message's; every other id is `<prefix>_<turn>_<n>`. A re-run takes
 *   the same path through the same ids, so tool idempotency keys (`turnId:agentId:n`), the reply,
 *   tickets and audit events get the ids of the first run.
 * - **Idempotent writes.** The customer message was stored when the turn was accepted; a ticket
 *   or approval whose id exists is the first run's: `CONFLICT` is swallowed.
 * - **One write at the end.** The turn's messages, its conversation save and its audit events are
 *   buffered and written with the turn's outcome in one statement (`TurnStore.complete`), all or
 *   nothing, skipping ids a first run stored. Reads during the turn see the buffered writes.
 *   A failed turn writes only its audit events ({@link QueuedTurnPorts.flushEvents}).
 */
import { createHash } from 'node:crypto';
import { cloneData, SwitchboardError } from '@switchboard/core';
import type { AgentEvent, ApprovalQueue, Conversation, ConversationStore, EventLog, IdGenerator, Message, TicketQueue, TriageDecision, Triager, TurnPorts } from '@switchboard/core';
import type { TurnCompletion } from '@switchboard/stores';

/** Ids of one turn, the same on every run of it. */
export function createTurnIds(turn: { turnId: string; messageId: string }): IdGenerator {
  const counters = new Map<string, number>();
  const key = turn.turnId.replace(/^turn_/, '');
  return {
    next(prefix) {
      const count = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, count);
      if (prefix === 'turn' && count === 1) return turn.turnId;
      if (prefix === 'msg' && count === 1) return turn.messageId;
      if (prefix === 'T') return `T-${createHash('sha256').update(`${turn.turnId}:${count}`).digest('hex').slice(0, 8).toUpperCase()}`;
      return `${prefix}_${key}_${count}`;
    },
  };
}

const isConflict = (error: unknown): boolean => error instanceof SwitchboardError && error.code === 'CONFLICT';

/** Runs a create; an existing id means the first run already wrote it. */
async function createOnce(create: () => Promise<void>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
}

/** The writes a turn buffered, to commit with its outcome. */
type BufferedWrites = Pick<TurnCompletion, 'messages' | 'conversation'>;

/**
 * Conversations for one turn: the customer message stored when the turn was accepted is not
 * written again; other messages and the conversation save are buffered (see the module comment)
 * and visible to the turn's own reads; message lists are read once per turn (the engine and the
 * QA gate read the same history), or not at all when the claim brought them.
 */
function bufferedConversations(base: ConversationStore, turn: { messageId: string; conversation?: Conversation; recentMessages?: readonly Message[]; recentLimit?: number }): { store: ConversationStore; writes(): BufferedWrites } {
  const lists = new Map<string, Promise<Message[]>>();
  const appended: Message[] = [];
  let preloaded = turn.conversation;
  let saved: NonNullable<TurnCompletion['conversation']> | undefined;
  const stored = (conversationId: string, limit: number | undefined): Promise<Message[]> => {
    const key = `${conversationId}:${limit ?? 'all'}`;
    let cached = lists.get(key);
    if (cached === undefined) {
      const recent = turn.recentMessages;
      const fromClaim = recent !== undefined && limit !== undefined && conversationId === turn.conversation?.id && limit <= (turn.recentLimit ?? 0);
      cached = fromClaim ? Promise.resolve(recent.slice(-limit)) : base.listMessages(conversationId, limit === undefined ? undefined : { limit });
      lists.set(key, cached);
    }
    return cached;
  };
  const store: ConversationStore = {
    create: (conversation) => base.create(conversation),
    get(id) {
      if (saved?.value.id === id) return Promise.resolve(cloneData({ ...saved.value, version: saved.nextVersion }));
      const loaded = preloaded?.id === id ? preloaded : undefined;
      preloaded = undefined; // read as of the claim once; later reads see later saves
      return loaded ? Promise.resolve(cloneData(loaded)) : base.get(id);
    },
    save(conversation) {
      if (saved !== undefined && saved.value.id !== conversation.id) return base.save(conversation);
      const expectedVersion = saved?.expectedVersion ?? conversation.version;
      if (saved !== undefined && conversation.version !== saved.nextVersion) {
        return Promise.reject(new SwitchboardError('CONFLICT', 'Conversation was saved by another writer', { details: { conversationId: conversation.id, expectedVersion: conversation.version, storedVersion: saved.nextVersion } }));
      }
      const next: Conversation = { ...cloneData(conversation), version: conversation.version + 1 };
      saved = { value: next, expectedVersion, nextVersion: next.version };
      return Promise.resolve(cloneData(next));
    },
    appendMessage(message) {
      if (message.id === turn.messageId || appended.some((item) => item.id === message.id)) return Promise.resolve();
      appended.push(cloneData(message));
      return Promise.resolve();
    },
    async listMessages(conversationId, options) {
      const own = appended.filter((message) => message.conversationId === conversationId);
      const limit = options?.limit;
      const messages = [...(await stored(conversationId, limit)), ...own];
      return limit === undefined ? messages : messages.slice(Math.max(0, messages.length - limit));
    },
  };
  return { store, writes: () => ({ messages: [...appended], ...(saved ? { conversation: saved } : {}) }) };
}

/** A triage decision made when the message was accepted, carried with the queued turn. */
export interface CarriedTriage {
  /** `Triager.id` of the triager that decided; reused only by a turn whose triager has the same id. */
  triagerId: string;
  /** SHA-256 (hex) of the message text it classified; reused only for the same text. */
  textSha256: string;
  decision: TriageDecision;
}

/** The desk's triager, except that the turn's own message reuses the carried decision. */
function reusingTriager(base: Triager, carried: CarriedTriage | undefined): Triager {
  if (carried === undefined || carried.triagerId !== base.id) return base;
  let unused = true;
  return {
    id: base.id,
    triage(input) {
      if (unused && createHash('sha256').update(input.text).digest('hex') === carried.textSha256) {
        unused = false;
        return Promise.resolve(cloneData(carried.decision));
      }
      return base.triage(input);
    },
  };
}

function onceTickets(base: TicketQueue): TicketQueue {
  return {
    create: (ticket) => createOnce(() => base.create(ticket)),
    get: (id) => base.get(id),
    list: (filter) => base.list(filter),
    update: (ticket) => base.update(ticket),
    claim: (input) => base.claim(input),
  };
}

function onceApprovals(base: ApprovalQueue): ApprovalQueue {
  return {
    create: (approval) => createOnce(() => base.create(approval)),
    get: (id) => base.get(id),
    list: (filter) => base.list(filter),
    decide: (input) => base.decide(input),
  };
}

/** A turn's ports and what it buffered. */
export interface QueuedTurnPorts {
  ports: TurnPorts;
  /** The turn's buffered messages, conversation save and audit events, for `TurnStore.complete`. */
  writes(): BufferedWrites & { events: AgentEvent[] };
  /** Writes only the buffered events (each id once) and returns them: a failed turn's audit trail. Call once. */
  flushEvents(): Promise<AgentEvent[]>;
}

/**
 * Wraps the desk's ports for one queued turn (see the module comment).
 * @param base - The desk's ports (`DeskRuntime.ports`).
 * @param turn - The queued turn's id, its accepted customer message's id, the conversation and
 *   its newest `recentLimit` messages as read when the turn was claimed (save the turn's first
 *   reads), and the triage carried from accepting the message (reused instead of triaging again).
 */
export function createQueuedTurnPorts(base: TurnPorts, turn: { turnId: string; messageId: string; conversation?: Conversation; recentMessages?: readonly Message[]; recentLimit?: number; triage?: CarriedTriage }): QueuedTurnPorts {
  const buffered: AgentEvent[] = [];
  const events: EventLog = {
    append(batch) {
      buffered.push(...batch);
      return Promise.resolve();
    },
    list: (conversationId) => base.events.list(conversationId),
  };
  const conversations = bufferedConversations(base.conversations, turn);
  const ports: TurnPorts = {
    ...base,
    ids: createTurnIds(turn),
    triager: reusingTriager(base.triager, turn.triage),
    conversations: conversations.store,
    tickets: onceTickets(base.tickets),
    events,
    ...(base.approvals ? { approvals: onceApprovals(base.approvals) } : {}),
  };
  return {
    ports,
    writes: () => ({ ...conversations.writes(), events: [...buffered] }),
    async flushEvents() {
      const batch = buffered.splice(0);
      if (batch.length === 0) return batch;
      try {
        await base.events.append(batch);
      } catch (error) {
        if (!isConflict(error)) throw error;
        // A re-run: part of the batch was written by the first run. Write the rest one by one.
        for (const event of batch) await createOnce(() => base.events.append([event]));
      }
      return batch;
    },
  };
}
