/**
 * Opening the embedded default: PGlite (PostgreSQL in WebAssembly) on a directory or in memory.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { SwitchboardError } from '@switchboard/core';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { assembleDatabase } from './database.js';
import type { Database } from './database.js';
import { toStoreError } from './errors.js';
import { DEFAULT_MIGRATIONS_SCHEMA, MIGRATIONS_FOLDER } from './migrate.js';
import type { RawQuery } from './sql.js';

/**
 * Data directories open in this process. Two PGlite instances on one directory corrupt it, so a
 * second open is refused until the first is closed.
 */
const openDataDirs = new Set<string>();

/**
 * Starts PGlite and applies pending migrations.
 * @param options.dataDir - Directory of the database files, created if missing; `undefined` keeps
 *   the database in memory (gone on close).
 * @throws SwitchboardError `CONFLICT` if `dataDir` is already open in this process.
 * @throws StoreError `STORE_FAILED` if PGlite cannot start or a migration fails.
 */
export async function openPglite(options: { dataDir: string | undefined }): Promise<Database> {
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir !== undefined) {
    if (openDataDirs.has(dataDir)) {
      throw new SwitchboardError('CONFLICT', 'The PGlite data directory is already open in this process', { details: { dataDir } });
    }
    openDataDirs.add(dataDir);
  }
  const release = (): void => {
    if (dataDir !== undefined) openDataDirs.delete(dataDir);
  };
  let client: PGlite | undefined;
  try {
    if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
    const started = await PGlite.create(dataDir);
    client = started;
    const db = drizzle({ client: started });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema: DEFAULT_MIGRATIONS_SCHEMA });
    const close = async (): Promise<void> => {
      try {
        await started.close();
      } finally {
        release();
      }
    };
    const query: RawQuery = async <Row>(statement: Parameters<RawQuery>[0]) => (await started.query<Row>(statement.text, [...statement.values])).rows;
    return assembleDatabase({ db, kind: 'pglite', query, close });
  } catch (error) {
    await client?.close().catch(() => undefined);
    release();
    throw toStoreError(error, 'database.open');
  }
}
