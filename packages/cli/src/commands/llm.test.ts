/**
 * `switchboard chat --engine llm` with the offline scripted model (issue 7 "done when"): a
 * conversation shows triage, a handoff, a tool call, a QA verdict and the cost; `llm roles` names
 * what to set.
 */
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateStore } from '@switchboard/demo-store';
import { buildProgram } from '../main.js';

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('switchboard chat --engine llm', () => {
  it('shows triage by the model, a handoff, a tool call, the QA verdicts and the cost', async () => {
    vi.stubEnv('SWITCHBOARD_MODEL', 'scripted:demo');
    const customer = Object.values(generateStore({ seed: 42 }).users).find((user) => user.orders.length > 0)!;
    const orderId = customer.orders[0]!;
    const stdout = collect();
    const stdin = Readable.from([`I would like to leave a review for order ${orderId}\n`, '/quit\n']);
    await buildProgram({ stdout: stdout.stream, stderr: collect().stream, stdin }).parseAsync(['node', 'switchboard', 'chat', '--memory', '--engine', 'llm', '--customer', customer.email]);
    const output = stdout.text();
    expect(output).toContain('engines: triage llm (scripted:demo) · specialist llm (scripted:demo)');
    expect(output).toMatch(/triage \(llm\): review 0\.90/);
    expect(output).toMatch(/handoff faq → orders/);
    expect(output).toMatch(/tool get_order_details ok/);
    expect(output).toMatch(/QA gate \(rules\): (approve|revise)/);
    expect(output).toMatch(/QA judge \(rules\+llm\) on orders: (approve|revise)/);
    expect(output).toMatch(/cost so far: 5 model calls, \d+ tokens, \$0\.000000/);
    expect(output).toMatch(new RegExp(`Orders> .*Order ${orderId} is \\w+`, 's'));
  });

  it('names the variable to set when a model role has no model', async () => {
    const stderr = collect();
    const program = buildProgram({ stdout: collect().stream, stderr: stderr.stream, stdin: Readable.from([]) });
    const error: unknown = await program.parseAsync(['node', 'switchboard', 'llm', 'roles', '--engine', 'llm']).catch((caught: unknown) => caught);
    expect(String((error as Error).message)).toContain('SWITCHBOARD_MODEL_TRIAGE is not set');
  });
});
