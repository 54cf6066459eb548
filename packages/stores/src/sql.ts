/**
 * The drizzle database both drivers (PGlite, node-postgres) provide. Adapters are written once
 * against it, so PGlite and PostgreSQL run the same queries.
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A drizzle PostgreSQL database or transaction, whichever driver is underneath. */
export type SqlDatabase = PgDatabase<PgQueryResultHKT>;
