/**
 * `switchboard serve` (the HTTP API, with an in-process worker unless `--workers 0`) and
 * `switchboard start` (what `npm start` runs: migrate, seed, serve on 127.0.0.1:$PORT, print the
 * URL, the chat page and a fresh operator key).
 */
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { createOperatorKey, createService, randomIds, systemClock } from '@switchboard/server';
import type { BenchEngine, RuntimeOptions, Service, ServiceOptions } from '@switchboard/server';
import type { CommandIo } from './eval-triage.js';

/** Storage flags shared by serve, worker and operators. */
export interface ServiceStorageFlags {
  db?: string;
  dataDir?: string;
  memory?: boolean;
}

/** Storage from flags, then `DATABASE_URL`, then PGlite at `.switchboard/db`. */
export function serviceStorage(flags: ServiceStorageFlags, env: NodeJS.ProcessEnv): RuntimeOptions {
  if (flags.memory) return { inMemory: true };
  const url = flags.db ?? env.DATABASE_URL;
  if (url) return { databaseUrl: url };
  return flags.dataDir ? { dataDir: flags.dataDir } : {};
}

/** Adds `--db`, `--data-dir`, `--memory`. */
export function withServiceStorage(command: Command): Command {
  return command
    .option('--db <url>', 'PostgreSQL URL (default: $DATABASE_URL, else embedded PGlite)')
    .option('--data-dir <dir>', 'PGlite data directory', '.switchboard/db')
    .option('--memory', 'use a throwaway in-memory database');
}

/** A non-negative integer flag. */
export function wholeNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return parsed;
}

/** `--engine local|simulated` of `serve` and `worker` (load benchmarks; see `createSimulatedEngine`). */
export function benchEngineOption(): Option {
  return new Option('--engine <engine>', 'benchmarks: `simulated` replaces the dialogue engine with one that only waits --engine-latency-ms and gives a fixed reply').choices(['local', 'simulated'] satisfies BenchEngine[]);
}

interface ServeFlags extends ServiceStorageFlags {
  redis?: string;
  workers?: number;
  host: string;
  port?: number;
  sensitiveData?: boolean;
  engineLatencyMs?: number;
  engine?: BenchEngine;
  rateLimit: boolean;
  logLevel: string;
  readyJson?: boolean;
}

function serviceOptions(flags: ServeFlags, env: NodeJS.ProcessEnv): ServiceOptions {
  const redisUrl = flags.redis ?? env.REDIS_URL;
  const port = flags.port ?? (env.PORT ? wholeNumber(env.PORT) : 3000);
  return {
    runtime: serviceStorage(flags, env),
    server: { host: flags.host, port, sensitiveData: flags.sensitiveData === true, rateLimitDisabled: !flags.rateLimit, exposeStack: env.NODE_ENV === 'development' },
    queue: { ...(redisUrl ? { redisUrl } : {}), ...(flags.workers === undefined ? {} : { concurrency: flags.workers }) },
    logger: { level: flags.logLevel, sensitiveData: flags.sensitiveData === true },
    ...(flags.engineLatencyMs ? { engineLatencyMs: flags.engineLatencyMs } : {}),
    ...(flags.engine ? { engine: flags.engine } : {}),
  };
}

/** Resolves on SIGINT or SIGTERM. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function withServeOptions(command: Command): Command {
  return withServiceStorage(command)
    .option('--redis <url>', 'Redis URL: BullMQ queue and pub/sub across nodes (default: $REDIS_URL, else in-process)')
    .option('--workers <n>', 'turns this process runs at once; 0 = API only (needs --redis and `switchboard worker`)', wholeNumber)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--port <port>', 'TCP port (default: $PORT, else 3000; 0 picks a free one)', wholeNumber)
    .option('--sensitive-data', 'keep personal data in logs and audit events (never in production)')
    .option('--engine-latency-ms <ms>', 'simulate this much engine time per turn (benchmarks)', wholeNumber)
    .addOption(benchEngineOption())
    .option('--no-rate-limit', 'turn rate limits off (load benchmarks on loopback)')
    .addOption(new Option('--log-level <level>', 'log level').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'))
    .option('--ready-json', 'print one JSON line {"url"} on stdout once listening (for scripts)');
}

async function serveUntilSignal(service: Service, after: (url: string) => Promise<void>): Promise<void> {
  try {
    const url = await service.listen();
    await after(url);
    await untilSignal();
  } finally {
    await service.close();
  }
}

/** The operator `npm start` prints a key for; each start revokes the previous one. */
const LOCAL_OPERATOR = 'local-operator';

/** Registers `serve` and `start`. */
export function registerServeCommands(program: Command, io: CommandIo): void {
  withServeOptions(program.command('serve').description('serve the HTTP API (with an in-process worker unless --workers 0)')).action(async (flags: ServeFlags) => {
    const service = await createService(serviceOptions(flags, process.env));
    await serveUntilSignal(service, (url) => {
      io.stdout.write(flags.readyJson ? `${JSON.stringify({ url, queue: service.context.queue.kind, database: service.runtime.database.kind })}\n` : `switchboard listening on ${url} (database ${service.runtime.database.kind}, queue ${service.context.queue.kind})\n`);
      return Promise.resolve();
    });
  });

  withServeOptions(program.command('start').description('migrate, seed, serve on 127.0.0.1:$PORT and print an operator key (npm start)')).action(async (flags: ServeFlags) => {
    const service = await createService(serviceOptions({ ...flags, logLevel: flags.logLevel === 'info' ? 'warn' : flags.logLevel }, process.env));
    await serveUntilSignal(service, async (url) => {
      const { database } = service.runtime;
      // One live key for the local operator: the one printed now.
      for (const earlier of await database.operatorKeys.list()) if (earlier.name === LOCAL_OPERATOR && earlier.revokedAt === undefined) await database.operatorKeys.revoke({ id: earlier.id, at: systemClock.now().toISOString() });
      const key = await createOperatorKey({ database, name: LOCAL_OPERATOR, clock: systemClock, ids: randomIds });
      io.stdout.write([
        `Switchboard is serving the demo desk on ${url} (database ${service.runtime.database.kind}, queue ${service.context.queue.kind})`,
        `  chat page     ${url}/`,
        `  console       ${url}/console   (sign in with the operator key below)`,
        `  API docs      ${url}/docs`,
        `  operator key  ${key.key}   (shown once; create more with: npm run switchboard -- operators create --name NAME)`,
        '',
        'Try it:',
        `  curl -s -X POST ${url}/v1/conversations -H 'content-type: application/json' -d '{}'`,
        `  curl -s -X POST "${url}/v1/conversations/<id>/messages?wait=true" -H 'authorization: Bearer <token>' -H 'content-type: application/json' -d '{"text":"what is your return policy?"}'`,
        '',
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'));
    });
  });
}
