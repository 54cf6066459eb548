import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** Writes the fixture as τ-bench files: users keyed by id and without a `user_id` field. */
function writeTauDirectory(name: string, overrides: Partial<Record<'users.json' | 'orders.json' | 'products.json', string>> = {}): string {
  const directory = join(root, name);
  const snapshot = tauFixtureSnapshot();
  const users = Object.fromEntries(Object.entries(snapshot.users).map(([id, { user_id: _userId, ...rest }]) => [id, rest]));
  const files = { 'users.json': JSON.stringify(users), 'orders.json': JSON.stringify(snapshot.orders), 'products.json': JSON.stringify(snapshot.products), ...overrides };
  writeFileSync(join(root, '.keep'), '');
  rmSync(directory, { recursive: true, force: true });
  mkdtempSync(join(root, 'tmp-'));
  for (const [file, text] of Object.entries(files)) {
    writeFileSync(join(root, `${name}-${file}`), text);
  }
  return directory;
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
    const directory = join(root, 'store');
    const snapshot = tauFixtureSnapshot();
    const users = Object.fromEntries(Object.entries(snapshot.users).map(([id, { user_id: _userId, ...rest }]) => [id, rest]));
    writeFileSync(join(root, '.unused'), '');
    rmSync(directory, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(directory);
    writeFileSync(join(directory, 'users.json'), JSON.stringify(users));
    writeFileSync(join(directory, 'orders.json'), JSON.stringify(snapshot.orders));
    writeFileSync(join(directory, 'products.json'), JSON.stringify(snapshot.products));

    const loaded = loadTauRetailStore(directory);
    expect(loaded).toEqual(snapshot);
    const commerce = createMemoryCommerceStore();
    await commerce.dangerouslyReplaceAll(loaded);
    expect(await commerce.counts()).toEqual({ users: 2, orders: 4, products: 2 });
    expect(await commerce.findUserIdByEmail('grace.hopper5678@example.com')).toBe('grace_hopper_5678');
  });

  it('fails with DATA_MISSING for a missing file and INVALID_INPUT for a malformed one', async () => {
    const { mkdirSync } = await import('node:fs');
    const empty = join(root, 'empty');
    mkdirSync(empty, { recursive: true });
    expect(codeOf(() => loadTauRetailStore(empty))).toBe('DATA_MISSING');
    const broken = join(root, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'users.json'), '{"someone": {"name": "no"}}');
    expect(codeOf(() => loadTauRetailStore(broken))).toBe('INVALID_INPUT');
    writeFileSync(join(broken, 'users.json'), 'not json');
    expect(codeOf(() => loadTauRetailStore(broken))).toBe('INVALID_INPUT');
  });
});

describe('τ task files', () => {
  it('reads tasks and expected end states, and refuses a malformed file', () => {
    const tasks = join(root, 'tasks.json');
    writeFileSync(tasks, JSON.stringify([{ annotator: 0, user_id: 'ada_lovelace_1234', instruction: 'Cancel.', actions: [{ name: 'cancel_pending_order', kwargs: { order_id: '#W1000001', reason: 'no longer needed' } }], outputs: [] }]));
    expect(readTauTasks(tasks)[0]?.actions[0]?.name).toBe('cancel_pending_order');
    const expected = join(root, 'expected.json');
    writeFileSync(expected, JSON.stringify([{ index: 0, user_id: 'ada_lovelace_1234', steps: [{ name: 'cancel_pending_order', kwargs: {}, observation: 'Error: order not found' }], changed: {} }]));
    expect(readTauExpected(expected)[0]?.steps[0]?.observation).toBe('Error: order not found');
    expect(codeOf(() => readTauExpected(tasks))).toBe('INVALID_INPUT');
  });
});

void writeTauDirectory;
