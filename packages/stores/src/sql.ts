/**
 * The drizzle database both drivers (PGlite, node-postgres) provide. Adapters are written once
 * against it, so PGlite and PostgreSQL run the same queries.
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A drizzle PostgreSQL database or transaction, whichever driver is underneath. */
export type SqlDatabase = PgDatabase<PgQueryResultHKT>;

/**
 * One parameterized statement sent straight to the driver, for the few statements every turn
 * runs (claiming and completing a turn), where building the query with drizzle on each call
 * showed in CPU profiles. On PostgreSQL `name` makes it a prepared statement (parsed once per
 * pooled connection); PGlite runs it in process. Values: strings, numbers, booleans or `null`
 * (pass JSON as a string and cast it, `$1::jsonb`). Rows come back with the driver's types
 * (`timestamptz` → `Date`, `jsonb` → parsed value).
 * Use drizzle for everything else: it keeps the SQL typed against the schema.
 */
export type RawQuery = <Row>(statement: { name: string; text: string; values: readonly (string | number | boolean | null)[] }) => Promise<Row[]>;
