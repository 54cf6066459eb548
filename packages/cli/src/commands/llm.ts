/**
 * The LLM engine in the CLI: engine selection per role for any desk runtime (`--engine`), the
 * per-turn trace `chat` prints with a model engine (triage, handoffs, tools, QA, cost), and the
 * `switchboard llm` commands (`roles`, `triage`).
 */
import { Option, type Command } from 'commander';
import { startConversation, type AgentEvent, type TurnOutcome } from '@switchboard/core';
import { createDemoTools, STORE_POLICY } from '@switchboard/demo-store';
import { createEnginesFromEnvironment, ENGINE_KINDS, resolveLlmConfig, usesModels, type DeskEngines, type EngineKind, type Environment, type LedgerEvent } from '@switchboard/engines';
import { readTextRows, latencySummary } from '@switchboard/eval';
import { DEFAULT_MIN_SCORE } from '@switchboard/nlu';
import type { DeskRuntime, RuntimeOptions } from '@switchboard/server';
import { randomIds, systemClock } from '../system.js';
import { commandGroup, type CommandIo } from './eval-triage.js';

/** What selects the engines: the CLI's `--engine` (for every role without its own setting) and the environment. */
export interface EngineSelection {
  engine?: EngineKind;
}

/** A desk runtime whose roles may run models; `engines` is set when any role does. */
export type SelectedRuntime = DeskRuntime & { engines?: DeskEngines };

/** The `--engine` option of `chat`, `replay` and `llm triage`. */
export const engineOption = (): Option => new Option('--engine <kind>', 'engine for every role without its own SWITCHBOARD_ENGINE_<ROLE>: local, llm or hybrid (models from SWITCHBOARD_MODEL[_<ROLE>])').choices([...ENGINE_KINDS]);

/**
 * Puts the triager and engine the configuration selects into `runtime`'s turn ports (the local
 * ones stay as fallbacks). With every role `local`, returns `runtime` unchanged.
 * @throws ConfigurationError `CONFIG_INVALID` naming the variable to set.
 */
export function selectEngines(runtime: DeskRuntime, options: EngineSelection & { env: Environment }): SelectedRuntime {
  const config = resolveLlmConfig({ env: options.env, ...(options.engine ? { engine: options.engine } : {}) });
  if (!usesModels(config)) return runtime;
  const { database, ports, desk } = runtime;
  const engines = createEnginesFromEnvironment({
    desk,
    env: options.env,
    ...(options.engine ? { engine: options.engine } : {}),
    local: { triager: ports.triager, engine: ports.engine },
    // Definitions only (descriptions, input schemas, read/write): calls still go through the runtime's gateway.
    tools: createDemoTools({ commerce: database.commerce, outbox: database.outbox, newsletter: database.newsletter, clock: systemClock }),
    ...(ports.knowledge ? { knowledge: { base: ports.knowledge, minScore: DEFAULT_MIN_SCORE } } : {}),
    policy: STORE_POLICY,
    clock: systemClock,
    ids: randomIds,
  });
  ports.triager = engines.triager;
  ports.engine = engines.engine;
  return Object.assign(runtime, { engines });
}

