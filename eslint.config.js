// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Package import table (DESIGN.md §2): each package lists what it must not import.
 * `no-restricted-imports` enforces it; package.json dependencies mirror it.
 */
const nodeBuiltins = { group: ['node:*'], message: 'core is pure: no Node built-ins (DESIGN.md §2).' };
const forbid = (names, why) => names.map((name) => ({ group: [name, `${name}/*`], message: why }));
const boundaries = {
  core: [nodeBuiltins, ...forbid(['@switchboard/*', 'pg', '@electric-sql/*', 'drizzle-orm', 'ioredis', 'bullmq', 'fastify', 'ai', '@ai-sdk/*', 'wink-nlp', 'minisearch'], 'core depends on zod only (DESIGN.md §2).')],
  nlu: forbid(['@switchboard/stores', '@switchboard/engines', '@switchboard/server', '@switchboard/demo-store', '@switchboard/eval', '@switchboard/cli'], 'nlu may import core only (DESIGN.md §2).'),
  engines: forbid(['@switchboard/stores', '@switchboard/server', '@switchboard/demo-store', '@switchboard/eval', '@switchboard/cli'], 'engines may import core and nlu only (DESIGN.md §2).'),
  stores: forbid(['@switchboard/engines', '@switchboard/server', '@switchboard/demo-store', '@switchboard/nlu', '@switchboard/eval', '@switchboard/cli'], 'stores may import core only (DESIGN.md §2).'),
  'demo-store': forbid(['@switchboard/server', '@switchboard/stores', '@switchboard/engines', '@switchboard/eval', '@switchboard/cli'], 'demo-store may import core and nlu only; it receives ports (DESIGN.md §2).'),
  eval: forbid(['@switchboard/server', '@switchboard/cli'], 'eval must not import server internals or the cli (DESIGN.md §2).'),
  server: forbid(['@switchboard/eval', '@switchboard/cli', '@switchboard/console'], 'server may import core, nlu, engines, stores and demo-store; never eval or the console (DESIGN.md §2).'),
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.switchboard/**', 'reports/**', 'test-results/**', 'eslint.config.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.js', 'packages/*/bin/*.js'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-params': ['error', 3],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Use the Clock port (core) or performance.now() for durations.' }],
    },
  },
  ...Object.entries(boundaries).map(([name, patterns]) => ({
    files: [`packages/${name}/src/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'core reads time through the Clock port.' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'core gets ids through the IdGenerator port.' },
        { selector: "MemberExpression[object.name='process']", message: 'core never reads process or process.env.' },
      ],
    },
  },
  {
    // The console is a browser app: it speaks the HTTP protocol only (DESIGN.md §2).
    files: ['apps/console/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '^@switchboard/(?!core/protocol$)', message: 'the console imports @switchboard/core/protocol only (DESIGN.md §2).' },
        nodeBuiltins,
      ] }],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);
