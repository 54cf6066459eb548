/**
 * `npm start`'s prestart step: builds the console (`vite build` into `apps/console/dist`) when the
 * build is missing or older than its sources — the app, its HTML entries and Vite config, and the
 * protocol schemas it bundles from `packages/core/src` — so a fresh `npm ci && npm start` serves
 * the widget and the console. Does nothing (in ~50 ms) when the build is current.
 * Run with `node --import tsx apps/console/scripts/ensure-build.ts`; exits non-zero when the build fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(app, '..', '..');
const OUTPUTS = ['index.html', 'console.html'].map((file) => join(app, 'dist', file));
const SOURCES = [join(app, 'src'), join(app, 'index.html'), join(app, 'console.html'), join(app, 'vite.config.ts'), join(app, 'package.json'), join(repo, 'packages', 'core', 'src')];

/** Newest modification time under `path` (a file or a directory), in epoch milliseconds; 0 when missing. */
function newestMtimeMs(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtimeMs(join(path, name))), stats.mtimeMs);
}

/** Oldest output's time, or 0 when one is missing. */
function builtAtMs(): number {
  return Math.min(...OUTPUTS.map((file) => newestMtimeMs(file)));
}

const built = builtAtMs();
const changed = Math.max(...SOURCES.map(newestMtimeMs));
if (built > 0 && built >= changed) process.exit(0);

process.stdout.write(built === 0 ? 'Building the web console (first start)…\n' : 'The web console changed since its last build: rebuilding…\n');
const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent', '-w', 'apps/console'], { cwd: repo, stdio: 'inherit' });
process.exit(result.status ?? 1);
