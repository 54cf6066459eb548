/**
 * `switchboard bench load`: N concurrent conversations drive the HTTP API over loopback, each
 * sending `--turns` messages one after another with `?wait=true`, against a server whose engine
 * takes `--engine-latency-ms` per turn. Reports throughput against the ideal (every conversation
 * always has a turn in the engine: N / latency turns per second) and the latency the platform adds
 * on top of the engine's (p50/p95/p99), and errors.
 *
 * Without `--url` it starts `switchboard serve` as a child process (in-memory PGlite unless
 * `--db`; in-process queue unless `--redis`) with rate limits off, and stops it afterwards.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, Option } from 'commander';
import type { BenchEngine } from '@switchboard/server';
import type { Command } from 'commander';
import { commandGroup } from './eval-triage.js';
import type { CommandIo } from './eval-triage.js';
import { loadReportText, runLoad } from './load-driver.js';
import type { LoadReport } from './load-driver.js';

interface BenchLoadFlags {
  conversations: number;
  engineLatencyMs: number;
  turns: number;
  rampMs?: number;
  engine: BenchEngine;
  url?: string;
  db?: string;
  redis?: string;
  workers?: number;
  workerProcesses?: number;
  serverCpuProf?: string;
  json?: boolean;
}

function positive(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a positive integer');
  return parsed;
}

function whole(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return parsed;
}

const BIN = fileURLToPath(new URL('../../bin/switchboard.js', import.meta.url));

/** Starts `switchboard worker` processes (split deployment); resolves when each is ready. */
async function startWorkers(flags: BenchLoadFlags & { db: string; redis: string }, count: number): Promise<ChildProcess[]> {
  const perWorker = String(Math.max(64, Math.ceil((flags.conversations * 2) / count)));
  return Promise.all(
    Array.from({ length: count }, () => {
      const child = spawn(process.execPath, [BIN, 'worker', '--db', flags.db, '--redis', flags.redis, '--concurrency', perWorker, '--engine-latency-ms', String(flags.engineLatencyMs), '--engine', flags.engine, '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'inherit'] });
      return new Promise<ChildProcess>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) resolve(child);
        });
        child.once('exit', (code) => reject(new Error(`a benchmark worker exited (${String(code)})`)));
      });
    }),
  );
}

/** Resolves when `child` has exited, or after `timeoutMs` (milliseconds) at the latest. */
function stopped(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Linux clock ticks per second (`getconf CLK_TCK`, 100 on every mainstream kernel). */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used, in milliseconds, from `/proc/<pid>/stat`; `undefined` where there is no procfs. */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of proc(5))
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** Starts `switchboard serve` for the benchmark. @returns its URL and the child process. */
async function startServer(flags: BenchLoadFlags): Promise<{ url: string; child: ChildProcess; queue: string; database: string }> {
  const bin = BIN;
  const workers = flags.workerProcesses ? 0 : (flags.workers ?? Math.max(256, flags.conversations * 2));
  const args = [bin, 'serve', '--port', '0', '--ready-json', '--no-rate-limit', '--log-level', 'warn', '--engine-latency-ms', String(flags.engineLatencyMs), '--engine', flags.engine, '--workers', String(workers)];
  args.push(...(flags.db ? ['--db', flags.db] : ['--memory']), ...(flags.redis ? ['--redis', flags.redis] : []));
  const env = { ...process.env };
  if (!flags.redis) delete env.REDIS_URL;
  const profile = flags.serverCpuProf === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${flags.serverCpuProf}`];
  const child = spawn(process.execPath, [...profile, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve({ child, ...(JSON.parse(line) as { url: string; queue: string; database: string }) });
    });
    child.once('exit', (code) => reject(new Error(`the benchmark server exited (${String(code)}): ${stderr}`)));
  });
}

/** Registers `bench load`. */
export function registerBenchLoadCommand(program: Command, io: CommandIo): void {
  commandGroup(program, { name: 'bench', description: 'measure speed and size' })
    .command('load')
    .description('drive the HTTP API with N concurrent conversations and report throughput, added latency and errors')
    .option('--conversations <n>', 'concurrent conversations', positive, 100)
    .option('--engine-latency-ms <ms>', 'simulated engine time per turn', whole, 1000)
    .addOption(new Option('--engine <engine>', 'the started server\'s engine: `simulated` only waits the engine latency and gives a fixed reply (what the platform adds); `local` runs the local dialogue engine and adds the latency').choices(['simulated', 'local']).default('simulated'))
    .option('--turns <n>', 'messages per conversation, sent one after another', positive, 5)
    .option('--ramp-ms <ms>', 'spread the conversations\' first messages over this many milliseconds (default: the engine latency; 0 = all at once)', whole)
    .option('--url <url>', 'drive a running server instead of starting one (it must simulate the same engine latency)')
    .option('--db <url>', 'PostgreSQL for the started server (default: in-memory PGlite)')
    .option('--redis <url>', 'Redis for the started server (BullMQ queue and pub/sub, worker in the same process)')
    .option('--workers <n>', 'turns the started server runs at once (default: max(256, 2 × conversations))', positive)
    .option('--worker-processes <n>', 'split deployment: the started server is API-only and N `switchboard worker` processes run the turns (needs --db and --redis)', positive)
    .option('--server-cpu-prof <dir>', 'write a V8 CPU profile (.cpuprofile) of the started server into <dir> when it stops')
    .option('--json', 'print exactly one JSON object')
    .action(async (flags: BenchLoadFlags) => {
      if (flags.workerProcesses && !(flags.db && flags.redis)) throw new InvalidArgumentError('--worker-processes needs --db and --redis');
      const workers = flags.workerProcesses && flags.db && flags.redis && !flags.url ? await startWorkers({ ...flags, db: flags.db, redis: flags.redis }, flags.workerProcesses) : [];
      let server: Awaited<ReturnType<typeof startServer>> | undefined;
      let report: LoadReport;
      try {
        server = flags.url ? undefined : await startServer(flags);
        const serverPid = server?.child.pid;
        report = await runLoad({ url: flags.url ?? server?.url ?? '', conversations: flags.conversations, turns: flags.turns, engineLatencyMs: flags.engineLatencyMs, ...(flags.rampMs === undefined ? {} : { rampMs: flags.rampMs }), serverCpuMs: () => processCpuMs(serverPid) });
      } finally {
        for (const child of [...(server ? [server.child] : []), ...workers]) child.kill('SIGTERM');
        // Let them stop (and write their CPU profiles) before this process exits; at most 10 s.
        await Promise.all([...(server ? [server.child] : []), ...workers].map((child) => stopped(child, 10_000)));
      }
      const full = { ...report, server: server ? { database: server.database, queue: server.queue, engine: flags.engine, workerProcesses: workers.length, started: true } : { url: flags.url, started: false }, node: process.version };
      io.stdout.write(flags.json ? `${JSON.stringify(full)}\n` : `${loadReportText(report)}\n`);
    });
}
