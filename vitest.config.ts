import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    // apps/console/tests/*.spec.ts are Playwright browser tests (npm run test:browser), not vitest's.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
