/**
 * `eval tau`: every τ-bench task played K times against the desk by a scripted customer (code, no
 * model), each trial on a fresh copy of the τ store; a trial passes when the end state equals τ's
 * expected one and every required output was said. Reports pass^k as τ-bench defines it.
 * @see https://arxiv.org/abs/2406.12045 (τ-bench, pass^k)
 */
import { InvalidInputError, toSwitchboardError, type StoreSnapshot } from '@switchboard/core';
import type { TauExpected, TauTask } from '@switchboard/demo-store';
import { ScriptedCustomer } from './customer/customer.js';
import { personaOf } from './customer/knowledge.js';
import { createTauDesk, openTauConversation, type TauDesk, type TauEngineSelection } from './desk.js';
import { compareState, type TauMismatch } from './tau-tools.js';

/** The `eval tau` report. */
export interface TauReport {
  tasks: number;
  trials: number;
  /** pass^k for k = 1…trials: the chance that k trials of a task all pass, averaged over tasks. Keys "1"…"K". */
  passHat: Record<string, number>;
  /** Customer messages per trial, averaged. */
  avgTurns: number;
  /** Trials in which the desk escalated to a human. */
  escalated: number;
  /** One entry per failed trial: the task's index and why ("trial 2: orders #W… status: expected …"). */
  failures: { index: number; reason: string }[];
  /** Wall time of the run, in milliseconds. */
  durationMs: number;
  /** With `--engine llm|hybrid`: what each role ran, who decided triage, and the model spend. */
  engines?: TauEngineReport;
}

/** The model side of an `eval tau` run. */
export interface TauEngineReport {
  /** One line per role: `triage llm (openai:gpt-4o-mini)`. */
  roles: string[];
  /** Triage decisions by who made them (`llm`, `local`), over every customer message. */
  triageDecidedBy: Record<string, number>;
  /** Model calls, tokens and USD (priced models only) over every trial. */
  modelCalls: number;
  tokens: { input: number; output: number };
  costUsd: number;
  /** Times a model role failed and the local triager or engine answered instead. */
  fallbacks: number;
}

/** Options of {@link runTau}. */
export interface TauOptions {
  tasks: readonly TauTask[];
  /** One entry per task, matched by `index`. */
  expected: readonly TauExpected[];
  /** The τ store every trial starts from (`loadTauRetailStore`). */
  snapshot: StoreSnapshot;
  /** Trials per task (K), 1 or more. */
  trials: number;
  /** Seed of the customers' phrasing (trial t of task i uses a seed derived from it, i and t). @defaultValue 0 */
  seed?: number;
  /** Only these task indexes. @defaultValue every task */
  only?: readonly number[];
  /** Called after each task. */
  onTask?: (progress: { index: number; passed: number; trials: number }) => void;
  /** The engine of each role. @defaultValue every role local */
  engine?: TauEngineSelection;
}

/** Customer messages after which a trial stops. */
export const MAX_CUSTOMER_TURNS = 40;

/** C(n, k). */
function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let index = 1; index <= k; index += 1) result = (result * (n - k + index)) / index;
  return result;
}

/**
 * pass^k of τ-bench: for each task with `c` passing trials out of `n`, C(c, k) / C(n, k), averaged.
 * @param successes - passing trials per task; `trials` the trials per task (n).
 * @returns keys "1"…"n".
 */
export function passHat(successes: readonly number[], trials: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let k = 1; k <= trials; k += 1) {
    const total = successes.reduce((sum, passed) => sum + choose(passed, k) / choose(trials, k), 0);
    out[String(k)] = successes.length === 0 ? 0 : total / successes.length;
  }
  return out;
}

/** A well-mixed 32-bit seed for trial `trial` of task `index`. */
export function trialSeed(seed: number, index: number, trial: number): number {
  let value = (seed ^ Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(trial + 1, 0x85ebca6b)) >>> 0;
  value = Math.imul(value ^ (value >>> 16), 0x7feb352d);
  value = Math.imul(value ^ (value >>> 15), 0x846ca68b);
  return (value ^ (value >>> 16)) >>> 0;
}

/** One trial's result. */
export interface TauTrial {
  passed: boolean;
  turns: number;
  escalated: boolean;
  reason?: string;
  /** The conversation, customer and desk lines alternating (for debugging). */
  transcript: string[];
  /** Who decided each triage of the trial (`decidedBy` of its `triage` audit events), in order. */
  triageDecidedBy: string[];
  conversationId: string;
}

const describeMismatch = (mismatch: TauMismatch): string => {
  const first = mismatch.diff[0];
  return `${mismatch.table} ${mismatch.id}${first ? ` ${first.path || '(record)'}: expected ${JSON.stringify(first.expected)}, got ${JSON.stringify(first.actual)}` : ''}`;
};

