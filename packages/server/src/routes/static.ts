/**
 * The web console's built files (`apps/console/dist`, from `npm run build -w apps/console`):
 * the customer chat widget at `/` (`index.html`), the operator console at `/console` and
 * `/console/*` (`console.html`, a single-page app that routes in the browser) and their
 * `/assets/*` (hashed file names, cached for a year). Pages are looked up per request, so a
 * build made while the server runs is picked up without a restart.
 *
 * Without a build, `/` keeps the built-in chat page and `/console` answers 503
 * `CONSOLE_NOT_BUILT` (docs/errors.md). HTML is sent with a Content-Security-Policy that allows
 * this origin only (inline `style` attributes are allowed for React's style props; no inline or
 * external scripts).
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { SwitchboardError } from '@switchboard/core';
import type { FastifyReply } from 'fastify';
import type { App } from '../access.js';
import { CHAT_PAGE_HTML } from './chat-page.js';

/** `apps/console/dist` of this repository (this file is `packages/server/src/routes/static.ts`). */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../../../apps/console/dist', import.meta.url));

/**
 * Content-Security-Policy of the console's pages: everything from this origin only, no plugins,
 * no framing by other sites. `'unsafe-inline'` applies to styles only.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

function sendPage(reply: FastifyReply, consoleDir: string, file: 'index.html' | 'console.html') {
  return reply
    .header('content-security-policy', CONSOLE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'SAMEORIGIN')
    .header('cache-control', 'no-cache')
    .sendFile(file, consoleDir, { cacheControl: false });
}

/**
 * Registers `/`, `/console`, `/console/*` and `/assets/*`.
 * @param options.consoleDir - Absolute path of the console's build output. @defaultValue {@link DEFAULT_CONSOLE_DIR}
 */
export async function registerStaticRoutes(app: App, options: { consoleDir?: string } = {}): Promise<void> {
  const consoleDir = options.consoleDir ?? DEFAULT_CONSOLE_DIR;
  await app.register(fastifyStatic, {
    root: join(consoleDir, 'assets'),
    prefix: '/assets/',
    wildcard: true,
    index: false,
    suppressWarning: true,
    immutable: true,
    maxAge: '365d',
    setHeaders: (reply) => {
      void reply.header('x-content-type-options', 'nosniff');
    },
  });

  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    if (await exists(join(consoleDir, 'index.html'))) return sendPage(reply, consoleDir, 'index.html');
    return reply.type('text/html; charset=utf-8').send(CHAT_PAGE_HTML);
  });

  const consolePage = async (_request: unknown, reply: FastifyReply) => {
    if (!(await exists(join(consoleDir, 'console.html')))) {
      throw new SwitchboardError('CONSOLE_NOT_BUILT', 'The operator console is not built: run `npm run build -w apps/console`', { details: { command: 'npm run build -w apps/console' }, isRetryable: true });
    }
    return sendPage(reply, consoleDir, 'console.html');
  };
  app.get('/console', { schema: { hide: true } }, consolePage);
  app.get('/console/*', { schema: { hide: true } }, consolePage);
}
