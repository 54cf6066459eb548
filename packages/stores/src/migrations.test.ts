import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import type { DrizzleSnapshotJSON } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './migrate.js';
import * as schema from './schema.js';

function latestSnapshot(): DrizzleSnapshotJSON {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
  const latest = journal.entries.at(-1);
  if (latest === undefined) throw new Error('The migrations journal is empty');
  const file = join(MIGRATIONS_FOLDER, 'meta', `${String(latest.idx).padStart(4, '0')}_snapshot.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as DrizzleSnapshotJSON;
}

describe('migrations', () => {
  it('are up to date with schema.ts (run `npm run db:generate -w @switchboard/stores` after changing it)', async () => {
    const pending = await generateMigration(latestSnapshot(), generateDrizzleJson({ ...schema }));
    expect(pending).toEqual([]);
  });

  it('never pin a schema, so one migration set serves every PostgreSQL schema and PGlite', () => {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    for (const { tag } of journal.entries) {
      expect(readFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), 'utf8'), tag).not.toMatch(/"public"\./);
    }
  });
});
