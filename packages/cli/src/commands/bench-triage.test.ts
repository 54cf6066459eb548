import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';

describe('switchboard bench triage', () => {
  it('prints one JSON object with latency, throughput, training time and model size', async () => {
    const stdout = new PassThrough();
    const chunks: string[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    await buildProgram({ stdout, stderr: new PassThrough(), stdin: new PassThrough() }).parseAsync(['node', 'switchboard', 'bench', 'triage', '--json', '--messages', '50', '--no-large']);
    const text = chunks.join('');
    expect(text.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(text) as Record<string, unknown>;
    expect(report.messages).toBe(50);
    expect(Object.keys(report.predictMs as object)).toEqual(['p50', 'p95', 'p99']);
    for (const key of ['trainMs', 'examples', 'labels', 'throughputPerSecond', 'modelBytes', 'heapUsedBytes']) expect(report[key]).toEqual(expect.any(Number));
    expect(report.largeTraining).toBeUndefined();
  });
});
