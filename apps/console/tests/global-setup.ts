/**
 * Playwright global setup: starts the desk (`tests/desk-server.ts`) as a child process, waits for
 * its ready line (bounded by {@link READY_TIMEOUT_MS}), and hands its URL, operator key and
 * refund customer to the tests through `SWITCHBOARD_TEST_DESK` (JSON). The returned teardown
 * stops that child, and only it. Server logs go to `test-results/console/desk-server.log`.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DeskServerInfo } from './desk-server.js';

/** Longest wait for the desk to migrate, seed the store, train the classifier and listen, in milliseconds. */
const READY_TIMEOUT_MS = 90_000;
const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = join(here, '..', '..', '..');
export const DESK_ENV = 'SWITCHBOARD_TEST_DESK';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const logDir = join(REPO_ROOT, 'test-results', 'console');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, 'desk-server.log'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.REDIS_URL; // the embedded desk: in-process queue and bus
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'desk-server.ts')], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.pipe(log);
  const lines = createInterface({ input: child.stdout });
  const info = await new Promise<DeskServerInfo>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The desk did not start within ${READY_TIMEOUT_MS} ms (see test-results/console/desk-server.log)`)), READY_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`The desk exited with code ${String(code)} before it was ready (see test-results/console/desk-server.log)`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as DeskServerInfo);
    });
  });
  lines.on('line', (line) => log.write(`${line}\n`));
  process.env[DESK_ENV] = JSON.stringify(info);

  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    log.end();
  };
}
