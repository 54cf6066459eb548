/**
 * τ-bench retail commands: `switchboard import tau-retail --from DIR` (load the τ store into the
 * database), `switchboard eval tau-tools` (gold actions through our tools, compared with τ) and
 * `switchboard eval tau` (the desk against a scripted customer, pass^k).
 */
import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import { InvalidInputError } from '@switchboard/core';
import { loadTauRetailStore, readTauExpected, readTauTasks } from '@switchboard/demo-store';
import { createDatabaseTauStore, createMemoryTauStore, runTau, runTauTools, type TauEvalStore, type TauReport, type TauToolsReport } from '@switchboard/eval';
import { resolveLlmConfig, type EngineKind, type Environment } from '@switchboard/engines';
import { openDatabase, type Database, type OpenDatabaseOptions } from '@switchboard/stores';
import { commandGroup, type CommandIo } from './eval-triage.js';
import { engineOption } from './llm.js';

/** Storage flags, as on the other commands. */
interface StorageFlags {
  db?: string;
  dataDir?: string;
  memory?: boolean;
}

/** Parsed flags of `import tau-retail`. */
export interface ImportTauFlags extends StorageFlags {
  from: string;
  json?: boolean;
}

/** Parsed flags of `eval tau-tools`. */
export interface EvalTauToolsFlags {
  tasks: string;
  expected: string;
  /** The τ store directory (users.json, orders.json, products.json). @defaultValue the tasks file's directory */
  dataDir?: string;
  store: 'memory' | 'pglite' | 'postgres';
  db?: string;
  json?: boolean;
}

/** Parsed flags of `eval tau`. */
export interface EvalTauFlags {
  tasks: string;
  expected: string;
  /** The τ store directory. @defaultValue the tasks file's directory */
  dataDir?: string;
  /** Trials per task (K). @defaultValue 1 */
  trials: number;
  /** Seed of the customers' phrasing. @defaultValue 0 */
  seed: number;
  /** Comma-separated task indexes to run (all when absent). */
  only?: string;
  /** Engine of every role without its own `SWITCHBOARD_ENGINE_<ROLE>`. @defaultValue local (no model) */
  engine?: EngineKind;
  json?: boolean;
}

/**
 * Runs `eval tau`: every task (or `--only` ones) `--trials` times against the demo desk (in-memory
 * stores, no refund limit) with the scripted customer; the local engine, or with `--engine
 * llm|hybrid` the models `env` configures (`SWITCHBOARD_MODEL[_<ROLE>]`, provider keys).
 * @param env - the environment the models are configured from (the CLI passes `process.env`). @defaultValue {}
 * @throws ConfigurationError `CONFIG_INVALID` before any file is read when `--engine` selects a role
 *   without a configured model; the message names the variable (`SWITCHBOARD_MODEL_TRIAGE`, `OPENAI_API_KEY`…).
 * @throws InvalidInputError `DATA_MISSING` / `INVALID_INPUT` for unreadable or malformed files, `--trials` < 1 or a bad `--only`.
 */
export async function runEvalTau(flags: EvalTauFlags, env: Environment = {}): Promise<TauReport> {
  // Fail fast, before reading τ's files or training the classifier.
  if (flags.engine !== undefined) resolveLlmConfig({ env, engine: flags.engine });
  const tasks = readTauTasks(flags.tasks);
  const expected = readTauExpected(flags.expected);
  const snapshot = loadTauRetailStore(flags.dataDir ?? dirname(flags.tasks));
  const only = flags.only?.split(',').map((part) => Number(part.trim()));
  if (only?.some((index) => !Number.isInteger(index) || index < 0 || index >= tasks.length)) {
    throw new InvalidInputError('INVALID_INPUT', `--only takes task indexes between 0 and ${tasks.length - 1}, separated by commas`, { details: { field: 'only' } });
  }
  return runTau({ tasks, expected, snapshot, trials: flags.trials, seed: flags.seed, ...(only ? { only } : {}), ...(flags.engine ? { engine: { kind: flags.engine, env } } : {}) });
}

