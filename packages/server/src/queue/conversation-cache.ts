/**
 * What the in-process worker last knew of a conversation — the conversation as its last turn
 * saved it and the newest messages — so the conversation's next message is accepted and leased
 * in one statement (`TurnStore.acceptClaimed`) and its turn starts without reading them again.
 *
 * Never trusted blindly: the accept statement leases the turn only if the stored version and the
 * newest message id still match the snapshot (an operator's reply, another node or a crash
 * recovery changes one of them); otherwise the turn is queued and claimed as usual, and the
 * snapshot is dropped. Bounded (least recently used entries go first).
 */
import type { Conversation, Message } from '@switchboard/core';
import { LRUCache } from 'lru-cache';

/** A conversation and its newest messages (oldest first), as a finished turn left them. */
export interface ConversationSnapshot {
  conversation: Conversation;
  recentMessages: readonly Message[];
}

/** Snapshots by conversation id. */
export interface ConversationCache {
  get(conversationId: string): ConversationSnapshot | undefined;
  /** Keeps the newest `recentLimit` messages of `snapshot`. */
  set(snapshot: ConversationSnapshot): void;
  delete(conversationId: string): void;
}

/**
 * Creates the cache.
 * @param options.maxEntries - Conversations kept (each holds up to `recentLimit` messages). ≥ 1.
 * @param options.recentLimit - Messages kept per conversation (the desk's `historyMessages`).
 */
export function createConversationCache(options: { maxEntries: number; recentLimit: number }): ConversationCache {
  const entries = new LRUCache<string, ConversationSnapshot>({ max: Math.max(1, options.maxEntries) });
  return {
    get: (conversationId) => entries.get(conversationId),
    set(snapshot) {
      const recent = snapshot.recentMessages;
      entries.set(snapshot.conversation.id, { conversation: snapshot.conversation, recentMessages: recent.length > options.recentLimit ? recent.slice(recent.length - options.recentLimit) : recent });
    },
    delete: (conversationId) => {
      entries.delete(conversationId);
    },
  };
}
