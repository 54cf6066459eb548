/**
 * Shared fixtures of the browser tests: the running desk (from global setup), pages for a
 * customer and an operator in separate browser contexts, a guard that fails the test on any
 * browser console error or uncaught page error, and a screenshot helper writing to
 * `test-results/console/screens/` (and to `docs/img/` when `SWITCHBOARD_UPDATE_README_IMAGES=1`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { test as base, expect } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import type { DeskServerInfo } from './desk-server.js';
import { DESK_ENV, REPO_ROOT } from './global-setup.js';

export { expect };

const SCREENS_DIR = join(REPO_ROOT, 'test-results', 'console', 'screens');
const README_IMAGES_DIR = join(REPO_ROOT, 'docs', 'img');

/** Console messages a test expects (a network loss it caused); anything else fails the test. */
export type ExpectedConsoleError = (text: string) => boolean;

interface ConsoleWatch {
  errors: string[];
  expected: ExpectedConsoleError[];
}

interface Fixtures {
  desk: DeskServerInfo;
  /** Console errors and uncaught page errors of every watched page; checked when the test ends. */
  consoleWatch: ConsoleWatch;
  /** Registers a predicate for console errors this test causes on purpose. */
  expectConsoleErrors: (predicate: ExpectedConsoleError) => void;
  customer: Page;
  operator: Page;
  /** Opens a new browser context on the desk whose pages are watched for console errors. */
  newWatchedContext: (options?: { width?: number; height?: number; baseURL?: string }) => Promise<BrowserContext>;
}

function readDesk(): DeskServerInfo {
  const raw = process.env[DESK_ENV];
  if (!raw) throw new Error(`${DESK_ENV} is not set: run the tests through playwright.config.ts (its global setup starts the desk)`);
  return JSON.parse(raw) as DeskServerInfo;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured first argument
  desk: async ({}, use) => {
    await use(readDesk());
  },
  consoleWatch: [
    // eslint-disable-next-line no-empty-pattern -- as above
    async ({}, use) => {
      const watch: ConsoleWatch = { errors: [], expected: [] };
      await use(watch);
      const unexpected = watch.errors.filter((text) => !watch.expected.some((predicate) => predicate(text)));
      expect(unexpected, 'browser console errors and uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
  expectConsoleErrors: async ({ consoleWatch }, use) => {
    await use((predicate) => consoleWatch.expected.push(predicate));
  },
  newWatchedContext: async ({ browser, desk, consoleWatch }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({ baseURL: options.baseURL ?? desk.url, viewport: { width: options.width ?? 1280, height: options.height ?? 800 } });
      context.on('console', (message) => {
        if (message.type() === 'error') consoleWatch.errors.push(`${message.text()} (${message.location().url})`);
      });
      context.on('weberror', (error) => consoleWatch.errors.push(`uncaught: ${error.error().message}`));
      contexts.push(context);
      return context;
    });
    for (const context of contexts) await context.close();
  },
  customer: async ({ newWatchedContext }, use) => {
    const context = await newWatchedContext({ width: 420, height: 820 });
    await use(await context.newPage());
  },
  operator: async ({ newWatchedContext }, use) => {
    const context = await newWatchedContext();
    await use(await context.newPage());
  },
});

/** Signs the operator page in with the desk's operator key. */
export async function signIn(page: Page, desk: DeskServerInfo, path = '/console'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Operator key').fill(desk.operatorKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Console' })).toBeVisible();
}

/**
 * Saves a full-page screenshot as `test-results/console/screens/<name>.png`; with
 * `SWITCHBOARD_UPDATE_README_IMAGES=1` and a `readmeName`, also as `docs/img/<readmeName>.png`.
 */
export async function saveScreen(page: Page, name: string, readmeName?: 'console' | 'widget'): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  if (readmeName && process.env.SWITCHBOARD_UPDATE_README_IMAGES === '1') {
    mkdirSync(README_IMAGES_DIR, { recursive: true });
    await page.screenshot({ path: join(README_IMAGES_DIR, `${readmeName}.png`), fullPage: true, animations: 'disabled' });
  }
}
