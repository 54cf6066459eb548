/**
 * Test-only fixtures of the LLM engine's tests: a small desk with read, write and identity tools,
 * in-memory ports, and `MockLanguageModelV3` models that answer from a script. Not exported by the
 * package.
 */
import { MockLanguageModelV3 } from 'ai/test';
import { z } from 'zod';
import {
  createToolGateway,
  defineTool,
  EngineError,
  parseDeskConfig,
  runTurn,
  startConversation,
  ToolError,
  type AnyToolDefinition,
  type Conversation,
  type DeskConfig,
  type TurnOutcome,
  type TurnPorts,
} from '@switchboard/core';
import { createManualClock, createMemoryConversationStore, createMemoryEventLog, createMemoryTicketQueue, createSequentialIds, ScriptedEngine, ScriptedTriager } from '@switchboard/core/testing';
import { createEnginesFromEnvironment, type DeskEngines, type EnginesFromEnvironmentOptions } from '../hybrid/factory.js';
import { toGenerateResult, toStreamParts, type ScriptedStep } from './scripted.js';
import { MODEL_ROLES, type ModelCallOptions, type ModelStreamPart } from './types.js';

/** The order every fixture tool knows. */
export const ORDER = Object.freeze({ order_id: '#W1234567', status: 'delivered', tracking_ids: ['123456789012'] });

/** Counts write executions, so tests can prove a write ran once. */
export const writes = { cancelled: 0 };

