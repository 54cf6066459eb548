/**
 * `switchboard start` (what `npm start` runs) as a real process on a fresh PGlite directory: it
 * migrates, seeds, serves on 127.0.0.1 and prints the URL and an operator key; a client creates a
 * conversation and gets a reply; SIGTERM stops it cleanly. And `operators create|list|revoke`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';

const BIN = fileURLToPath(new URL('../../bin/switchboard.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('switchboard start', () => {
  it('serves the demo desk on 127.0.0.1 and prints the URL and an operator key that works', async () => {
    const child = spawn(process.execPath, [BIN, 'start', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '', REDIS_URL: '' } });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('Press Ctrl+C')) resolve(text);
        });
        child.once('exit', (code) => reject(new Error(`start exited early (${String(code)}): ${text}`)));
      });
      const url = /serving the demo desk on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
      const key = /operator key\s+(sbk_\S+)/.exec(output)?.[1] ?? '';
      expect(url).not.toBe('');
      expect(output).toContain(`${url}/docs`);

      const created = await fetch(`${url}/v1/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const { conversation, token } = (await created.json()) as { conversation: { id: string }; token: string };
      const answered = await fetch(`${url}/v1/conversations/${conversation.id}/messages?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ text: "what's your return policy?" }) });
      expect(answered.status).toBe(200);
      const body = (await answered.json()) as { turn: { replies: { text: string }[] } };
      expect(body.turn.replies[0]?.text).toMatch(/30 days/);
      const tickets = await fetch(`${url}/v1/tickets`, { headers: { authorization: `Bearer ${key}` } });
      expect(tickets.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(child.exitCode)));
    expect(code).toBe(0);
  }, 60_000);
});

describe('switchboard operators', () => {
  it('creates a key once, lists it without the key, and revokes it', async () => {
    let text = '';
    const stdout = new PassThrough();
    stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const run = (args: string[]) => buildProgram({ stdout, stderr: new PassThrough(), stdin: Readable.from([]) }).parseAsync(['node', 'switchboard', 'operators', ...args, '--data-dir', join(dataDir, 'operators')]);
    await run(['create', '--name', 'ana', '--json']);
    const created = JSON.parse(text.trim()) as { id: string; name: string; key: string };
    expect(created).toMatchObject({ name: 'ana', key: expect.stringMatching(/^sbk_/) as unknown });
    text = '';
    await run(['list']);
    expect(text).toContain(created.id);
    expect(text).not.toContain(created.key);
    text = '';
    await run(['revoke', created.id]);
    expect(text).toBe(`revoked ${created.id}\n`);
  }, 60_000);
});
