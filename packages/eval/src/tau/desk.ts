/**
 * The demo desk over a τ-bench retail store, for `eval tau`: the same agents, routing, classifier,
 * local triager and engine, knowledge base, QA gate and tool gateway as `createDeskRuntime`, on
 * in-memory ports and a fresh copy of the τ store per conversation, with no refund limit.
 */
import {
  createCircuitBreakers,
  createToolGateway,
  runTurn,
  startConversation,
  type CommerceStore,
  type DeskConfig,
  type Engine,
  type StoreSnapshot,
  type Triager,
  type TurnOutcome,
  type TurnPorts,
} from '@switchboard/core';
import {
  createManualClock,
  createMemoryConversationStore,
  createMemoryEmailOutbox,
  createMemoryEventLog,
  createMemoryNewsletterSubscriptions,
  createMemoryTicketQueue,
  createMemoryToolCallLog,
  createSequentialIds,
} from '@switchboard/core/testing';
import { createAccountDirectory, createDemoDesk, createDemoTools, createMemoryCommerceStore, INTENT_CATEGORY, INTENT_PLAYBOOKS, KNOWLEDGE_ARTICLES, KNOWLEDGE_QUERY_HINTS, ROUTING_EXAMPLES } from '@switchboard/demo-store';
import { createLocalEngine } from '@switchboard/engines';
import { createCatalogIndex, createKnowledgeBase, createLocalTriager, trainIntentClassifier } from '@switchboard/nlu';
import { trackWrites, type WrittenIds } from './stores.js';

/** What every τ conversation shares: the desk configuration, the trained triager, the engine. Build once per run. */
export interface TauDesk {
  desk: Readonly<DeskConfig>;
  triager: Triager;
  engine: Engine;
  knowledge: ReturnType<typeof createKnowledgeBase>;
  snapshot: StoreSnapshot;
}

/**
 * Builds the shared parts of the τ desk: trains the intent classifier on the demo desk's routing
 * examples (seed 7, as the CLI runtime does; about 4 s) and indexes the τ catalog.
 */
export function createTauDesk(snapshot: StoreSnapshot): TauDesk {
  const desk = createDemoDesk();
  const classifier = trainIntentClassifier(ROUTING_EXAMPLES.map((example) => ({ text: example.text, label: example.intent })), { seed: 7 });
  const knowledge = createKnowledgeBase(KNOWLEDGE_ARTICLES);
  const triager = createLocalTriager({ classifier, intentCategory: INTENT_CATEGORY, catalog: createCatalogIndex(Object.values(snapshot.products)) });
  const engine = createLocalEngine({ knowledge, intentAgents: desk.routing.intentToAgent, intentPlaybooks: INTENT_PLAYBOOKS, knowledgeQueryHints: KNOWLEDGE_QUERY_HINTS, minKnowledgeScore: knowledge.minScore });
  return { desk, triager, engine, knowledge, snapshot };
}

/** One τ conversation on its own copy of the store. */
export interface TauConversation {
  /** Sends one customer message through the desk's turn driver. */
  say(text: string): Promise<TurnOutcome>;
  /** The store the conversation changes. */
  commerce: CommerceStore;
  /** Records written so far, per table. */
  written: WrittenIds;
}

/** Opens a conversation (anonymous: the customer must verify their identity) on a fresh copy of the τ store. */
export async function openTauConversation(tau: TauDesk): Promise<TauConversation> {
  const { commerce, written } = trackWrites(createMemoryCommerceStore({ snapshot: tau.snapshot }));
  const clock = createManualClock({ stepMs: 1000 });
  const ids = createSequentialIds();
  const ports: TurnPorts = {
    conversations: createMemoryConversationStore(),
    events: createMemoryEventLog(),
    tickets: createMemoryTicketQueue(),
    clock,
    ids,
    triager: tau.triager,
    engine: tau.engine,
    breakers: createCircuitBreakers({ clock, ...tau.desk.escalation.circuitBreaker }),
    accounts: createAccountDirectory({ commerce }),
    knowledge: tau.knowledge,
    tools: createToolGateway({
      tools: createDemoTools({ commerce, outbox: createMemoryEmailOutbox(), newsletter: createMemoryNewsletterSubscriptions(), clock, refundLimitCents: null }),
      agents: tau.desk.agents,
      toolCalls: createMemoryToolCallLog(),
    }),
  };
  const conversation = await startConversation({ ports, channel: 'tau' });
  return {
    say: (text) => runTurn({ ports, desk: tau.desk, input: { conversationId: conversation.id, text } }),
    commerce,
    written,
  };
}
