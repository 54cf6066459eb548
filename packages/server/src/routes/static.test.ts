/**
 * Serving the web console's build: a fixture `dist` in a temporary directory (never the real
 * build), the SPA fallback under `/console/*`, the security headers of the pages, and the
 * fallbacks without a build (the built-in chat page at `/`, 503 `CONSOLE_NOT_BUILT` at `/console`).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService } from '../../test/helpers.js';
import type { TestService } from '../../test/helpers.js';
import type { App } from '../access.js';
import { buildApp } from '../app.js';

let test: TestService;
let distDir = '';
let built: App;
let missing: App;

beforeAll(async () => {
  test = await startTestService({ logLevel: 'warn' });
  distDir = await mkdtemp(join(tmpdir(), 'switchboard-console-'));
  await mkdir(join(distDir, 'assets'));
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>widget fixture</title><script type="module" src="/assets/widget-abc123.js"></script>');
  await writeFile(join(distDir, 'console.html'), '<!doctype html><title>console fixture</title><script type="module" src="/assets/console-def456.js"></script>');
  await writeFile(join(distDir, 'assets', 'console-def456.js'), 'console.log("console");');
  built = await buildApp(test.service.context, { consoleDir: distDir });
  missing = await buildApp(test.service.context, { consoleDir: join(distDir, 'not-built') });
}, 60_000);

afterAll(async () => {
  await built?.close();
  await missing?.close();
  await test?.close();
  if (distDir) await rm(distDir, { recursive: true, force: true });
});

describe('with a console build', () => {
  it('serves the widget at / and the console at /console with a same-origin CSP', async () => {
    const widget = await built.inject({ method: 'GET', url: '/' });
    expect(widget.statusCode).toBe(200);
    expect(widget.headers['content-type']).toMatch(/^text\/html/);
    expect(widget.body).toContain('widget fixture');
    const page = await built.inject({ method: 'GET', url: '/console' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('console fixture');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/https?:/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('answers deep console links with the console page (SPA fallback)', async () => {
    const deep = await built.inject({ method: 'GET', url: '/console/conversations/conv_123/timeline' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('console fixture');
  });

  it('serves assets with long caching, and 404 JSON for a missing one', async () => {
    const asset = await built.inject({ method: 'GET', url: '/assets/console-def456.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("console");');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000/);
    const absent = await built.inject({ method: 'GET', url: '/assets/nope.js' });
    expect(absent.statusCode).toBe(404);
    expect(absent.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    const escape = await built.inject({ method: 'GET', url: '/assets/..%2Fconsole.html' });
    expect(escape.statusCode).not.toBe(200);
  });
});

describe('without a console build', () => {
  it('keeps the built-in chat page at /', async () => {
    const page = await missing.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('EventSource');
    expect(page.body).not.toContain('widget fixture');
  });

  it('answers /console and its deep links with 503 CONSOLE_NOT_BUILT naming the build command', async () => {
    for (const url of ['/console', '/console/inbox']) {
      const response = await missing.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(503);
      const { error } = response.json<{ error: { code: string; message: string } }>();
      expect(error.code).toBe('CONSOLE_NOT_BUILT');
      expect(error.message).toContain('npm run build -w apps/console');
    }
  });

  it('picks up a build made while the server runs, without a restart', async () => {
    const late = join(distDir, 'late');
    const app = await buildApp(test.service.context, { consoleDir: late });
    try {
      expect((await app.inject({ method: 'GET', url: '/console' })).statusCode).toBe(503);
      await mkdir(late);
      await writeFile(join(late, 'console.html'), '<!doctype html><title>late console</title>');
      const page = await app.inject({ method: 'GET', url: '/console' });
      expect([page.statusCode, page.body]).toEqual([200, '<!doctype html><title>late console</title>']);
    } finally {
      await app.close();
    }
  });
});
