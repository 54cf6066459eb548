/**
 * `switchboard worker`: a process that takes turns from the BullMQ queue (Redis) and runs them
 * against the shared PostgreSQL database; replies reach customers through Redis pub/sub.
 */
import { ConfigurationError } from '@switchboard/core';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { startWorker } from '@switchboard/server';
import type { WorkerProcess } from '@switchboard/server';
import type { Command } from 'commander';
import type { CommandIo } from './eval-triage.js';
import { benchEngineOption, wholeNumber } from './serve.js';
import type { BenchEngine } from '@switchboard/server';

interface WorkerFlags {
  db?: string;
  redis?: string;
  concurrency: number;
  engineLatencyMs?: number;
  engine?: BenchEngine;
  sensitiveData?: boolean;
  logLevel: string;
  metricsPort?: number;
}

/** Serves the worker's Prometheus metrics (turns, agents, escalations…) on 127.0.0.1:`port`. */
async function serveMetrics(worker: WorkerProcess, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    void worker.metrics.registry.metrics().then((text) => response.writeHead(200, { 'content-type': worker.metrics.registry.contentType }).end(text));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/** Registers `worker`. */
export function registerWorkerCommand(program: Command, io: CommandIo): void {
  program
    .command('worker')
    .description('run turns from the Redis queue (split deployment: serve --workers 0 plus N workers)')
    .option('--db <url>', 'PostgreSQL URL shared with the API nodes (default: $DATABASE_URL)')
    .option('--redis <url>', 'Redis URL (default: $REDIS_URL)')
    .option('--concurrency <n>', 'turns run at once', wholeNumber, 64)
    .option('--engine-latency-ms <ms>', 'simulate this much engine time per turn (benchmarks, crash tests)', wholeNumber)
    .addOption(benchEngineOption())
    .option('--sensitive-data', 'keep personal data in logs and audit events')
    .option('--log-level <level>', 'log level', 'info')
    .option('--metrics-port <port>', 'serve this worker\'s Prometheus metrics on 127.0.0.1:PORT/metrics', wholeNumber)
    .action(async (flags: WorkerFlags) => {
      const databaseUrl = flags.db ?? process.env.DATABASE_URL;
      const redisUrl = flags.redis ?? process.env.REDIS_URL;
      if (!databaseUrl) throw new ConfigurationError('A worker shares the API nodes\' PostgreSQL database: pass --db or set DATABASE_URL', { details: { field: 'db' } });
      if (!redisUrl) throw new ConfigurationError('A worker takes turns from Redis: pass --redis or set REDIS_URL', { details: { field: 'redis' } });
      const worker = await startWorker({
        runtime: { databaseUrl },
        queue: { redisUrl, concurrency: Math.max(1, flags.concurrency) },
        logger: { level: flags.logLevel, sensitiveData: flags.sensitiveData === true },
        sensitiveData: flags.sensitiveData === true,
        ...(flags.engineLatencyMs ? { engineLatencyMs: flags.engineLatencyMs } : {}),
        ...(flags.engine ? { engine: flags.engine } : {}),
      });
      const metrics = flags.metricsPort === undefined ? undefined : await serveMetrics(worker, flags.metricsPort);
      io.stdout.write(`switchboard worker ready (concurrency ${Math.max(1, flags.concurrency)})\n`);
      try {
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
      } finally {
        metrics?.close();
        await worker.close();
      }
    });
}
