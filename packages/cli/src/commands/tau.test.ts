import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { tauFixtureSnapshot } from '@switchboard/demo-store';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';

const root = mkdtempSync(join(tmpdir(), 'switchboard-cli-tau-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The fixture store written as τ-bench files, plus a one-task tasks/expected pair. */
function writeTauDirectory(): string {
  const snapshot = tauFixtureSnapshot();
  const users = Object.fromEntries(Object.entries(snapshot.users).map(([id, { user_id: _userId, ...rest }]) => [id, rest]));
  const directory = join(root, 'tau');
  mkdirSync(join(directory, 'expected'), { recursive: true });
  writeFileSync(join(directory, 'users.json'), JSON.stringify(users));
  writeFileSync(join(directory, 'orders.json'), JSON.stringify(snapshot.orders));
  writeFileSync(join(directory, 'products.json'), JSON.stringify(snapshot.products));
  const action = { name: 'cancel_pending_order', kwargs: { order_id: '#W1000003', reason: 'no longer needed' } };
  writeFileSync(join(directory, 'tasks.json'), JSON.stringify([{ user_id: 'ada_lovelace_1234', instruction: 'Cancel.', actions: [action], outputs: [] }]));
  writeFileSync(join(directory, 'expected', 'expected.json'), JSON.stringify([{ index: 0, user_id: 'ada_lovelace_1234', steps: [{ ...action, observation: 'Error: non-pending order cannot be cancelled' }], changed: {} }]));
  return directory;
}

async function run(args: string[]): Promise<string> {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const program = buildProgram({ stdout, stderr: new PassThrough(), stdin: Readable.from([]) });
  await program.parseAsync(['node', 'switchboard', ...args]);
  return text;
}

describe('switchboard import tau-retail / eval tau-tools', () => {
  const directory = writeTauDirectory();

  it('imports the τ store into the database, replacing the generated one', async () => {
    const output = await run(['import', 'tau-retail', '--from', directory, '--memory', '--json']);
    expect(JSON.parse(output)).toEqual({ users: 2, orders: 4, products: 2, database: 'pglite' });
  });

  it('prints one JSON report for eval tau-tools', async () => {
    const output = await run(['eval', 'tau-tools', '--tasks', join(directory, 'tasks.json'), '--expected', join(directory, 'expected', 'expected.json'), '--json']);
    expect(JSON.parse(output)).toMatchObject({ tasks: 1, stateMatches: 1, stepAgreement: 1, mismatches: [] });
  });
});
