/**
 * Cleaning up after tests that isolate themselves in a PostgreSQL schema of their own
 * (`openDatabase({ url, schema })`).
 */
import pg from 'pg';

/**
 * Drops `schema` and everything in it. Tests only: never point it at data you keep.
 * @param url - PostgreSQL URL.
 * @param schema - A plain identifier (the one given to `openDatabase`).
 */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('schema must be a plain lowercase identifier');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
