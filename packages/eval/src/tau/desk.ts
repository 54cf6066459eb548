/**
 * The demo desk over a τ-bench retail store, for `eval tau`: the same agents, routing, classifier,
 * local triager and engine, knowledge base, QA gate and tool gateway as `createDeskRuntime`, on
 * in-memory ports and a fresh copy of the τ store per conversation, with no refund limit. With an
 * engine selection (`--engine llm|hybrid`) the roles run through models as in `switchboard chat`.
 */
import {
  createCircuitBreakers,
  createToolGateway,
  runTurn,
  startConversation,
  type AgentEvent,
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
import { createEnginesFromEnvironment, createLocalEngine, type DeskEngines, type EngineKind, type Environment, type LanguageModelV3, type ModelRole } from '@switchboard/engines';
import { createCatalogIndex, createKnowledgeBase, createLocalTriager, trainIntentClassifier } from '@switchboard/nlu';
import { trackWrites, type WrittenIds } from './stores.js';

/** What every τ conversation shares: the desk configuration, the trained triager, the engine. Build once per run. */
export interface TauDesk {
  desk: Readonly<DeskConfig>;
  triager: Triager;
  engine: Engine;
  knowledge: ReturnType<typeof createKnowledgeBase>;
  snapshot: StoreSnapshot;
  /** The model engines, when a role runs `llm` or `hybrid` (cost ledger, fallbacks, roles). */
  engines?: DeskEngines;
}

/**
 * Which engine runs each role (`switchboard eval tau --engine`), resolved like `switchboard chat`:
 * `kind` for every role without its own `SWITCHBOARD_ENGINE_<ROLE>`, models from
 * `SWITCHBOARD_MODEL[_<ROLE>]` in `env` (or `models`, for tests).
 */
export interface TauEngineSelection {
  kind: EngineKind;
  /** The environment (the CLI passes `process.env`). */
  env: Environment;
  /** Ready models per role instead of providers. */
  models?: Partial<Record<ModelRole, LanguageModelV3>>;
}

/**
 * Builds the shared parts of the τ desk: trains the intent classifier on the demo desk's routing
 * examples (seed 7, as the CLI runtime does; about 4 s) and indexes the τ catalog. With
 * `engine`, wraps the local triager and engine in the selected model engines (the local ones stay
 * as fallbacks); the models see the demo tools' descriptions and schemas, and every call still goes
 * through each conversation's own gateway.
 * @throws ConfigurationError `CONFIG_INVALID` naming the variable to set (`SWITCHBOARD_MODEL_TRIAGE`,
 *   `OPENAI_API_KEY`…) when a role needs a model that is not configured.
 */
export function createTauDesk(snapshot: StoreSnapshot, engine?: TauEngineSelection): TauDesk {
  const desk = createDemoDesk();
  const catalog = createCatalogIndex(Object.values(snapshot.products));
  const classifier = trainIntentClassifier(ROUTING_EXAMPLES.map((example) => ({ text: example.text, label: example.intent })), { seed: 7 });
  const knowledge = createKnowledgeBase(KNOWLEDGE_ARTICLES);
  const local = {
    triager: createLocalTriager({ classifier, intentCategory: INTENT_CATEGORY, catalog }),
    engine: createLocalEngine({ knowledge, intentAgents: desk.routing.intentToAgent, intentPlaybooks: INTENT_PLAYBOOKS, knowledgeQueryHints: KNOWLEDGE_QUERY_HINTS, minKnowledgeScore: knowledge.minScore }),
  };
  if (engine === undefined || engine.kind === 'local') return { desk, ...local, knowledge, snapshot };
  const clock = createManualClock({ stepMs: 1000 });
  const engines = createEnginesFromEnvironment({
    desk,
    env: engine.env,
    engine: engine.kind,
    settings: { streaming: 'off' },
    local,
    // Definitions only (descriptions, input schemas, read/write) over a throwaway copy: calls go through each conversation's gateway.
    tools: createDemoTools({ commerce: createMemoryCommerceStore({ snapshot }), outbox: createMemoryEmailOutbox(), newsletter: createMemoryNewsletterSubscriptions(), clock, refundLimitCents: null }),
    knowledge: { base: knowledge, minScore: knowledge.minScore },
    catalog,
    clock,
    ids: createSequentialIds(),
    ...(engine.models ? { models: engine.models } : {}),
  });
  return { desk, triager: engines.triager, engine: engines.engine, knowledge, snapshot, engines };
}

/** One τ conversation on its own copy of the store. */
export interface TauConversation {
  /** Sends one customer message through the desk's turn driver. */
  say(text: string): Promise<TurnOutcome>;
  /** The store the conversation changes. */
  commerce: CommerceStore;
  /** Records written so far, per table. */
  written: WrittenIds;
  conversationId: string;
  /** The conversation's audit events so far, oldest first. */
  events(): Promise<AgentEvent[]>;
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
    conversationId: conversation.id,
    events: () => ports.events.list(conversation.id),
  };
}
