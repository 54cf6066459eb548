/**
 * Opening PostgreSQL through a `pg` connection pool.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { assembleDatabase } from './database.js';
import type { Database } from './database.js';
import { toStoreError } from './errors.js';
import { DEFAULT_MIGRATIONS_SCHEMA, MIGRATIONS_FOLDER } from './migrate.js';
import type { RawQuery } from './sql.js';

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so processes (or calls in
 * one process) opening the same database at once apply each migration exactly once.
 */
async function migrateExclusively(options: { pool: pg.Pool; db: NodePgDatabase; schema: string | undefined }): Promise<void> {
  const { pool, db, schema } = options;
  const lockKey = `switchboard.migrate:${schema ?? ''}`;
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      if (schema !== undefined) await client.query(`create schema if not exists "${schema}"`);
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema: schema ?? DEFAULT_MIGRATIONS_SCHEMA });
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    client.release();
  }
}

/**
 * Connections of the per-turn statement pool (besides drizzle's pool of 10): 30 per process at
 * most, so three processes (an API node and two workers) stay under PostgreSQL's default
 * `max_connections` of 100. 20 measured better than 10 and no worse than 30 or 40 in
 * `switchboard bench load` at N = 500 (docs/benchmarks.md "Load").
 */
const HOT_POOL_SIZE = 20;

/**
 * Connects to PostgreSQL and applies pending migrations.
 * @param options.url - `postgres://` connection URL.
 * @param options.schema - Schema holding the tables and the migrations record (already validated
 *   as a plain identifier); every pooled connection gets it as `search_path`. `undefined` uses the
 *   server's default `search_path` and records migrations in schema `drizzle`.
 * @throws StoreError `STORE_FAILED` if the server is unreachable or a migration fails.
 */
export async function openPostgres(options: { url: string; schema: string | undefined }): Promise<Database> {
  const { url, schema } = options;
  const searchPath = schema === undefined ? [] : [`-c search_path=${schema}`];
  const pool = new pg.Pool({
    connectionString: url,
    ...(searchPath.length === 0 ? {} : { options: searchPath.join(' ') }),
  });
  // The few named statements every turn runs (RawQuery) get a pool of their own whose sessions
  // plan them once, generically: they are key lookups whose plan never depends on the values,
  // and PostgreSQL's default re-planned the claim and the completion on every execution
  // (0.4–0.9 ms of planning each, measured with log_min_duration_statement; docs/benchmarks.md
  // "Load"). drizzle's one-off statements keep the default (custom plans). Each turn holds a
  // connection through two commits (each waiting for the WAL flush), so this pool is larger than
  // pg's default of 10: at 500 turns/s, 10 connections queued turns behind one another.
  const hotPool = new pg.Pool({ max: HOT_POOL_SIZE, connectionString: url, options: [...searchPath, '-c plan_cache_mode=force_generic_plan'].join(' ') });
  // An idle client that loses its connection is dropped by the pool; without a listener the
  // 'error' event would crash the process. Queries report their own failures as StoreError.
  pool.on('error', () => undefined);
  hotPool.on('error', () => undefined);
  const closeAll = async (): Promise<void> => {
    await Promise.all([pool.end(), hotPool.end()]);
  };
  try {
    const db = drizzle({ client: pool });
    await migrateExclusively({ pool, db, schema });
    const query: RawQuery = async <Row>(statement: Parameters<RawQuery>[0]) => (await hotPool.query({ name: statement.name, text: statement.text, values: [...statement.values] })).rows as Row[];
    return assembleDatabase({ db, kind: 'postgres', query, close: closeAll });
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw toStoreError(error, 'database.open');
  }
}
