/**
 * Makes sure the browser tests have Debian's Chromium (`npm run test:browser` runs this first), so
 * `npm ci && npm test` works on a fresh Debian machine: `CHROMIUM_PATH`, else `/usr/bin/chromium`;
 * when neither exists and `apt-get` is available, installs the `chromium` package. Playwright never
 * downloads a browser. Exits 1 with the command to run when Chromium cannot be found or installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (hasApt) {
    process.stdout.write(`Chromium not found at ${path}; installing Debian's chromium package…\n`);
    const install = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
    if (!install(['install', '-y', 'chromium'])) {
      if (install(['update'])) install(['install', '-y', 'chromium']);
    }
  }
  if (!existsSync(path)) {
    process.stderr.write(`The browser tests need Chromium at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.\n`);
    process.exit(1);
  }
}
