import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';

function memoryIo(): { io: Parameters<typeof buildProgram>[0]; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  return { io: { stdout, stderr, stdin: new PassThrough() }, stdout: () => out.join(''), stderr: () => err.join('') };
}

function tinyCsvs(): { train: string; test: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sb-cli-triage-'));
  const track = ['where is my order', 'track my parcel', 'when will my package arrive', 'order status please', 'has my order shipped', 'where is my delivery'];
  const refund = ['i want my money back', 'refund my purchase', 'give me a refund', 'return money to my card', 'refund please', 'how do i get refunded'];
  const rows = [...track.map((text) => `${text},track`), ...refund.map((text) => `${text},refund`), 'what is the weather,OUT'];
  writeFileSync(join(dir, 'train.csv'), `utterance,intent\n${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'test.csv'), 'utterance,intent\nwhere is my parcel,track\nmoney back please,refund\nsing me a song,OUT\n');
  return { train: join(dir, 'train.csv'), test: join(dir, 'test.csv') };
}

describe('switchboard eval triage', () => {
  it('prints exactly one JSON object with the required keys on stdout with --json', async () => {
    const { train, test } = tinyCsvs();
    const { io, stdout } = memoryIo();
    await buildProgram(io).parseAsync(['node', 'switchboard', 'eval', 'triage', '--train', train, '--test', test, '--text', 'utterance', '--label', 'intent', '--oos-label', 'OUT', '--json']);
    const text = stdout();
    expect(text.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['n', 'labels', 'accuracy', 'macroF1', 'inScopeAccuracy', 'oosRecall', 'oosPrecision', 'perLabel', 'confusion', 'trainMs', 'predictMs']);
    expect(report.n).toBe(3);
    expect(report.labels).toEqual(expect.arrayContaining(['track', 'refund', 'oos']));
    expect(Object.keys(report.predictMs as object)).toEqual(['p50', 'p95', 'p99']);
  });

  it('refuses a missing column with INVALID_INPUT', async () => {
    const { train, test } = tinyCsvs();
    const { io } = memoryIo();
    await expect(buildProgram(io).parseAsync(['node', 'switchboard', 'eval', 'triage', '--train', train, '--test', test, '--json'])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