/** Creates a runtime with `create` and selects its engines from `options` and `env`. */
export async function createSelectedRuntime(create: (options: RuntimeOptions) => Promise<DeskRuntime>, options: RuntimeOptions & EngineSelection & { env: Environment }): Promise<SelectedRuntime> {
  const { engine, env, ...runtimeOptions } = options;
  const runtime = await create(runtimeOptions);
  try {
    return selectEngines(runtime, { env, ...(engine ? { engine } : {}) });
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

/** One trace line per notable step of a turn: triage, handoffs, tool calls, QA verdicts, fallbacks, cost. */
export function describeLlmTurn(input: { events: readonly AgentEvent[]; reviews: readonly Extract<LedgerEvent, { type: 'review' }>[]; fallbacks: readonly string[]; engines: DeskEngines; conversationId: string }): string[] {
  const lines: string[] = [];
  for (const event of input.events) {
    const data = event.data;
    if (event.type === 'triage') lines.push(`triage (${String(data.decidedBy)}): ${String(data.intent)} ${Number(data.confidence).toFixed(2)}`);
    if (event.type === 'handoff') {
      const payload = data.payload as { fromAgent?: string; toAgent?: string; handoffReason?: string } | undefined;
      lines.push(`handoff ${payload?.fromAgent ?? '?'} → ${payload?.toAgent ?? event.agentId ?? '?'}: ${payload?.handoffReason ?? ''}`);
    }
    if (event.type === 'tool_call') lines.push(`tool ${String(data.tool)} ${data.ok === true ? 'ok' : `failed (${String(data.code)})`}`);
    if (event.type === 'qa_review') lines.push(`QA gate (rules): ${typeof data.verdict === 'string' ? data.verdict : '?'}`);
  }
  for (const review of input.reviews) lines.push(`QA judge (${review.review.reviewer}) on ${review.agentId}: ${review.review.verdict}${review.review.issues.length > 0 ? ` — ${review.review.issues.map((issue) => issue.code).join(', ')}` : ''}`);
  for (const fallback of input.fallbacks) lines.push(`fallback to local: ${fallback}`);
  const cost = input.engines.ledger.conversation(input.conversationId);
  lines.push(`cost so far: ${cost.calls} model calls, ${cost.tokens.input + cost.tokens.output} tokens, $${cost.costUsd.toFixed(6)}${cost.unpricedCalls > 0 ? ` (+${cost.unpricedCalls} unpriced)` : ''}`);
  return lines;
}

/**
 * Wraps `runtime.runTurn` so each turn prints its LLM trace to `output` (before the replies, which
 * the chat loop prints). A runtime without model engines is returned unchanged.
 */
export function withLlmTrace(runtime: SelectedRuntime, output: NodeJS.WritableStream): SelectedRuntime {
  const { engines } = runtime;
  if (!engines) return runtime;
  output.write(`engines: ${engines.describe().join(' · ')}\n`);
  return {
    ...runtime,
    async runTurn(input): Promise<TurnOutcome> {
      const reviews: Extract<LedgerEvent, { type: 'review' }>[] = [];
      const fallbacks: string[] = [];
      const stopReviews = engines.ledger.subscribe((event) => void (event.type === 'review' && reviews.push(event)));
      const stopFallbacks = engines.onFallback((event) => fallbacks.push(`${event.role}${event.agentId ? ` ${event.agentId}` : ''} (${event.code})`));
      try {
        const outcome = await runtime.runTurn(input);
        const events = (await runtime.database.events.list(input.conversationId)).filter((event) => event.turnId === outcome.turnId);
        for (const line of describeLlmTurn({ events, reviews, fallbacks, engines, conversationId: input.conversationId })) output.write(`   · ${line}\n`);
        return outcome;
      } finally {
        stopReviews();
        stopFallbacks();
      }
    },
  };
}

/** Report of `switchboard llm triage`. */
export interface LlmTriageReport {
  rows: number;
  /** Share of labelled rows whose intent or category equals the label. */
  accuracy: number;
  decidedBy: Record<string, number>;
  msPerMessage: { p50: number; p95: number };
  tokens: { input: number; output: number };
  costUsd: number;
  engines: string[];
}

/**
 * Runs the selected triager (not the agents) over labelled rows: accuracy, who decided, latency
 * and model cost. Needs a configured provider for `llm` / `hybrid` (not run in CI).
 */
export async function runLlmTriage(input: { runtime: SelectedRuntime; data: string; text: string; label: string; limit?: number }): Promise<LlmTriageReport> {
  const rows = readTextRows(input.data, { textColumn: input.text, labelColumn: input.label, ...(input.limit === undefined ? {} : { limit: input.limit }) });
  const { ports } = input.runtime;
  const decidedBy: Record<string, number> = {};
  const latencies: number[] = [];
  let correct = 0;
  const totals = { input: 0, output: 0, costUsd: 0 };
  for (const row of rows) {
    const conversation = await startConversation({ ports, channel: 'llm-triage' });
    const started = performance.now();
    const decision = await ports.triager.triage({ text: row.text, conversation });
    latencies.push(performance.now() - started);
    decidedBy[decision.decidedBy] = (decidedBy[decision.decidedBy] ?? 0) + 1;
    if (row.label !== undefined && (row.label === decision.intent || row.label === decision.category)) correct += 1;
    const cost = input.runtime.engines?.ledger.conversation(conversation.id);
    if (cost) {
      totals.input += cost.tokens.input;
      totals.output += cost.tokens.output;
      totals.costUsd += cost.costUsd;
    }
  }
  const latency = latencySummary(latencies);
  return {
    rows: rows.length,
    accuracy: rows.length === 0 ? 0 : correct / rows.length,
    decidedBy,
    msPerMessage: { p50: latency.p50, p95: latency.p95 },
    tokens: { input: totals.input, output: totals.output },
    costUsd: Math.round(totals.costUsd * 1_000_000) / 1_000_000,
    engines: input.runtime.engines?.describe() ?? ['triage local', 'specialist local', 'escalation local', 'qa local'],
  };
}

/** Registers `switchboard llm roles` and `switchboard llm triage`. */
export function registerLlmCommands(program: Command, io: CommandIo & { createRuntime: (options: RuntimeOptions & EngineSelection) => Promise<SelectedRuntime> }): void {
  const group = commandGroup(program, { name: 'llm', description: 'the LLM engine: roles, models and triage with models' });
  group
    .command('roles')
    .description('show the engine and model of each role as configured (SWITCHBOARD_ENGINE[_<ROLE>], SWITCHBOARD_MODEL[_<ROLE>])')
    .addOption(engineOption())
    .option('--json', 'print exactly one JSON object')
    .action((flags: EngineSelection & { json?: boolean }) => {
      const config = resolveLlmConfig({ env: process.env, ...(flags.engine ? { engine: flags.engine } : {}) });
      io.stdout.write(flags.json ? `${JSON.stringify(config)}\n` : `${Object.entries(config.roles).map(([role, value]) => `${role}: ${value.engine}${value.model ? ` ${value.model.provider}:${value.model.modelId} (from ${value.model.source})` : ''}`).join('\n')}\n`);
    });
  group
    .command('triage')
    .description('triage each labelled row with the selected triager: accuracy, who decided, latency, tokens and cost')
    .requiredOption('--data <file>', 'CSV or JSONL file')
    .option('--text <column>', 'column holding the customer text', 'text')
    .option('--label <column>', 'column holding the intent or category label', 'label')
    .option('--limit <n>', 'only the first N rows', (value) => Number.parseInt(value, 10))
    .addOption(engineOption().default('hybrid'))
    .option('--json', 'print exactly one JSON object')
    .action(async (flags: EngineSelection & { data: string; text: string; label: string; limit?: number; json?: boolean }) => {
      const runtime = await io.createRuntime({ inMemory: true, ...(flags.engine ? { engine: flags.engine } : {}) });
      try {
        const report = await runLlmTriage({ runtime, data: flags.data, text: flags.text, label: flags.label, ...(flags.limit ? { limit: flags.limit } : {}) });
        io.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : `${report.rows} rows: accuracy ${report.accuracy.toFixed(4)}; decided by ${JSON.stringify(report.decidedBy)}; ms p50 ${report.msPerMessage.p50}, p95 ${report.msPerMessage.p95}; ${report.tokens.input + report.tokens.output} tokens, $${report.costUsd.toFixed(4)}\n`);
      } finally {
        await runtime.close();
      }
    });
}