/** Fixture tools: an order lookup (read), a cancellation (write) and an identity lookup. */
export function fixtureTools(): AnyToolDefinition[] {
  return [
    defineTool({
      name: 'get_order_status',
      description: 'Status and tracking numbers of one of the customer\'s orders.',
      kind: 'read',
      scopes: [],
      input: z.object({ order_id: z.string().regex(/^#W\d{7}$/) }),
      output: z.object({ order_id: z.string(), status: z.string(), tracking_ids: z.array(z.string()) }),
      timeoutMs: 1000,
      idempotent: true,
      execute: (input) => {
        if (input.order_id !== ORDER.order_id) return Promise.reject(new ToolError('NOT_FOUND', 'No such order'));
        return Promise.resolve({ ...ORDER, tracking_ids: [...ORDER.tracking_ids] });
      },
    }),
    defineTool({
      name: 'cancel_order',
      description: 'Cancel a pending order.',
      kind: 'write',
      scopes: [],
      input: z.object({ order_id: z.string() }),
      output: z.object({ order_id: z.string(), status: z.literal('cancelled') }),
      timeoutMs: 1000,
      idempotent: true,
      execute: (input) => {
        writes.cancelled += 1;
        return Promise.resolve({ order_id: input.order_id, status: 'cancelled' as const });
      },
    }),
    defineTool({
      name: 'find_user_id_by_email',
      description: 'Find the customer id for an email address.',
      kind: 'read',
      scopes: [],
      input: z.object({ email: z.string() }),
      output: z.string(),
      timeoutMs: 1000,
      idempotent: true,
      execute: () => Promise.resolve('user_1'),
    }),
  ];
}

/** A desk with orders (tools), billing and faq specialists and an escalation agent. */
export function fixtureDesk(): Readonly<DeskConfig> {
  const agent = (id: string, extra: { tools?: string[]; handoffs: string[]; role?: 'specialist' | 'escalation' }) => ({
    id,
    name: id[0]!.toUpperCase() + id.slice(1),
    description: `Handles ${id} questions.`,
    instructions: `prompts/${id}@1`,
    tools: extra.tools ?? [],
    scopes: [],
    knowledge: [],
    handoffs: extra.handoffs,
    role: extra.role ?? 'specialist',
  });
  return parseDeskConfig({
    agents: [
      agent('orders', { tools: ['get_order_status', 'cancel_order', 'find_user_id_by_email'], handoffs: ['billing', 'faq', 'escalation'] }),
      agent('billing', { handoffs: ['orders', 'faq', 'escalation'] }),
      agent('faq', { handoffs: ['orders', 'billing', 'escalation'] }),
      agent('escalation', { handoffs: [], role: 'escalation' }),
    ],
    routing: {
      intentToAgent: { track_order: 'orders', get_invoice: 'billing', contact_customer_service: 'faq', contact_human_agent: 'escalation' },
      intentCategory: { track_order: 'ORDER', get_invoice: 'INVOICE', contact_customer_service: 'CONTACT', contact_human_agent: 'CONTACT' },
      fallbackAgentId: 'faq',
      escalationAgentId: 'escalation',
    },
    escalation: {},
    queues: { byCategory: { ORDER: 'orders', INVOICE: 'billing' }, defaultQueue: 'general', legalQueue: 'legal' },
    limits: {},
    identityTools: { find_user_id_by_email: 'email' },
  });
}

/**
 * A `MockLanguageModelV3` answering from `steps` (generate and stream). An extra call throws
 * `UNEXPECTED_ENGINE_CALL`, so a test fails loudly when the engine calls the model more than scripted.
 */
export function mockModel(steps: readonly ScriptedStep[], options: { modelId?: string; provider?: string } = {}): MockLanguageModelV3 {
  const queue = [...steps];
  let calls = 0;
  const next = async (call: ModelCallOptions) => {
    calls += 1;
    const step = queue.shift();
    if (step === undefined) throw new EngineError('UNEXPECTED_ENGINE_CALL', `Mock model has no reply left (call ${calls})`);
    const scripted = typeof step === 'function' ? await step(call) : step;
    if (scripted.type === 'error') throw scripted.error;
    return toGenerateResult(scripted, calls);
  };
  return new MockLanguageModelV3({
    provider: options.provider ?? 'mock',
    modelId: options.modelId ?? 'gpt-4o-mini',
    doGenerate: next,
    doStream: async (call) => {
      const parts = toStreamParts(await next(call), 4);
      return { stream: new ReadableStream<ModelStreamPart>({ start: (controller) => { for (const part of parts) controller.enqueue(part); controller.close(); } }) };
    },
  });
}

/** The text of every message of a model call's prompt, joined (to assert what the model saw). */
export function promptText(call: ModelCallOptions): string {
  return JSON.stringify(call.prompt);
}

/** A desk under test: ports, the selected engines, and `say` to run one turn. */
export interface Harness {
  desk: Readonly<DeskConfig>;
  ports: TurnPorts & { events: ReturnType<typeof createMemoryEventLog>; clock: ReturnType<typeof createManualClock> };
  engines: DeskEngines;
  conversation: Conversation;
  localEngine: ScriptedEngine;
  localTriager: ScriptedTriager;
  say(text: string): Promise<TurnOutcome>;
}

/** Options of {@link createHarness}: engines to select and what the local doubles answer. */
export interface HarnessOptions extends Partial<Pick<EnginesFromEnvironmentOptions, 'models' | 'settings' | 'engine' | 'env' | 'onReplyStream' | 'sleep'>> {
  localEngine?: ScriptedEngine;
  localTriager?: ScriptedTriager;
  /** The conversation starts with this verified customer. */
  customerId?: string;
}

/** Builds the fixture desk on in-memory ports with the engines `options` select. */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const desk = fixtureDesk();
  const tools = fixtureTools();
  const clock = createManualClock({ start: new Date('2026-01-05T10:00:00Z') });
  const ids = createSequentialIds();
  const localEngine = options.localEngine ?? new ScriptedEngine();
  const localTriager = options.localTriager ?? new ScriptedTriager();
  const kind = options.engine ?? 'llm';
  const roles = Object.fromEntries(MODEL_ROLES.map((role) => [role, { engine: options.models?.[role] ? kind : 'local' }]));
  const engines = createEnginesFromEnvironment({
    desk,
    env: options.env ?? {},
    settings: { ...options.settings, roles: { ...roles, ...options.settings?.roles } },
    local: { triager: localTriager, engine: localEngine },
    tools,
    clock,
    ids,
    ...(options.models ? { models: options.models } : {}),
    ...(options.onReplyStream ? { onReplyStream: options.onReplyStream } : {}),
    sleep: options.sleep ?? (() => Promise.resolve()),
  });
  const ports = {
    conversations: createMemoryConversationStore(),
    events: createMemoryEventLog(),
    tickets: createMemoryTicketQueue(),
    clock,
    ids,
    triager: engines.triager,
    engine: engines.engine,
    tools: createToolGateway({ tools, agents: desk.agents }),
  };
  const conversation = await startConversation({ ports, channel: 'test', ...(options.customerId ? { identity: { customerId: options.customerId, verifiedBy: 'channel' as const } } : {}) });
  return { desk, ports, engines, conversation, localEngine, localTriager, say: (text) => runTurn({ ports, desk, input: { conversationId: conversation.id, text } }) };
}

/** A triage answer for the mock triage model. */
export function triageAnswer(intent: string, confidence = 0.9): Record<string, unknown> {
  return { intent, confidence, urgency: 'normal', subtasks: [], signals: { humanRequested: false, legalThreat: false, abusive: false, language: 'en' }, reasoning: `asked about ${intent}` };
}

/** A final agent answer for the mock specialist model. */
export function agentAnswer(reply: string, extra: Partial<{ status: 'resolved' | 'needs_info'; confidence: number; sources: string[]; awaiting: string | null }> = {}): Record<string, unknown> {
  return { reply, status: extra.status ?? 'resolved', confidence: extra.confidence ?? 0.9, sources: extra.sources ?? [], awaiting: extra.awaiting ?? null };
}