/** Human-readable summary of an `eval tau` report. */
export function formatTauReport(report: TauReport): string {
  const hats = Object.entries(report.passHat).map(([k, value]) => `pass^${k} ${value.toFixed(3)}`).join(', ');
  const lines = [
    `tau: ${report.tasks} tasks × ${report.trials} trials: ${hats}; ${report.avgTurns.toFixed(2)} customer messages per trial, ${report.escalated} escalated, ${report.durationMs} ms`,
    ...(report.engines
      ? [
        `engines: ${report.engines.roles.join(' · ')}`,
        `triage decided by ${Object.entries(report.engines.triageDecidedBy).map(([by, count]) => `${by} ${count}`).join(', ')}; ${report.engines.modelCalls} model calls, ${report.engines.tokens.input + report.engines.tokens.output} tokens, $${report.engines.costUsd.toFixed(4)}; ${report.engines.fallbacks} fallbacks to local`,
      ]
      : []),
    ...report.failures.slice(0, 10).map((failure) => `  task ${failure.index} ${failure.reason}`),
  ];
  if (report.failures.length > 10) lines.push(`  … ${report.failures.length - 10} more failed trials (--json lists them all)`);
  return lines.join('\n');
}

const positiveInteger = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidInputError('INVALID_INPUT', '--trials must be a whole number of at least 1', { details: { field: 'trials' } });
  return parsed;
};
const integer = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new InvalidInputError('INVALID_INPUT', '--seed must be a whole number', { details: { field: 'seed' } });
  return parsed;
};

/** The PostgreSQL schema `eval tau-tools --store postgres` works in, so it never replaces the desk's own store. */
export const TAU_EVAL_SCHEMA = 'switchboard_tau_eval';

/** Storage from flags, then `DATABASE_URL`, then the PGlite directory. */
function openStorage(flags: StorageFlags): Promise<Database> {
  if (flags.memory) return openDatabase({ inMemory: true });
  const url = flags.db ?? process.env.DATABASE_URL;
  const options: OpenDatabaseOptions = url ? { url } : flags.dataDir ? { dataDir: flags.dataDir } : {};
  return openDatabase(options);
}

/**
 * Loads the τ store of `flags.from` and replaces the database's store with it.
 * @returns the imported counts and the database kind.
 * @throws InvalidInputError `DATA_MISSING` / `INVALID_INPUT` from `loadTauRetailStore` (nothing is replaced).
 * @throws StoreError `STORE_FAILED` when the database cannot be opened or written.
 */
export async function runImportTau(flags: ImportTauFlags): Promise<{ users: number; orders: number; products: number; database: string }> {
  const snapshot = loadTauRetailStore(flags.from);
  const database = await openStorage(flags);
  try {
    await database.commerce.dangerouslyReplaceAll(snapshot);
    return { ...(await database.commerce.counts()), database: database.kind };
  } finally {
    await database.close();
  }
}

/**
 * Runs `eval tau-tools` on the store the flags name: in memory (default), a throwaway in-memory
 * PGlite, or PostgreSQL at `--db` in schema {@link TAU_EVAL_SCHEMA}; each task starts from a fresh
 * import of the τ store.
 * @throws InvalidInputError `DATA_MISSING` for an unreadable file, `INVALID_INPUT` for a malformed one
 *   or `--store postgres` without `--db`.
 */
export async function runEvalTauTools(flags: EvalTauToolsFlags): Promise<TauToolsReport> {
  const tasks = readTauTasks(flags.tasks);
  const expected = readTauExpected(flags.expected);
  const snapshot = loadTauRetailStore(flags.dataDir ?? dirname(flags.tasks));
  let database: Database | undefined;
  let store: TauEvalStore = createMemoryTauStore();
  if (flags.store === 'pglite') database = await openDatabase({ inMemory: true });
  if (flags.store === 'postgres') {
    // Never DATABASE_URL implicitly: the eval replaces the store it runs on.
    if (flags.db === undefined) throw new InvalidInputError('INVALID_INPUT', '--store postgres needs --db <url>', { details: { field: 'db' } });
    database = await openDatabase({ url: flags.db, schema: TAU_EVAL_SCHEMA });
  }
  if (database !== undefined) store = createDatabaseTauStore(database);
  try {
    return await runTauTools({ tasks, expected, snapshot, store });
  } finally {
    await database?.close();
  }
}

