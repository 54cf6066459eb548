/**
 * τ-bench retail commands: `switchboard import tau-retail --from DIR` (load the τ store into the
 * database) and `switchboard eval tau-tools` (gold actions through our tools, compared with τ).
 */
import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import { InvalidInputError } from '@switchboard/core';
import { loadTauRetailStore, readTauExpected, readTauTasks } from '@switchboard/demo-store';
import { createDatabaseTauStore, createMemoryTauStore, runTauTools, type TauEvalStore, type TauToolsReport } from '@switchboard/eval';
import { openDatabase, type Database, type OpenDatabaseOptions } from '@switchboard/stores';
import { commandGroup, type CommandIo } from './eval-triage.js';

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
}