/** Plays one trial of `task` and compares the end state. */
export async function runTauTrial(input: { tau: TauDesk; task: TauTask; expected: TauExpected; index: number; seed: number }): Promise<TauTrial> {
  const { tau, task, expected, index } = input;
  const conversation = await openTauConversation(tau);
  const customer = new ScriptedCustomer(personaOf(task, tau.snapshot), { snapshot: tau.snapshot, seed: input.seed });
  const transcript: string[] = [];
  const said: string[] = [];
  let message: string | undefined = customer.opening();
  let turns = 0;
  let escalated = false;
  let failure: string | undefined;
  try {
    while (message !== undefined && turns < MAX_CUSTOMER_TURNS) {
      transcript.push(`customer: ${message}`);
      const outcome = await conversation.say(message);
      turns += 1;
      const reply = outcome.replies.map((entry) => entry.text).join('\n\n');
      said.push(reply);
      transcript.push(`desk (${outcome.outcome}): ${reply}`);
      if (outcome.outcome === 'escalated') {
        escalated = true;
        failure = `escalated: ${outcome.ticket?.trigger ?? 'unknown'} (${outcome.ticket?.reason ?? ''})`;
        break;
      }
      message = customer.respond(reply);
    }
  } catch (error) {
    failure = `desk error ${toSwitchboardError(error).code}`;
  }
  if (message !== undefined && failure === undefined && turns >= MAX_CUSTOMER_TURNS) failure = `no end after ${MAX_CUSTOMER_TURNS} customer messages`;
  const mismatches = await compareState({ index, commerce: conversation.commerce, snapshot: tau.snapshot, expected, written: conversation.written });
  const heard = said.join('\n').toLowerCase().replace(/,/g, '');
  const missing = task.outputs.filter((output) => !heard.includes(output.toLowerCase()));
  const passed = mismatches.length === 0 && missing.length === 0;
  const reasons = [
    ...mismatches.slice(0, 2).map(describeMismatch),
    ...(missing.length > 0 ? [`outputs not said: ${missing.join(', ')}`] : []),
    ...(failure ? [failure] : []),
    ...(customer.state.gaveUp ? [`customer gave up: ${customer.state.gaveUp}`] : []),
  ];
  const triageDecidedBy = (await conversation.events()).filter((event) => event.type === 'triage').map((event) => String(event.data.decidedBy));
  return { passed, turns, escalated, ...(passed ? {} : { reason: reasons.join('; ') || 'unknown' }), transcript, triageDecidedBy, conversationId: conversation.conversationId };
}

/**
 * Runs `eval tau`: for each task (each index of `only`), `trials` trials with the scripted customer
 * on a fresh copy of the store, then pass^k over the tasks.
 * @throws InvalidInputError `INVALID_INPUT` when `trials` < 1 or a task has no expected entry for its user.
 * @throws ConfigurationError `CONFIG_INVALID` (before any task runs) when `engine` selects a role
 *   whose model is not configured; the message names the variable to set.
 */
export async function runTau(options: TauOptions): Promise<TauReport> {
  const started = performance.now();
  if (!Number.isInteger(options.trials) || options.trials < 1) throw new InvalidInputError('INVALID_INPUT', '--trials must be a whole number of at least 1', { details: { field: 'trials' } });
  const expectedByIndex = new Map(options.expected.map((entry) => [entry.index, entry]));
  const tau = createTauDesk(options.snapshot, options.engine);
  const engineTotals = { triageDecidedBy: {} as Record<string, number>, modelCalls: 0, input: 0, output: 0, costUsd: 0, fallbacks: 0 };
  const stopFallbacks = tau.engines?.onFallback(() => void (engineTotals.fallbacks += 1));
  const indexes = options.only ?? options.tasks.map((_, index) => index);
  const successes: number[] = [];
  const failures: TauReport['failures'] = [];
  let turns = 0;
  let escalated = 0;
  for (const index of indexes) {
    const task = options.tasks[index];
    const expected = expectedByIndex.get(index);
    if (!task || expected?.user_id !== task.user_id) throw new InvalidInputError('INVALID_INPUT', `Task ${index} has no expected entry for its user`, { details: { index } });
    let passed = 0;
    for (let trial = 0; trial < options.trials; trial += 1) {
      const result = await runTauTrial({ tau, task, expected, index, seed: trialSeed(options.seed ?? 0, index, trial) });
      turns += result.turns;
      if (result.escalated) escalated += 1;
      if (result.passed) passed += 1;
      else failures.push({ index, reason: `trial ${trial}: ${result.reason ?? 'unknown'}` });
      for (const decidedBy of result.triageDecidedBy) engineTotals.triageDecidedBy[decidedBy] = (engineTotals.triageDecidedBy[decidedBy] ?? 0) + 1;
      const spend = tau.engines?.ledger.conversation(result.conversationId);
      if (spend) {
        engineTotals.modelCalls += spend.calls;
        engineTotals.input += spend.tokens.input;
        engineTotals.output += spend.tokens.output;
        engineTotals.costUsd += spend.costUsd;
      }
    }
    successes.push(passed);
    options.onTask?.({ index, passed, trials: options.trials });
  }
  stopFallbacks?.();
  const runs = indexes.length * options.trials;
  const engines: TauEngineReport | undefined = tau.engines && {
    roles: tau.engines.describe(),
    triageDecidedBy: engineTotals.triageDecidedBy,
    modelCalls: engineTotals.modelCalls,
    tokens: { input: engineTotals.input, output: engineTotals.output },
    costUsd: Math.round(engineTotals.costUsd * 1_000_000) / 1_000_000,
    fallbacks: engineTotals.fallbacks,
  };
  return {
    tasks: indexes.length,
    trials: options.trials,
    passHat: passHat(successes, options.trials),
    avgTurns: runs === 0 ? 0 : turns / runs,
    escalated,
    failures,
    durationMs: Math.round(performance.now() - started),
    ...(engines ? { engines } : {}),
  };
}