/** Human-readable summary of a report (what `eval tau-tools` prints without `--json`). */
export function formatTauToolsReport(report: TauToolsReport): string {
  const lines = [
    `tau-tools (${report.store}): ${report.stateMatches}/${report.tasks} end states match, step agreement ${report.stepAgreement.toFixed(4)} over ${report.steps} steps, ${report.durationMs} ms`,
    ...report.mismatches.slice(0, 10).map((mismatch) => `  task ${mismatch.index} ${mismatch.table} ${mismatch.id}: ${JSON.stringify(mismatch.diff.slice(0, 3))}`),
  ];
  if (report.mismatches.length > 10) lines.push(`  … ${report.mismatches.length - 10} more mismatches (--json lists them all)`);
  return lines.join('\n');
}

/** Registers `import tau-retail` and `eval tau-tools` (creating the `import` and `eval` groups when missing). */
export function registerTauCommands(program: Command, io: CommandIo): void {
  commandGroup(program, { name: 'import', description: 'import external data into the database' })
    .command('tau-retail')
    .description('replace the store (users, orders, products) with the τ-bench retail store of --from')
    .requiredOption('--from <dir>', 'τ-bench retail directory holding users.json, orders.json, products.json')
    .option('--db <url>', 'PostgreSQL URL (default: $DATABASE_URL, else embedded PGlite)')
    .option('--data-dir <dir>', 'PGlite data directory', '.switchboard/db')
    .option('--memory', 'use a throwaway in-memory database')
    .option('--json', 'print exactly one JSON object')
    .action(async (flags: ImportTauFlags) => {
      const result = await runImportTau(flags);
      io.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : `imported τ-bench retail into ${result.database}: ${result.users} users, ${result.orders} orders, ${result.products} products\n`);
    });

  commandGroup(program, { name: 'eval', description: 'evaluate the desk against labelled data' })
    .command('tau-tools')
    .description('replay each τ-bench task\u2019s gold actions through our tools and compare every step and the end state with --expected')
    .requiredOption('--tasks <file>', 'τ tasks file (tasks_train.json, tasks_dev.json)')
    .requiredOption('--expected <file>', 'τ expected end states (expected/expected_train.json …)')
    .option('--data-dir <dir>', 'τ store directory (users.json, orders.json, products.json); default: the tasks file\u2019s directory')
    .addOption(new Option('--store <kind>', 'store each task runs on, re-imported per task').choices(['memory', 'pglite', 'postgres']).default('memory'))
    .option('--db <url>', `PostgreSQL URL for --store postgres (uses schema ${TAU_EVAL_SCHEMA})`)
    .option('--json', 'print exactly one JSON object')
    .action(async (flags: EvalTauToolsFlags) => {
      const report = await runEvalTauTools(flags);
      io.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : `${formatTauToolsReport(report)}\n`);
    });

  commandGroup(program, { name: 'eval', description: 'evaluate the desk against labelled data' })
    .command('tau')
    .description('play each τ-bench task --trials times against the desk with a scripted customer; pass^k from the end states (and required outputs)')
    .requiredOption('--tasks <file>', 'τ tasks file (tasks_train.json, tasks_dev.json)')
    .requiredOption('--expected <file>', 'τ expected end states (expected/expected_train.json …)')
    .option('--data-dir <dir>', 'τ store directory (users.json, orders.json, products.json); default: the tasks file\u2019s directory')
    .option('--trials <k>', 'trials per task (K)', positiveInteger, 1)
    .option('--seed <s>', 'seed of the customers\u2019 phrasing', integer, 0)
    .option('--only <indexes>', 'only these task indexes, comma-separated')
    .addOption(engineOption())
    .option('--json', 'print exactly one JSON object')
    .action(async (flags: EvalTauFlags) => {
      const report = await runEvalTau(flags, process.env);
      io.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : `${formatTauReport(report)}\n`);
    });
}
