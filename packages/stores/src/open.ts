/**
 * `openDatabase`: the one entry point that picks PGlite or PostgreSQL and returns every port.
 */
import { ConfigurationError } from '@switchboard/core';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/** Where PGlite keeps its files when neither `url` nor `inMemory` is given, relative to the working directory. */
export const DEFAULT_DATA_DIR = '.switchboard/db';

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /**
   * PostgreSQL connection URL (`postgres://user@host:5432/db` or `postgresql://…`). When set,
   * PostgreSQL is used and `dataDir` is ignored.
   */
  url?: string;
  /**
   * PostgreSQL only: the schema for every table and for the migrations record, created if
   * missing and set as `search_path` on every connection. Lowercase letters, digits and `_`,
   * at most 63 characters. Use one per test run to keep runs apart.
   * @defaultValue the server's `search_path` (usually `public`), migrations recorded in `drizzle`
   */
  schema?: string;
  /**
   * PGlite only: directory of the database files, created if missing.
   * @defaultValue `.switchboard/db` relative to the working directory
   */
  dataDir?: string;
  /**
   * PGlite only: keep the database in memory; everything is gone on close. Excludes `dataDir` and `url`.
   * @defaultValue false
   */
  inMemory?: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const POSTGRES_URL = /^postgres(ql)?:\/\//;

type Target = { kind: 'postgres'; url: string; schema: string | undefined } | { kind: 'pglite'; dataDir: string | undefined };

function resolveTarget(options: OpenDatabaseOptions): Target {
  const { url, schema, dataDir, inMemory = false } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new ConfigurationError('schema must be 1–63 lowercase letters, digits or underscores, starting with a letter or underscore', {
      details: { field: 'schema' },
    });
  }
  if (url !== undefined) {
    if (!POSTGRES_URL.test(url)) {
      throw new ConfigurationError('url must be a PostgreSQL URL starting with postgres:// or postgresql:// (for example DATABASE_URL)', {
        details: { field: 'url' },
      });
    }
    if (inMemory) throw new ConfigurationError('inMemory is PGlite-only: pass either url or inMemory, not both', { details: { field: 'inMemory' } });
    return { kind: 'postgres', url, schema };
  }
  if (schema !== undefined) throw new ConfigurationError('schema applies to PostgreSQL only: pass url as well, or drop schema', { details: { field: 'schema' } });
  if (inMemory && dataDir !== undefined) {
    throw new ConfigurationError('Pass either dataDir (files on disk) or inMemory: true, not both', { details: { field: 'dataDir' } });
  }
  return { kind: 'pglite', dataDir: inMemory ? undefined : (dataDir ?? DEFAULT_DATA_DIR) };
}

/**
 * Opens Switchboard's database, applies pending migrations and returns every storage port.
 *
 * With `url`, PostgreSQL through a `pg` pool; otherwise embedded PGlite on `dataDir` (default
 * `.switchboard/db`) or in memory. Migrations are idempotent: opening an up-to-date database
 * applies nothing, and concurrent opens of one PostgreSQL database serialize on an advisory lock.
 * Open once per process and share the handle: PGlite takes 1–3 s to start and holds hundreds of
 * MB; a second open of the same `dataDir` in one process is refused.
 *
 * @param options - See {@link OpenDatabaseOptions}; `url` wins over `dataDir`.
 * @returns The open {@link Database}; call `close()` when done.
 * @throws ConfigurationError `CONFIG_INVALID` for a malformed `url` or `schema`, or contradictory options.
 * @throws SwitchboardError `CONFLICT` if the PGlite `dataDir` is already open in this process.
 * @throws StoreError `STORE_FAILED` if the database cannot be reached or started, or a migration fails.
 * @example
 * ```ts
 * const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {});
 * await database.conversations.create(conversation);
 * await database.close();
 * ```
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const target = resolveTarget(options);
  switch (target.kind) {
    case 'postgres':
      return openPostgres({ url: target.url, schema: target.schema });
    case 'pglite':
      return openPglite({ dataDir: target.dataDir });
  }
}
