/**
 * drizzle-kit configuration: `npm run db:generate -w @switchboard/stores` writes the next numbered
 * migration into `./migrations` from `./src/schema.ts`. Migrations are applied at open by
 * `openDatabase` (see `src/migrate.ts`), identically on PGlite and PostgreSQL.
 */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './migrations',
  strict: true,
  verbose: true,
});
