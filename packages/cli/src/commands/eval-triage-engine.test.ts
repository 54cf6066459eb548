/**
 * `switchboard eval triage --engine llm|hybrid` (issue 7 item 8) on the offline scripted model:
 * every test row is triaged by the selected triager and the report says who decided and what the
 * model calls cost; without a configured model the command fails before reading any file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../main.js';
import { runEvalTriageWithEngine, type EngineTriageEvalReport } from './eval-triage-engine.js';

/** Train rows for two labels; test rows the demo model can read from the label names alone ("track", "refund"), and one it cannot. */
function csvs(): { train: string; test: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sb-cli-triage-engine-'));
  const track = ['where is my order', 'track my parcel', 'when will my package arrive', 'order status please', 'has my order shipped', 'where is my delivery'];
  const refund = ['i want my money back', 'refund my purchase', 'give me a refund', 'return money to my card', 'refund please', 'how do i get refunded'];
  writeFileSync(join(dir, 'train.csv'), `utterance,intent\n${[...track.map((text) => `${text},track`), ...refund.map((text) => `${text},refund`)].join('\n')}\n`);
  writeFileSync(join(dir, 'test.csv'), 'utterance,intent\nplease track this box for me,track\nI need a refund now,refund\nsing me a song,OUT\n');
  return { train: join(dir, 'train.csv'), test: join(dir, 'test.csv') };
}

async function run(args: string[]): Promise<string> {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  await buildProgram({ stdout, stderr: new PassThrough(), stdin: new PassThrough() }).parseAsync(['node', 'switchboard', 'eval', 'triage', ...args]);
  return text;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('switchboard eval triage --engine', () => {
  it('triages every test row with the model and scores its decisions, with who decided and the model cost', async () => {
    vi.stubEnv('SWITCHBOARD_MODEL', 'scripted:demo');
    const { train, test } = csvs();
    const output = await run(['--train', train, '--test', test, '--text', 'utterance', '--label', 'intent', '--oos-label', 'OUT', '--engine', 'llm', '--json']);
    expect(output.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(output) as EngineTriageEvalReport;
    expect(report.engine).toMatchObject({ role: 'triage llm (scripted:demo)', decidedBy: { llm: 3 }, modelCalls: 3, fallbacks: 0 });
    expect(report.engine.tokens.input).toBeGreaterThan(0);
    // The demo model matches the label names: track and refund right, the song out of scope.
    expect(report.n).toBe(3);
    expect(report.accuracy).toBe(1);
    expect(report.oosRecall).toBe(1);
  });

  it('hybrid asks the model only where the classifier is unsure, and says so per row', async () => {
    vi.stubEnv('SWITCHBOARD_MODEL', 'scripted:demo');
    const { train, test } = csvs();
    const report = JSON.parse(await run(['--train', train, '--test', test, '--text', 'utterance', '--label', 'intent', '--oos-label', 'OUT', '--engine', 'hybrid', '--json'])) as EngineTriageEvalReport;
    const decided = report.engine.decidedBy;
    expect((decided.llm ?? 0) + (decided.local ?? 0)).toBe(3);
    expect(report.engine.modelCalls).toBe(decided.llm ?? 0);
    expect(report.engine.role).toBe('triage hybrid (scripted:demo)');
  });

  it('fails fast, before reading any file, naming the variable to set when no model is configured', async () => {
    const missing = join(tmpdir(), 'sb-no-such-file.csv');
    const error: unknown = await runEvalTriageWithEngine({
      flags: { train: missing, test: missing, format: 'csv', text: 'text', label: 'label', seed: 1, engine: 'llm' },
      env: {},
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('SWITCHBOARD_MODEL_TRIAGE is not set') as unknown });
  });
});
