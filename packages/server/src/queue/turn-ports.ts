/**
 * The ports one queued turn runs with, so that running it again after a crash (at-least-once
 * delivery) writes nothing twice:
 *
 * - **Deterministic ids.** The turn's first `turn` id is the queued turn's id and its first `msg`
 *   id the accepted customer message's; every other id is `<prefix>_<turn>_<n>`. A re-run takes
 *   the same path through the same ids, so tool idempotency keys (`turnId:agentId:n`), the reply,
 *   tickets and audit events get the ids of the first run.
 * - **Idempotent writes.** The customer message was stored when the turn was accepted; a message,
 *   ticket or approval whose id exists is the first run's: `CONFLICT` is swallowed. Audit events are buffered and written once at the end of the turn,
 *   skipping ids already stored.
 */
import { createHash } from 'node:crypto';
import { SwitchboardError } from '@switchboard/core';
import type { AgentEvent, ApprovalQueue, Conversation, ConversationStore, EventLog, IdGenerator, Message, TicketQueue, TurnPorts } from '@switchboard/core';

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

/**
 * Conversations for one turn: the customer message stored when the turn was accepted is not
 * written again, other messages once; message lists are read once per turn until a message is
 * appended (the engine and the QA gate read the same history).
 */
function onceConversations(base: ConversationStore, turn: { messageId: string; conversation?: Conversation }): ConversationStore {
  const lists = new Map<string, Promise<Message[]>>();
  let preloaded = turn.conversation;
  return {
    create: (conversation) => base.create(conversation),
    get(id) {
      const loaded = preloaded?.id === id ? preloaded : undefined;
      preloaded = undefined; // read as of the claim once; later reads see later saves
      return loaded ? Promise.resolve(structuredClone(loaded)) : base.get(id);
    },
    save: (conversation) => base.save(conversation),
    async appendMessage(message) {
      if (message.id === turn.messageId) return;
      lists.clear();
      await createOnce(() => base.appendMessage(message));
    },
    listMessages(conversationId, options) {
      const key = `${conversationId}:${options?.limit ?? 'all'}`;
      const cached = lists.get(key) ?? base.listMessages(conversationId, options);
      lists.set(key, cached);
      return cached.then((messages) => [...messages]);
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

/** A turn's ports and the function that writes its buffered audit events. */
export interface QueuedTurnPorts {
  ports: TurnPorts;
  /** Writes the buffered events (each id once) and returns them. Call once, when the turn ends. */
  flush(): Promise<AgentEvent[]>;
}

/**
 * Wraps the desk's ports for one queued turn (see the module comment).
 * @param base - The desk's ports (`DeskRuntime.ports`).
 * @param turn - The queued turn's id, its accepted customer message's id, and the conversation as
 *   read when the turn was claimed (saves the turn's first read).
 */
export function createQueuedTurnPorts(base: TurnPorts, turn: { turnId: string; messageId: string; conversation?: Conversation }): QueuedTurnPorts {
  const buffered: AgentEvent[] = [];
  const events: EventLog = {
    append(batch) {
      buffered.push(...batch);
      return Promise.resolve();
    },
    list: (conversationId) => base.events.list(conversationId),
  };
  const ports: TurnPorts = {
    ...base,
    ids: createTurnIds(turn),
    conversations: onceConversations(base.conversations, turn),
    tickets: onceTickets(base.tickets),
    events,
    ...(base.approvals ? { approvals: onceApprovals(base.approvals) } : {}),
  };
  return {
    ports,
    async flush() {
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
