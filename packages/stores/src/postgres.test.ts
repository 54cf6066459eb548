import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { openDatabase } from './index.js';
import { runStoreConformance } from './testing/index.js';

const configured = process.env.DATABASE_URL;
const url = configured === undefined || configured === '' ? undefined : configured;
/** A schema of its own per run, so parallel runs never see each other's rows in a shared database. */
const schema = `switchboard_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

describe.skipIf(url === undefined)(
  url === undefined ? 'PostgreSQL — not run: set DATABASE_URL=postgres://… to run the conformance suite' : `PostgreSQL (schema ${schema})`,
  () => {
    const open = () => openDatabase({ url: url!, schema });

    afterAll(async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    });

    runStoreConformance('conformance', open, { openDurable: open });
  },
);
