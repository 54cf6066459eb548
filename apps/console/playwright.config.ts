/**
 * Browser tests of the widget and the console (`npm run test:browser`): Debian's Chromium
 * (`CHROMIUM_PATH`, default /usr/bin/chromium — never a downloaded browser) against a real desk
 * started by `tests/global-setup.ts`. One worker: the flows share one desk and the CI machine has
 * two cores. Artifacts and screenshots go to `test-results/console/` at the repository root.
 */
import { join } from 'node:path';
import process from 'node:process';
import { defineConfig } from '@playwright/test';

const root = join(import.meta.dirname, '..', '..');

export default defineConfig({
  testDir: 'tests',
  testMatch: '*.spec.ts',
  outputDir: join(root, 'test-results', 'console', 'artifacts'),
  globalSetup: './tests/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: process.env.CI === 'true',
  /** Per test, in milliseconds; every wait inside is bounded by `expect.timeout` or `actionTimeout`. */
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 800 },
  },
});
