import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { tauFixtureSnapshot } from '@switchboard/demo-store';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../main.js';
import { runEvalTau } from './tau.js';

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

describe('switchboard eval tau --engine', () => {
  const directory = writeTauDirectory();
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('runs the desk through the configured model and reports who decided triage and what the models cost', async () => {
    vi.stubEnv('SWITCHBOARD_MODEL', 'scripted:demo');
    const output = await run(['eval', 'tau', '--tasks', join(directory, 'tasks.json'), '--expected', join(directory, 'expected', 'expected.json'), '--engine', 'llm', '--json']);
    const report = JSON.parse(output) as { tasks: number; trials: number; avgTurns: number; engines?: { roles: string[]; triageDecidedBy: Record<string, number>; modelCalls: number; tokens: { input: number; output: number }; fallbacks: number } };
    expect(report).toMatchObject({ tasks: 1, trials: 1 });
    expect(report.engines?.roles).toEqual(expect.arrayContaining(['triage llm (scripted:demo)', 'specialist llm (scripted:demo)']));
    // Every customer message was triaged by the model (none fell back to the local classifier).
    expect(report.engines?.triageDecidedBy).toEqual({ llm: report.avgTurns });
    expect(report.engines?.fallbacks).toBe(0);
    // At least one triage and one specialist call per customer message.
    expect(report.engines?.modelCalls).toBeGreaterThanOrEqual(2 * report.avgTurns);
    expect((report.engines?.tokens.input ?? 0) + (report.engines?.tokens.output ?? 0)).toBeGreaterThan(0);
  }, 60_000);

  it('fails fast, before reading any file, naming the variable to set when no model is configured', async () => {
    const error: unknown = await runEvalTau({ tasks: join(root, 'missing.json'), expected: join(root, 'missing.json'), trials: 1, seed: 0, engine: 'llm' }, {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('SWITCHBOARD_MODEL_TRIAGE is not set') as unknown });
  });
});
