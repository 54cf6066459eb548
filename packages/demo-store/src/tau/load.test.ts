import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SwitchboardError } from '@switchboard/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryCommerceStore } from '../testing.js';
import { tauFixtureSnapshot } from './fixture.js';
import { loadTauRetailStore } from './load.js';
import { readTauExpected, readTauTasks } from './tasks.js';

const root = mkdtempSync(join(tmpdir(), 'switchboard-tau-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes `files` (name → text) into a new directory `name` and returns its path. */
function writeDirectory(name: string, files: Record<string, string>): string {
  const directory = join(root, name);
  mkdirSync(directory, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(directory, file), text);
  return directory;
}

/** The fixture as τ-bench files: users keyed by id, without a `user_id` field. */
function tauFiles(): Record<string, string> {
  const snapshot = tauFixtureSnapshot();
  const users = Object.fromEntries(Object.entries(snapshot.users).map(([id, { user_id: _userId, ...rest }]) => [id, rest]));
  return { 'users.json': JSON.stringify(users), 'orders.json': JSON.stringify(snapshot.orders), 'products.json': JSON.stringify(snapshot.products) };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof SwitchboardError ? error.code : 'not a SwitchboardError';
  }
}

describe('loadTauRetailStore', () => {
  it('loads users (user_id added from the key), orders and products, ready to import', async () => {
    const loaded = loadTauRetailStore(writeDirectory('store', tauFiles()));
    expect(loaded).toEqual(tauFixtureSnapshot());
    const commerce = createMemoryCommerceStore();
    await commerce.dangerouslyReplaceAll(loaded);
    expect(await commerce.counts()).toEqual({ users: 2, orders: 4, products: 2 });
    expect(await commerce.findUserIdByEmail('grace.hopper5678@example.com')).toBe('grace_hopper_5678');
  });

  it('fails with DATA_MISSING for a missing file and INVALID_INPUT for a malformed one', () => {
    expect(codeOf(() => loadTauRetailStore(writeDirectory('empty', {})))).toBe('DATA_MISSING');
    expect(codeOf(() => loadTauRetailStore(writeDirectory('not-json', { ...tauFiles(), 'orders.json': 'not json' })))).toBe('INVALID_INPUT');
    expect(codeOf(() => loadTauRetailStore(writeDirectory('bad-user', { ...tauFiles(), 'users.json': '{"someone": {"name": "no"}}' })))).toBe('INVALID_INPUT');
    const misKeyed = JSON.stringify({ '#W0000001': tauFixtureSnapshot().orders['#W1000001'] });
    expect(codeOf(() => loadTauRetailStore(writeDirectory('mis-keyed', { ...tauFiles(), 'orders.json': misKeyed })))).toBe('INVALID_INPUT');
  });
});

describe('τ task files', () => {
  it('reads tasks and expected end states, and refuses a file of the wrong shape', () => {
    const directory = writeDirectory('tasks', {
      'tasks.json': JSON.stringify([{ annotator: 0, user_id: 'ada_lovelace_1234', instruction: 'Cancel.', actions: [{ name: 'cancel_pending_order', kwargs: { order_id: '#W1000001', reason: 'no longer needed' } }], outputs: [] }]),
      'expected.json': JSON.stringify([{ index: 0, user_id: 'ada_lovelace_1234', steps: [{ name: 'cancel_pending_order', kwargs: {}, observation: 'Error: order not found' }], changed: {} }]),
    });
    expect(readTauTasks(join(directory, 'tasks.json'))[0]?.actions[0]?.name).toBe('cancel_pending_order');
    expect(readTauExpected(join(directory, 'expected.json'))[0]?.steps[0]?.observation).toBe('Error: order not found');
    expect(codeOf(() => readTauExpected(join(directory, 'tasks.json')))).toBe('INVALID_INPUT');
  });
});
