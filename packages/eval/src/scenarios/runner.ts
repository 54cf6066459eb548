/**
 * Runs scenarios against a desk: one runtime per run (shared for speed), a fresh conversation and
 * fresh circuit breakers per scenario (so scenarios never depend on each other), step-by-step
 * checks, and a report with one `{name, step, expected, actual}` entry per unmet expectation.
 */
import {
  claimTicket,
  createCircuitBreakers,
  InvalidInputError,
  SwitchboardError,
  replyAsOperator,
  resolveTicket,
  returnToBot,
  runTurn,
  toSwitchboardError,
  type Conversation,
  type DeskConfig,
  type OperatorPorts,
  type TurnOutcome,
  type TurnPorts,
  type User,
} from '@switchboard/core';
import { checkState, checkTurn, type Mismatch } from './checks.js';
import { withAgentDoubles, withToolDoubles, withTriageOverride } from './doubles.js';
import { createStoreFacts, fillPlaceholders, loadPlaceholderContext, type FactsCommerce, type PlaceholderContext, type StoreFacts } from './facts.js';
import { loadScenarios, type LoadedScenario } from './loader.js';
import type { CustomerStep, OperatorStep, Scenario, ScenarioFailure, ScenarioReport } from './schema.js';

/**
 * The desk a scenario run needs — what `createDeskRuntime` of the CLI returns. Turns run through
 * core's `runTurn` with these ports (plus the scenario's doubles), the same entry point every
 * channel uses.
 */
export interface ScenarioRuntime {
  desk: Readonly<DeskConfig>;
  ports: TurnPorts;
  database: { commerce: FactsCommerce };
  startConversation(options?: { channel?: string; customerEmail?: string }): Promise<Conversation>;
  close(): Promise<void>;
}

/** Options of {@link runScenarios}: a directory or already loaded scenarios, and how to build the desk. */
export interface RunScenariosOptions {
  /** Directory of `*.json` scenario files. Exactly one of `dir` and `scenarios`. */
  dir?: string;
  scenarios?: readonly LoadedScenario[];
  /** Opens the desk once for the whole run; closed at the end. */
  createRuntime: () => Promise<ScenarioRuntime>;
  /** Run only the scenarios with these names. @defaultValue all */
  only?: readonly string[];
}

const DEFAULT_OPERATOR = 'op_scenario';

/** Everything one scenario run works with. */
interface ScenarioRun {
  runtime: ScenarioRuntime;
  ports: TurnPorts;
  conversationId: string;
  context: PlaceholderContext;
}

const failure = (name: string, step: number) => (mismatch: Mismatch): ScenarioFailure => ({ name, step, ...mismatch });

