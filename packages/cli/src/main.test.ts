import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './main.js';

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe('switchboard chat', () => {
  it('shows which agent answers each line and refuses an empty line clearly', async () => {
    const stdout = collect();
    const stderr = collect();
    const stdin = Readable.from(["what's your return policy?\n", '   \n', 'I want to talk to a human\n', '/quit\n']);
    const program = buildProgram({ stdout: stdout.stream, stderr: stderr.stream, stdin });
    await program.parseAsync(['node', 'switchboard', 'chat', '--memory']);
    const output = stdout.text();
    expect(output).toMatch(/Returns> .*30 days/s);
    expect(output).toMatch(/not sent: The message is empty/);
    expect(output).toMatch(/Escalation> .*ticket T-[0-9A-F]{8}/s);
    expect(output).toMatch(/intent contact_human_agent|outcome escalated/);
  });

  it('lets an operator claim, answer and return the conversation to the bot from the same terminal', async () => {
    const stdout = collect();
    const stdin = Readable.from(['I want to talk to a person\n', '/claim\n', 'hello?\n', '/op Hi, Sam here.\n', "/return Customer only wanted the return policy\n", "what's your return policy?\n", '/quit\n']);
    await buildProgram({ stdout: stdout.stream, stderr: collect().stream, stdin }).parseAsync(['node', 'switchboard', 'chat', '--memory']);
    const output = stdout.text();
    expect(output).toMatch(/Claimed T-[0-9A-F]{8}/);
    expect(output).toMatch(/outcome silent/);
    expect(output).toMatch(/Operator> Hi, Sam here\./);
    expect(output).toMatch(/Returned conv_\w+ to the bot/);
    expect(output).toMatch(/Returns> .*30 days/s);
  });
});
