/**
 * Builds the two pages of the console app into `dist/` (served by `@switchboard/server`):
 * `index.html` — the customer chat widget, served at `/`; `console.html` — the operator
 * console, served at `/console` and `/console/*`. Assets go under `/assets/` (base `/`).
 * `npm run dev -w apps/console` proxies `/v1` to a running desk (`SWITCHBOARD_URL`, default
 * http://127.0.0.1:3000).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Connect, Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const desk = process.env.SWITCHBOARD_URL ?? 'http://127.0.0.1:3000';

/** Dev and preview servers: `/console` and `/console/*` answer with `console.html`, as the desk's server does. */
function consoleRoutes(): Plugin {
  const rewrite: Connect.NextHandleFunction = (request, _response, next) => {
    if (request.url && /^\/console(\/[^.]*)?(\?.*)?$/.test(request.url)) request.url = '/console.html';
    next();
  };
  return {
    name: 'switchboard-console-routes',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), consoleRoutes()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    rollupOptions: { input: { widget: `${root}index.html`, console: `${root}console.html` } },
  },
  server: { proxy: { '/v1': { target: desk, changeOrigin: false } } },
  preview: { proxy: { '/v1': { target: desk, changeOrigin: false } } },
});
