import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SwitchboardError } from '@switchboard/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './index.js';
import { runStoreConformance } from './testing/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-pglite-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

runStoreConformance('PGlite (in memory)', () => openDatabase({ inMemory: true }), {
  openDurable: () => openDatabase({ dataDir }),
});

describe('PGlite data directory', () => {
  it('refuses a second open of a directory that is open in this process, and allows it after close', async () => {
    const database = await openDatabase({ dataDir });
    try {
      expect(database.kind).toBe('pglite');
      const error = await openDatabase({ dataDir: join(dataDir, '.') }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SwitchboardError);
      expect((error as SwitchboardError).code).toBe('CONFLICT');
    } finally {
      await database.close();
    }
    await database.close(); // idempotent
  });
});
