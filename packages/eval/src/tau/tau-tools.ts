/**
 * `eval tau-tools`: replays every τ-bench task's gold actions through our tools and the tool
 * gateway, as the task's customer, and compares each step and the end state with τ-bench's
 * reference outcome.
 * @see ../../../../../shared/data/tau-bench-retail/SOURCE.md ("Expected end states")
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson, createToolGateway, InvalidInputError, type AgentConfig, type CommerceStore, type StoreSnapshot, type ToolCallResult } from '@switchboard/core';
import { createManualClock, createMemoryEmailOutbox, createMemoryNewsletterSubscriptions } from '@switchboard/core/testing';
import { createDemoTools, type TauExpected, type TauTask } from '@switchboard/demo-store';
import { diffJson, type FieldDiff } from './compare.js';
import { createMemoryTauStore, trackWrites, type TauEvalStore, type WrittenIds } from './stores.js';

/** One disagreement: a step (`table` `steps`, `id` `<step>:<tool>`) or a record (`orders`, `users`, `products`, by id). */
export interface TauMismatch {
  /** The task's position in the tasks file. */
  index: number;
  table: 'steps' | 'orders' | 'users' | 'products';
  id: string;
  diff: FieldDiff[];
}

/**
 * The `eval tau-tools` report. `stateMatches`: tasks whose changed orders, users and products
 * equal the expected ones exactly (and nothing else changed); `stepAgreement`: agreeing steps /
 * `steps` (1 when there are none), where a step agrees when it succeeds exactly when τ succeeded,
 * with the same record τ returned, or fails with τ's error text (`Error: <message>`).
 */
export interface TauToolsReport {
  tasks: number;
  stateMatches: number;
  stepAgreement: number;
  steps: number;
  /** Which store the tasks ran on: `memory`, `pglite` or `postgres`. */
  store: string;
  mismatches: TauMismatch[];
  /** Wall time of the whole run, in milliseconds. */
  durationMs: number;
}

/** Options of {@link runTauTools}. */
export interface TauToolsOptions {
  tasks: readonly TauTask[];
  /** One entry per task, matched by `index`. */
  expected: readonly TauExpected[];
  /** The τ store every task starts from (`loadTauRetailStore`). */
  snapshot: StoreSnapshot;
  /** @defaultValue `createMemoryTauStore()` */
  store?: TauEvalStore;
}

/** The evaluation agent: every demo-store tool, every scope they need. */
function evaluationAgent(toolScopes: readonly { name: string; scopes: readonly string[] }[]): AgentConfig {
  return {
    id: 'tau_eval',
    name: 'τ evaluation',
    description: 'Replays τ-bench gold actions; holds every tool and scope.',
    instructions: 'prompts/tau_eval@1',
    tools: toolScopes.map((tool) => tool.name),
    scopes: [...new Set(toolScopes.flatMap((tool) => tool.scopes))],
    knowledge: [],
    handoffs: [],
    role: 'specialist',
  };
}

/** τ user records have no `user_id` (our import adds it from the key): compare without it. */
const tauShape = (table: TauMismatch['table'], record: unknown): unknown => {
  if (table !== 'users' || record === null || typeof record !== 'object') return record;
  const { user_id: _userId, ...rest } = record as Record<string, unknown>;
  return rest;
};

/** Parses τ's observation: the JSON record it returned, or the text as is. */
function parseObservation(observation: string): unknown {
  try {
    return JSON.parse(observation) as unknown;
  } catch {
    return observation;
  }
}

/** How a step's result differs from τ's observation; empty when they agree. */
function compareStep(options: { result: ToolCallResult; observation: string; table: TauMismatch['table'] }): FieldDiff[] {
  const { result, observation } = options;
  const tauRefused = observation.startsWith('Error:');
  if (!result.ok) {
    const ours = `Error: ${result.error.message}`;
    return tauRefused && ours === observation ? [] : [{ path: 'error', expected: observation, actual: `${result.error.code}: ${ours}` }];
  }
  if (tauRefused) return [{ path: 'ok', expected: observation, actual: 'success' }];
  return diffJson(tauShape(options.table, parseObservation(observation)), tauShape(options.table, result.output));
}

/**
 * Compares the records written (or expected to change) with the snapshot and the expected records.
 * @returns one mismatch per record that differs (empty when the end state is the expected one).
 */
