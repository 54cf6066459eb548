/**
 * Our side of the orchestration benchmark: one customer turn through the turn driver with the
 * LLM triager and the LLM engine on a zero-latency scripted model — triage (structured output),
 * a handoff (`transfer_to_orders`), a tool call through the gateway, a structured final answer.
 */
import { z } from 'zod';
import { createToolGateway, defineTool, parseDeskConfig, runTurn, startConversation, type DeskConfig, type Engine, type Triager, type TurnPorts } from '@switchboard/core';
import { createManualClock, createMemoryConversationStore, createMemoryEventLog, createMemoryTicketQueue, createSequentialIds, ScriptedEngine, ScriptedTriager } from '@switchboard/core/testing';
import { createEnginesFromEnvironment, reply, ScriptedLanguageModel } from '@switchboard/engines';

/** The order the workload's tool returns. */
const ORDER = { order_id: '#W1234567', status: 'delivered' } as const;
/** What the customer says in every run. */
export const BENCH_MESSAGE = 'where is my order #W1234567?';
/** The final reply every run must produce (checked, so a broken run cannot look fast). */
export const BENCH_REPLY = 'Order #W1234567 is delivered.';

const tools = [
  defineTool({
    name: 'get_order_status',
    description: 'Status of one of the customer\'s orders.',
    kind: 'read',
    scopes: [],
    input: z.object({ order_id: z.string() }),
    output: z.object({ order_id: z.string(), status: z.string() }),
    timeoutMs: 1000,
    idempotent: true,
    execute: (input) => Promise.resolve({ order_id: input.order_id, status: ORDER.status }),
  }),
];

function benchDesk(): Readonly<DeskConfig> {
  const agent = (id: string, extra: { tools: string[]; handoffs: string[] }) => ({ id, name: id[0]!.toUpperCase() + id.slice(1), description: `Handles ${id} questions.`, instructions: `prompts/${id}@1`, scopes: [], knowledge: [], ...extra });
  return parseDeskConfig({
    agents: [agent('billing', { tools: [], handoffs: ['orders'] }), agent('orders', { tools: ['get_order_status'], handoffs: ['billing'] }), { ...agent('escalation', { tools: [], handoffs: [] }), role: 'escalation' }],
    routing: { intentToAgent: { get_invoice: 'billing', track_order: 'orders' }, intentCategory: { get_invoice: 'INVOICE', track_order: 'ORDER' }, fallbackAgentId: 'billing', escalationAgentId: 'escalation' },
    escalation: {},
    queues: { byCategory: {}, defaultQueue: 'general', legalQueue: 'legal' },
    limits: {},
  });
}

const triageAnswer = { intent: 'get_invoice', confidence: 0.9, urgency: 'normal', subtasks: [], signals: { humanRequested: false, legalThreat: false, abusive: false, language: 'en' }, reasoning: 'invoice words' };

/** A workload runner: one run is one customer turn; `check` throws when a run did not do the work. */
export interface BenchWorkload {
  run(): Promise<void>;
  /** Model calls one run makes. */
  modelCallsPerRun: number;
}

function ports(init: { triager: Triager; engine: Engine; desk: Readonly<DeskConfig> }): TurnPorts {
  return {
    conversations: createMemoryConversationStore(),
    events: createMemoryEventLog(),
    tickets: createMemoryTicketQueue(),
    clock: createManualClock({ start: new Date('2026-01-05T10:00:00Z') }),
    ids: createSequentialIds(),
    triager: init.triager,
    engine: init.engine,
    tools: createToolGateway({ tools, agents: init.desk.agents }),
  };
}

/** Fresh ports every `batch` runs, so in-memory logs do not grow without bound and skew later runs. */
function workload(build: () => { ports: TurnPorts; desk: Readonly<DeskConfig>; prepare?: () => void }, modelCallsPerRun: number): BenchWorkload {
  let current = build();
  let runs = 0;
  return {
    modelCallsPerRun,
    async run() {
      if (runs > 0 && runs % 250 === 0) current = build();
      runs += 1;
      current.prepare?.();
      const conversation = await startConversation({ ports: current.ports, channel: 'bench' });
      const outcome = await runTurn({ ports: current.ports, desk: current.desk, input: { conversationId: conversation.id, text: BENCH_MESSAGE } });
      if (!outcome.replies.some((message) => message.text.endsWith(BENCH_REPLY))) throw new Error(`bench run produced an unexpected reply: ${outcome.replies.map((message) => message.text).join(' | ')}`);
    },
  };
}

/**
 * Our orchestrator with the LLM triager and LLM engine on scripted models (4 model calls per run:
 * triage, `transfer_to_orders`, the tool call, the answer), through the same resilient model
 * wrapper, cost ledger and fallback engines a desk uses; streaming off, QA by the driver's rules gate.
 */
export function createOursWorkload(): BenchWorkload {
  return workload(() => {
    const desk = benchDesk();
    const triage = new ScriptedLanguageModel([reply.json(triageAnswer)], { loop: true, recordCalls: false, modelId: 'bench' });
    const specialist = new ScriptedLanguageModel(
      [
        reply.toolCall('transfer_to_orders', { reason: 'Order status belongs to orders', summary: 'Customer asks where order #W1234567 is.' }),
        reply.toolCall('get_order_status', { order_id: ORDER.order_id }),
        reply.json({ reply: BENCH_REPLY, status: 'resolved', confidence: 0.9, sources: [], awaiting: null }),
      ],
      { loop: true, recordCalls: false, modelId: 'bench' },
    );
    const clock = createManualClock();
    const engines = createEnginesFromEnvironment({
      desk,
      env: {},
      settings: { roles: { triage: { engine: 'llm' }, specialist: { engine: 'llm' } }, streaming: 'off' },
      models: { triage, specialist },
      local: { triager: new ScriptedTriager(), engine: new ScriptedEngine() },
      tools,
      clock,
      ids: createSequentialIds(),
    });
    return { desk, ports: ports({ triager: engines.triager, engine: engines.engine, desk }) };
  }, 4);
}

/**
 * The orchestrator alone: the same turn with the scripted triager and engine doubles (no model,
 * no AI SDK) — the floor the turn driver, QA gate, guardrails and in-memory stores cost.
 */
export function createFloorWorkload(): BenchWorkload {
  return workload(() => {
    const desk = benchDesk();
    const triager = new ScriptedTriager();
    const engine = new ScriptedEngine();
    return {
      desk,
      ports: ports({ triager, engine, desk }),
      prepare: () => {
        triager.calls.length = 0;
        engine.calls.length = 0;
        triager.enqueue({ intent: 'get_invoice', category: 'INVOICE' });
        engine.enqueue(
          { result: { reply: '', status: 'handoff', handoffTo: 'orders', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } },
          async (input) => {
            await input.tools.call('get_order_status', { order_id: ORDER.order_id });
            return { result: { reply: BENCH_REPLY, status: 'resolved', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } };
          },
        );
      },
    };
  }, 0);
}
