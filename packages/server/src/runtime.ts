/**
 * Composition root of the offline desk: the database (PGlite by default, PostgreSQL with a URL),
 * the demo store seeded when empty, the classifier trained on our routing examples (a snapshot
 * cached per machine, `classifier-cache.ts`), the local
 * triager and engine, and the scoped tool gateway. The CLI (`switchboard chat`, `replay`…) and
 * the HTTP server both build the desk here (DESIGN.md §2: the server is the composition root).
 */
import { createCircuitBreakers, createEventLogToolAudit, createToolGateway, NotFoundError, runTurn, startConversation, type AgentEvent, type AnyToolDefinition, type Conversation, type DeskConfig, type Engine, type EventLog, type TicketQueue, type Triager, type TurnOutcome, type TurnPorts } from '@switchboard/core';
import { createAccountDirectory, createDemoDesk, createDemoTools, generateStore, INTENT_CATEGORY, INTENT_PLAYBOOKS, KNOWLEDGE_ARTICLES, KNOWLEDGE_QUERY_HINTS, ROUTING_EXAMPLES } from '@switchboard/demo-store';
import { createLocalEngine } from '@switchboard/engines';
import { createCatalogIndex, createKnowledgeBase, createLocalTriager } from '@switchboard/nlu';
import { openDatabase, type Database } from '@switchboard/stores';
import { createMaskedEventLog } from './audit.js';
import { cachedIntentClassifier } from './classifier-cache.js';
import { maskDeep } from './mask.js';
import { randomIds, systemClock } from './system.js';

/** Where the desk keeps its data. Exactly one of `databaseUrl`, `dataDir` or `inMemory` (default: `.switchboard/db`). */
export interface RuntimeOptions {
  databaseUrl?: string;
  dataDir?: string;
  inMemory?: boolean;
  /** PostgreSQL only: schema holding the tables (tests isolate runs with it). @defaultValue the server's `search_path` */
  databaseSchema?: string;
  /** Seed of the generated demo store, used when the store is empty. @defaultValue 42 */
  seed?: number;
  /** Wraps the engine (simulated latency in `bench load`, fault-injection doubles in tests). @defaultValue none */
  wrapEngine?: (engine: Engine) => Engine;
  /** Mask personal data in stored audit events (the HTTP service does unless its sensitive-data switch is on). @defaultValue false */
  maskAuditEvents?: boolean;
  /** Wraps the audit log (after masking) and the ticket queue the desk writes through (the service publishes writes on its bus). @defaultValue none */
  wrapPorts?: { events?: (log: EventLog) => EventLog; tickets?: (queue: TicketQueue) => TicketQueue };
}

/** A running offline desk. Call `close()` when done. */
export interface DeskRuntime {
  desk: Readonly<DeskConfig>;
  /** The tool definitions behind `ports.tools` (names, kinds, descriptions), for the console's desk graph. */
  tools: readonly AnyToolDefinition[];
  ports: TurnPorts;
  database: Database;
  intentCategory: Readonly<Record<string, string>>;
  /**
   * The local triager (< 1 ms): used when a message is accepted, to pick its priority lane. When
   * it is also the turn's triager (same `id`), a queued turn reuses its decision.
   */
  fastTriager: Triager;
  /**
   * Audit events as `ports.events` stores them (`data` with personal data masked when
   * `maskAuditEvents` is on), for a writer that bypasses the port: a queued turn's one final write.
   */
  auditEventsForStorage(events: readonly AgentEvent[]): AgentEvent[];
  startConversation(options?: { channel?: string; customerEmail?: string }): Promise<Conversation>;
  runTurn(input: { conversationId: string; text: string }): Promise<TurnOutcome>;
  close(): Promise<void>;
}

/**
 * Opens the database (running migrations) and seeds the generated demo store when the store is empty.
 * @throws StoreError `STORE_FAILED` when the database cannot be opened.
 */
export async function openSeededDatabase(options: RuntimeOptions = {}): Promise<Database> {
  const database = await openDatabase({
    ...(options.databaseUrl ? { url: options.databaseUrl } : {}),
    ...(options.databaseUrl && options.databaseSchema ? { schema: options.databaseSchema } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.inMemory ? { inMemory: true } : {}),
  });
  try {
    if ((await database.commerce.counts()).users === 0) await database.commerce.dangerouslyReplaceAll(generateStore({ seed: options.seed ?? 42 }));
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Opens the database, seeds the demo store if empty, trains the classifier and wires the desk.
 * @throws StoreError `STORE_FAILED` when the database cannot be opened.
 * @throws NotFoundError `NOT_FOUND` from `startConversation` when `customerEmail` matches no customer.
 */
export async function createDeskRuntime(options: RuntimeOptions = {}): Promise<DeskRuntime> {
  const database = await openSeededDatabase(options);
  try {
    const desk = createDemoDesk();
    const catalog = createCatalogIndex(await database.commerce.listProducts());
    const { classifier } = cachedIntentClassifier(ROUTING_EXAMPLES.map((example) => ({ text: example.text, label: example.intent })), { seed: 7 });
    const knowledge = createKnowledgeBase(KNOWLEDGE_ARTICLES);
    const fastTriager = createLocalTriager({ classifier, intentCategory: INTENT_CATEGORY, catalog, clock: systemClock });
    const localEngine = createLocalEngine({ knowledge, intentAgents: desk.routing.intentToAgent, intentPlaybooks: INTENT_PLAYBOOKS, knowledgeQueryHints: KNOWLEDGE_QUERY_HINTS, minKnowledgeScore: knowledge.minScore });
    const masked = options.maskAuditEvents === true ? createMaskedEventLog(database.events) : database.events;
    const events = options.wrapPorts?.events?.(masked) ?? masked;
    const tickets = options.wrapPorts?.tickets?.(database.tickets) ?? database.tickets;
    const tools = createDemoTools({ commerce: database.commerce, outbox: database.outbox, newsletter: database.newsletter, clock: systemClock });
    const ports: TurnPorts = {
      conversations: database.conversations,
      events,
      tickets,
      clock: systemClock,
      ids: randomIds,
      triager: fastTriager,
      engine: options.wrapEngine ? options.wrapEngine(localEngine) : localEngine,
      breakers: createCircuitBreakers({ clock: systemClock, ...desk.escalation.circuitBreaker }),
      accounts: createAccountDirectory({ commerce: database.commerce }),
      knowledge,
      approvals: database.approvals,
      tools: createToolGateway({
        tools,
        agents: desk.agents,
        toolCalls: database.toolCalls,
        approvals: { queue: database.approvals, clock: systemClock, ids: randomIds },
        audit: createEventLogToolAudit({ events, clock: systemClock, ids: randomIds }),
      }),
    };
    return {
      desk,
      tools,
      ports,
      database,
      intentCategory: INTENT_CATEGORY,
      fastTriager,
      auditEventsForStorage: (batch) => (options.maskAuditEvents === true ? batch.map((event) => ({ ...event, data: maskDeep(event.data) as Record<string, unknown> })) : [...batch]),
      async startConversation(start = {}) {
        if (start.customerEmail === undefined) return startConversation({ ports, channel: start.channel ?? 'cli' });
        const customerId = await database.commerce.findUserIdByEmail(start.customerEmail);
        if (customerId === undefined) throw new NotFoundError('NOT_FOUND', 'No customer with that email in the store');
        return startConversation({ ports, channel: start.channel ?? 'cli', identity: { customerId, verifiedBy: 'channel' } });
      },
      runTurn: (input) => runTurn({ ports, desk, input }),
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