export async function compareState(options: { index: number; commerce: CommerceStore; snapshot: StoreSnapshot; expected: TauExpected; written: WrittenIds }): Promise<TauMismatch[]> {
  const { commerce, snapshot, expected, written, index } = options;
  const mismatches: TauMismatch[] = [];
  const tables = [
    { table: 'orders' as const, initial: snapshot.orders, read: (id: string) => commerce.getOrder(id) },
    { table: 'users' as const, initial: snapshot.users, read: (id: string) => commerce.getUser(id) },
    { table: 'products' as const, initial: snapshot.products, read: (id: string) => commerce.getProduct(id) },
  ];
  for (const { table, initial, read } of tables) {
    const expectedRecords = expected.changed[table] ?? {};
    const ids = [...new Set([...written[table], ...Object.keys(expectedRecords)])].sort();
    for (const id of ids) {
      const actual = tauShape(table, await read(id));
      const changed = canonicalJson(actual) !== canonicalJson(tauShape(table, Object.hasOwn(initial, id) ? initial[id] : undefined));
      const wanted = Object.hasOwn(expectedRecords, id) ? expectedRecords[id] : undefined;
      if (wanted === undefined && !changed) continue;
      const diff = wanted === undefined ? [{ path: '', expected: 'unchanged', actual: 'changed' }] : diffJson(wanted, actual);
      if (diff.length > 0) mismatches.push({ index, table, id, diff });
    }
  }
  return mismatches;
}

/** The table a step's observation is a record of: `modify_user_address` returns a user, order tools an order. */
const observedTable = (toolName: string): TauMismatch['table'] => (toolName === 'modify_user_address' ? 'users' : 'orders');

/**
 * Runs `eval tau-tools`: for each task, a fresh store (`store.reset(snapshot)`), then each gold
 * action through `createDemoTools` and `createToolGateway` with the customer `task.user_id`
 * verified, agent `tau_eval` (every tool and scope), a unique idempotency key per step; then the
 * comparison of every step and of the end state (see {@link TauToolsReport}).
 * @throws InvalidInputError `INVALID_INPUT` when a task has no expected entry or their users differ.
 */
export async function runTauTools(options: TauToolsOptions): Promise<TauToolsReport> {
  const started = performance.now();
  const store = options.store ?? createMemoryTauStore();
  const expectedByIndex = new Map(options.expected.map((entry) => [entry.index, entry]));
  // Idempotency keys are unique per run, so runs sharing a database's tool-call log never collide.
  const run = randomUUID().slice(0, 8);
  const report: TauToolsReport = { tasks: options.tasks.length, stateMatches: 0, stepAgreement: 1, steps: 0, store: store.kind, mismatches: [], durationMs: 0 };
  let agreeing = 0;

  for (const [index, task] of options.tasks.entries()) {
    const expected = expectedByIndex.get(index);
    if (expected?.user_id !== task.user_id) {
      throw new InvalidInputError('INVALID_INPUT', `Task ${index} has no expected entry for its user`, { details: { index } });
    }
    const ports = await store.reset(options.snapshot);
    const { commerce, written } = trackWrites(ports.commerce);
    const tools = createDemoTools({ commerce, outbox: createMemoryEmailOutbox(), newsletter: createMemoryNewsletterSubscriptions(), clock: createManualClock() });
    const gateway = createToolGateway({ tools, agents: [evaluationAgent(tools)], toolCalls: ports.toolCalls });
    for (const [step, action] of task.actions.entries()) {
      const result = await gateway.call({
        toolName: action.name,
        args: action.kwargs,
        context: { conversationId: `tau_${index}`, turnId: `tau_${index}_${step}`, agentId: 'tau_eval', customerId: task.user_id, idempotencyKey: `tau:${run}:${index}:${step}` },
      });
      const observation = expected.steps[step]?.observation ?? '';
      const diff = compareStep({ result, observation, table: observedTable(action.name) });
      report.steps += 1;
      if (diff.length === 0) agreeing += 1;
      else report.mismatches.push({ index, table: 'steps', id: `${step}:${action.name}`, diff });
    }
    const state = await compareState({ index, commerce, snapshot: options.snapshot, expected, written });
    if (state.length === 0) report.stateMatches += 1;
    report.mismatches.push(...state);
  }
  report.stepAgreement = report.steps === 0 ? 1 : agreeing / report.steps;
  report.durationMs = Math.round(performance.now() - started);
  return report;
}
