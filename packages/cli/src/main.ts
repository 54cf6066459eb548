/**
 * The `switchboard` command line: thin commands around library calls.
 * Exit codes: 0 success, 1 failure, 2 bad usage or input.
 */
import { Command, InvalidArgumentError } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJsonSchemas, SwitchboardError } from '@switchboard/core';
import { runChat } from './commands/chat.js';
import { registerTriageCommands } from './commands/eval-triage.js';
import { formatReplayReport, runReplay } from './commands/replay.js';
import { registerTauCommands } from './commands/tau.js';
import { registerMcpCommands } from './commands/mcp.js';
import { registerScenarioCommands } from './commands/eval-scenarios.js';
import { registerBenchQaCommands } from './commands/bench-qa.js';
// Service platform (issue 6): `serve`, `start`, `worker`, `operators`, `bench load`.
import { registerServeCommands } from './commands/serve.js';
import { registerWorkerCommand } from './commands/worker.js';
import { registerOperatorCommands } from './commands/operators.js';
import { registerBenchLoadCommand } from './commands/bench-load.js';
import { createDeskRuntime, openSeededDatabase, type RuntimeOptions } from './runtime.js';
// LLM engine (issue 7): `--engine` on chat and replay, `switchboard llm …`, `switchboard bench orchestration`.
import { createSelectedRuntime, engineOption, registerLlmCommands, withLlmTrace, type EngineSelection } from './commands/llm.js';
import { registerBenchOrchestrationCommands } from './commands/bench-orchestration.js';

function positiveInteger(value: string): number {
  const parsed = Number.parseInt(value, 10);
  if (!Number.isInteger(parsed) || parsed <= 0 || String(parsed) !== value.trim()) throw new InvalidArgumentError('expected a positive integer');
  return parsed;
}

interface StorageFlags {
  db?: string;
  dataDir?: string;
  memory?: boolean;
}

/** Storage from flags, then `DATABASE_URL`, then the default `.switchboard/db`. */
function storageOptions(flags: StorageFlags): RuntimeOptions {
  if (flags.memory) return { inMemory: true };
  const url = flags.db ?? process.env.DATABASE_URL;
  if (url) return { databaseUrl: url };
  return flags.dataDir ? { dataDir: flags.dataDir } : {};
}

const withStorage = (command: Command): Command =>
  command
    .option('--db <url>', 'PostgreSQL URL (default: $DATABASE_URL, else embedded PGlite)')
    .option('--data-dir <dir>', 'PGlite data directory', '.switchboard/db')
    .option('--memory', 'use a throwaway in-memory database');

/** Builds the program. Exposed for tests. */
export function buildProgram(io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; stdin: NodeJS.ReadableStream }): Command {
  const program = new Command('switchboard').description('Switchboard — multi-agent customer-support desk').exitOverride();
  program.configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  withStorage(program.command('chat').description('talk to the demo desk in the terminal').option('--customer <email>', 'start signed in as this store customer').addOption(engineOption())).action(
    async (flags: StorageFlags & EngineSelection & { customer?: string }) => {
      const runtime = await createSelectedRuntime(createDeskRuntime, { ...storageOptions(flags), ...(flags.engine ? { engine: flags.engine } : {}), env: process.env });
      try {
        await runChat({ runtime: withLlmTrace(runtime, io.stdout), input: io.stdin, output: io.stdout, ...(flags.customer ? { customerEmail: flags.customer } : {}) });
      } finally {
        await runtime.close();
      }
    },
  );

  withStorage(
    program
      .command('replay')
      .description('replay each row of a CSV/JSONL file as a new one-turn conversation')
      .requiredOption('--data <file>', 'CSV or JSONL file')
      .option('--text <column>', 'column holding the customer text', 'text')
      .option('--label <column>', 'column holding an intent or category label (scores routing)')
      .option('--limit <n>', 'replay only the first N rows', positiveInteger)
      .option('--json', 'print exactly one JSON object')
      .addOption(engineOption()),
  ).action(async (flags: StorageFlags & EngineSelection & { data: string; text: string; label?: string; limit?: number; json?: boolean }) => {
    // A replay is an evaluation: it uses a throwaway database unless --db names one explicitly.
    const runtime = await createSelectedRuntime(createDeskRuntime, { ...(flags.db ? { databaseUrl: flags.db } : { inMemory: true }), ...(flags.engine ? { engine: flags.engine } : {}), env: process.env });
    try {
      const report = await runReplay({ runtime, data: flags.data, text: flags.text, ...(flags.label ? { label: flags.label } : {}), ...(flags.limit ? { limit: flags.limit } : {}) });
      io.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : `${formatReplayReport(report)}\n`);
    } finally {
      await runtime.close();
    }
  });

  withStorage(program.command('customers').description('list a few store customers to try the desk with').option('--limit <n>', 'how many', positiveInteger, 5)).action(
    async (flags: StorageFlags & { limit: number }) => {
      const database = await openSeededDatabase(storageOptions(flags));
      try {
        for (const userId of await database.commerce.listUserIds({ limit: flags.limit })) {
          const user = await database.commerce.getUser(userId);
          if (user) io.stdout.write(`${user.email}  ${user.name.first_name} ${user.name.last_name}  zip ${user.address.zip}  orders: ${user.orders.join(', ') || 'none'}\n`);
        }
      } finally {
        await database.close();
      }
    },
  );

  program
    .command('schemas')
    .description('write the JSON Schemas of the public contracts (HandoffPayload v1, EscalationPacket…)')
    .option('--out <dir>', 'directory to write', 'schemas')
    .action((flags: { out: string }) => {
      mkdirSync(flags.out, { recursive: true });
      for (const [name, schema] of Object.entries(exportJsonSchemas())) writeFileSync(join(flags.out, name), `${JSON.stringify(schema, null, 2)}\n`);
      io.stdout.write(`wrote ${Object.keys(exportJsonSchemas()).length} schemas to ${flags.out}\n`);
    });

  withStorage(program.command('migrate').description('create or upgrade the database schema')).action(async (flags: StorageFlags) => {
    const database = await openSeededDatabase(storageOptions(flags));
    try {
      const counts = await database.commerce.counts();
      io.stdout.write(`database ready (${database.kind}); store: ${counts.users} users, ${counts.orders} orders, ${counts.products} products\n`);
    } finally {
      await database.close();
    }
  });
  registerTriageCommands(program, io);
  registerTauCommands(program, io);
  registerMcpCommands(program);
  registerScenarioCommands(program, io);
  registerBenchQaCommands(program, io);
  registerServeCommands(program, io);
  registerWorkerCommand(program, io);
  registerOperatorCommands(program, io);
  registerBenchLoadCommand(program, io);
  registerLlmCommands(program, { ...io, createRuntime: (options) => createSelectedRuntime(createDeskRuntime, { ...options, env: process.env }) });
  registerBenchOrchestrationCommands(program, io);
  return program;
}

/** Runs the CLI; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof Error && 'exitCode' in error && typeof error.exitCode === 'number' && 'code' in error && String(error.code).startsWith('commander.')) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof SwitchboardError) {
      process.stderr.write(`switchboard: ${error.code}: ${error.message}\n`);
      return error.code === 'INTERNAL' ? 1 : 2;
    }
    process.stderr.write(`switchboard: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