function describeError(error: unknown): string {
  if (error instanceof SwitchboardError) return `threw ${error.code}: ${error.message}`;
  return `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}

async function stateMismatches(run: ScenarioRun, step: CustomerStep | OperatorStep): Promise<Mismatch[]> {
  if (step.expect.conversationStatus === undefined && step.expect.ticketStatus === undefined) return [];
  const conversation = await run.runtime.ports.conversations.get(run.conversationId);
  const ticketId = conversation?.ticketId ?? run.context.ticketId;
  const ticket = ticketId === undefined ? undefined : await run.runtime.ports.tickets.get(ticketId);
  return checkState(step.expect, { conversationStatus: conversation?.status, ticket });
}

/** A thrown step: a mismatch unless the step expected exactly that error code. */
function errorMismatches(expected: string | undefined, error: unknown): Mismatch[] {
  const code = toSwitchboardError(error).code;
  if (expected === undefined) return [{ expected: 'the step completes', actual: describeError(error) }];
  return code === expected ? [] : [{ expected: `error ${expected}`, actual: describeError(error) }];
}

async function customerStep(run: ScenarioRun, step: CustomerStep): Promise<Mismatch[]> {
  const fill = (text: string) => fillPlaceholders(text, run.context);
  const text = fill(step.customer).repeat(step.repeat ?? 1);
  const ports = step.triageOverride ? { ...run.ports, triager: withTriageOverride(run.ports.triager, step.triageOverride, run.runtime.desk.routing.intentCategory) } : run.ports;
  const before = (await ports.conversations.listMessages(run.conversationId)).length;
  let outcome: TurnOutcome;
  try {
    outcome = await runTurn({ ports, desk: run.runtime.desk, input: { conversationId: run.conversationId, text } });
  } catch (error) {
    const mismatches = errorMismatches(step.expect.error, error);
    if (step.expect.error === undefined) return mismatches;
    const after = (await ports.conversations.listMessages(run.conversationId)).length;
    if (after !== before) mismatches.push({ expected: 'nothing stored for a refused message', actual: `${after - before} message(s) stored` });
    return mismatches;
  }
  if (step.expect.error !== undefined) return [{ expected: `error ${step.expect.error}`, actual: `the turn completed (outcome ${outcome.outcome})` }];
  if (outcome.ticket) run.context.ticketId = outcome.ticket.id;
  const events = (await ports.events.list(run.conversationId)).filter((event) => event.turnId === outcome.turnId);
  const observation = { outcome: outcome.outcome, replies: outcome.replies, events, ticket: outcome.ticket };
  return [...checkTurn(step.expect, observation, fill), ...(await stateMismatches(run, step))];
}

async function operatorStep(run: ScenarioRun, step: OperatorStep, customer: User): Promise<Mismatch[]> {
  const { ports: turnPorts } = run.runtime;
  const ports: OperatorPorts = { conversations: turnPorts.conversations, tickets: turnPorts.tickets, events: turnPorts.events, clock: turnPorts.clock, ids: turnPorts.ids };
  const ticketId = (await turnPorts.conversations.get(run.conversationId))?.ticketId ?? run.context.ticketId;
  if (ticketId === undefined) return [{ expected: `a ticket to ${step.operator.action}`, actual: 'the desk opened no ticket in this scenario' }];
  const operatorId = step.operator.operatorId ?? DEFAULT_OPERATOR;
  const { action, text, note, verifyCustomer, resumeIntent } = step.operator;
  try {
    switch (action) {
      case 'claim':
        if ((await claimTicket({ ports, ticketId, operatorId })) === undefined) return [{ expected: `operator claims ticket ${ticketId}`, actual: 'the ticket was not open (claimed or resolved already)' }];
        break;
      case 'reply':
        await replyAsOperator({ ports, ticketId, operatorId, text: fillPlaceholders(text ?? '', run.context) });
        break;
      case 'resolve':
        await resolveTicket({ ports, ticketId, operatorId, ...(note === undefined ? {} : { note }) });
        break;
      case 'return_to_bot':
        await returnToBot({ ports, ticketId, operatorId, note: note ?? 'Returned to the bot', ...(verifyCustomer ? { verifiedCustomerId: customer.user_id } : {}), ...(resumeIntent ? { resumeIntent } : {}) });
        break;
    }
  } catch (error) {
    return errorMismatches(step.expect.error, error);
  }
  if (step.expect.error !== undefined) return [{ expected: `error ${step.expect.error}`, actual: `${action} succeeded` }];
  return stateMismatches(run, step);
}

/** Starts the scenario's conversation: signed in or anonymous, with the setup's account flags. */
async function startScenario(runtime: ScenarioRuntime, input: { scenario: Scenario; customer: User }): Promise<string> {
  const { setup } = input.scenario;
  const started = await runtime.startConversation({ channel: 'scenario', ...(setup.signedInAs ? { customerEmail: input.customer.email } : {}) });
  if (setup.accountFlags === undefined) return started.id;
  const saved = await runtime.ports.conversations.save({ ...started, accountFlags: [...setup.accountFlags] });
  return saved.id;
}

/**
 * Runs one scenario on `runtime`; stops at the first step with an unmet expectation (later steps
 * would only repeat it).
 * @returns the scenario's failures (empty when it passed).
 */
export async function runScenario(options: { scenario: Scenario; runtime: ScenarioRuntime; facts: StoreFacts }): Promise<ScenarioFailure[]> {
  const { scenario, runtime, facts } = options;
  let stepNumber = 0;
  try {
    const customer = await facts.customer(scenario.setup.signedInAs ?? scenario.setup.customer ?? 'customer_with_orders');
    const context = await loadPlaceholderContext(facts, { customer, otherCustomer: await facts.otherThan(customer) });
    const ports: TurnPorts = {
      ...runtime.ports,
      breakers: createCircuitBreakers({ clock: runtime.ports.clock, ...runtime.desk.escalation.circuitBreaker }),
      engine: withAgentDoubles(runtime.ports.engine, scenario.setup),
      tools: withToolDoubles(runtime.ports.tools, scenario.setup),
    };
    const run: ScenarioRun = { runtime, ports, conversationId: await startScenario(runtime, { scenario, customer }), context };
    for (const step of scenario.steps) {
      stepNumber += 1;
      const mismatches = 'operator' in step ? await operatorStep(run, step, customer) : await customerStep(run, step);
      if (mismatches.length > 0) return mismatches.map(failure(scenario.name, stepNumber));
    }
    return [];
  } catch (error) {
    return [failure(scenario.name, stepNumber)({ expected: stepNumber === 0 ? 'the setup succeeds' : 'the step runs', actual: describeError(error) })];
  }
}

/**
 * Loads and runs a scenario suite on one desk runtime.
 * @returns `{ scenarios, passed, failed }`: scenarios run (broken files count as failed scenarios),
 *   how many passed, and every unmet expectation.
 * @throws InvalidInputError `DATA_MISSING` when `dir` is not a readable directory;
 *   `INVALID_INPUT` when neither or both of `dir` and `scenarios` are given.
 * @example
 * ```ts
 * const report = await runScenarios({ dir: 'scenarios', createRuntime: () => createDeskRuntime({ inMemory: true }) });
 * ```
 */
export async function runScenarios(options: RunScenariosOptions): Promise<ScenarioReport> {
  const suite = resolveSuite(options);
  const wanted = options.only === undefined ? undefined : new Set(options.only);
  const scenarios = suite.scenarios.filter(({ scenario }) => wanted === undefined || wanted.has(scenario.name));
  const problems = suite.problems.filter((problem) => wanted === undefined || wanted.has(problem.name));
  const failed: ScenarioFailure[] = [...problems];
  let passed = 0;
  if (scenarios.length > 0) {
    const runtime = await options.createRuntime();
    try {
      const facts = createStoreFacts({ commerce: runtime.database.commerce, ...(runtime.ports.accounts ? { accounts: runtime.ports.accounts } : {}) });
      for (const { scenario } of scenarios) {
        const failures = await runScenario({ scenario, runtime, facts });
        if (failures.length === 0) passed += 1;
        failed.push(...failures);
      }
    } finally {
      await runtime.close();
    }
  }
  return { scenarios: scenarios.length + problems.length, passed, failed };
}

function resolveSuite(options: RunScenariosOptions): { scenarios: readonly LoadedScenario[]; problems: ScenarioFailure[] } {
  if ((options.dir === undefined) === (options.scenarios === undefined)) {
    throw new InvalidInputError('INVALID_INPUT', 'Give exactly one of dir and scenarios', { details: { field: 'dir' } });
  }
  return options.dir === undefined ? { scenarios: options.scenarios ?? [], problems: [] } : loadScenarios(options.dir);
}
