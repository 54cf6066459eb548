import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';

describe('switchboard bench qa', () => {
  it('prints exactly one JSON object with the QA gate numbers', async () => {
    const stdout = new PassThrough();
    let written = '';
    stdout.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const program = buildProgram({ stdout, stderr: new PassThrough(), stdin: new PassThrough() });
    await program.parseAsync(['node', 'switchboard', 'bench', 'qa', '--json', '--drafts', '40']);
    const output = JSON.parse(written) as Record<string, unknown>;
    expect(Object.keys(output)).toEqual(['drafts', 'grounded', 'ungrounded', 'catchRate', 'falseBlockRate', 'falseRevisionRate', 'msPerReview']);
    expect(output).toMatchObject({ drafts: 40, grounded: 20, ungrounded: 20 });
  });
});
