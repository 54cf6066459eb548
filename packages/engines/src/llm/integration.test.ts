/**
 * Integration over HTTP (issue 7 item 7): the real provider packages against small servers this
 * test starts on 127.0.0.1 — an OpenAI-compatible chat-completions server and an Anthropic
 * messages server — plain, streaming and tool calls, and a whole desk turn through each.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateText, streamText } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { parseModelSpec } from './config.js';
import { createModel } from './providers.js';
import type { ReplyStreamEvent } from './streaming.js';
import { agentAnswer, createHarness, ORDER, triageAnswer } from './test-fixtures.js';

/** What the fake model says next: text (JSON for structured output) or one tool call. */
type Say = { text: string } | { tool: string; input: unknown };

interface FakeServer {
  url: string;
  requests: Record<string, unknown>[];
  headers: IncomingMessage['headers'][];
  close(): Promise<void>;
}

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(handler: (body: Record<string, unknown>, response: ServerResponse) => void): Promise<FakeServer> {
  const requests: Record<string, unknown>[] = [];
  const headers: IncomingMessage['headers'][] = [];
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      requests.push(body);
      headers.push(request.headers);
      handler(body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake: FakeServer = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, headers, close: () => new Promise((resolve) => server.close(() => resolve())) };
  servers.push(fake);
  return fake;
}

const sse = (response: ServerResponse, events: readonly { event?: string; data: unknown }[]): void => {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const entry of events) response.write(`${entry.event ? `event: ${entry.event}\n` : ''}data: ${typeof entry.data === 'string' ? entry.data : JSON.stringify(entry.data)}\n\n`);
  response.end();
};

const chunks = (text: string, size = 8): string[] => Array.from({ length: Math.ceil(text.length / size) }, (_unused, index) => text.slice(index * size, index * size + size));

/** An OpenAI-compatible `/chat/completions` server answering from `script`. */
function openAiCompatible(script: Say[]): Promise<FakeServer> {
  let call = 0;
  return start((body, response) => {
    const say = script.shift() ?? { text: 'script exhausted' };
    call += 1;
    const usage = { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 };
    const toolCalls = 'tool' in say ? [{ id: `call_${call}`, type: 'function', function: { name: say.tool, arguments: JSON.stringify(say.input) } }] : undefined;
    const finish = toolCalls ? 'tool_calls' : 'stop';
    const base = { id: `chatcmpl_${call}`, created: 1_767_600_000, model: String(body.model) };
    if (body.stream !== true) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'text' in say ? say.text : null, ...(toolCalls ? { tool_calls: toolCalls } : {}) }, finish_reason: finish }], usage }));
      return;
    }
    const chunk = (delta: unknown, finishReason: string | null = null) => ({ data: { ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finishReason }] } });
    const deltas = 'text' in say
      ? [chunk({ role: 'assistant', content: '' }), ...chunks(say.text).map((piece) => chunk({ content: piece }))]
      : [chunk({ role: 'assistant', tool_calls: [{ index: 0, ...toolCalls?.[0] }] })];
    sse(response, [...deltas, chunk({}, finish), { data: { ...base, object: 'chat.completion.chunk', choices: [], usage } }, { data: '[DONE]' }]);
  });
}

/** An Anthropic `/messages` server answering from `script`; structured output goes through the `json` tool when the request offers it. */
function anthropic(script: Say[]): Promise<FakeServer> {
  let call = 0;
  return start((body, response) => {
    let say = script.shift() ?? { text: 'script exhausted' };
    call += 1;
    const offersJsonTool = Array.isArray(body.tools) && (body.tools as { name?: string }[]).some((tool) => tool.name === 'json');
    if ('text' in say && offersJsonTool) say = { tool: 'json', input: JSON.parse(say.text) as unknown };
    const block = 'text' in say ? { type: 'text', text: say.text } : { type: 'tool_use', id: `toolu_${call}`, name: say.tool, input: say.input };
    const stopReason = 'tool' in say ? 'tool_use' : 'end_turn';
    const message = { id: `msg_${call}`, type: 'message', role: 'assistant', model: String(body.model), stop_sequence: null };
    if (body.stream !== true) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ...message, content: [block], stop_reason: stopReason, usage: { input_tokens: 70, output_tokens: 12 } }));
      return;
    }
    const deltas = 'text' in say
      ? [{ event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } } }, ...chunks(say.text).map((text) => ({ event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } } }))]
      : [
        { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: `toolu_${call}`, name: say.tool, input: {} } } },
        { event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: JSON.stringify(say.input) } } },
      ];
    sse(response, [
      { event: 'message_start', data: { type: 'message_start', message: { ...message, content: [], stop_reason: null, usage: { input_tokens: 70, output_tokens: 1 } } } },
      ...deltas,
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
      { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 12 } } },
      { event: 'message_stop', data: { type: 'message_stop' } },
    ]);
  });
}

const deskScript = (): Say[] => [
  { text: JSON.stringify(triageAnswer('track_order')) },
  { tool: 'get_order_status', input: { order_id: ORDER.order_id } },
  { text: JSON.stringify(agentAnswer(`Order ${ORDER.order_id} is delivered. Tracking number: 123456789012.`)) },
];

describe('an OpenAI-compatible server (vLLM, LM Studio, Ollama…)', () => {
  it('answers plain and streamed text', async () => {
    const server = await openAiCompatible([{ text: 'Hello there.' }, { text: 'Streamed hello, in pieces.' }]);
    const model = createModel({ spec: parseModelSpec('compatible:test-model', 'SWITCHBOARD_MODEL'), env: { SWITCHBOARD_OPENAI_COMPATIBLE_BASE_URL: `${server.url}/v1` } });
    const plain = await generateText({ model, prompt: 'hi', maxRetries: 0 });
    expect(plain.text).toBe('Hello there.');
    expect(plain.usage.inputTokens).toBe(50);
    const streamed = streamText({ model, prompt: 'hi', maxRetries: 0 });
    const pieces: string[] = [];
    for await (const piece of streamed.textStream) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('Streamed hello, in pieces.');
    expect(server.requests[1]).toMatchObject({ model: 'test-model', stream: true });
  });

  it('runs a desk turn: structured triage, a tool call and its result, a streamed final answer, cost per call', async () => {
    const server = await openAiCompatible(deskScript());
    const events: ReplyStreamEvent[] = [];
    const harness = await createHarness({
      env: { SWITCHBOARD_MODEL: 'compatible:test-model', SWITCHBOARD_OPENAI_COMPATIBLE_BASE_URL: `${server.url}/v1`, SWITCHBOARD_OPENAI_COMPATIBLE_API_KEY: 'local-key' },
      settings: { roles: { triage: { engine: 'llm' }, specialist: { engine: 'llm' } }, streaming: 'live' },
      onReplyStream: (event) => events.push(event),
      customerId: 'user_1',
    });
    const outcome = await harness.say('where is my order #W1234567?');

    expect(outcome.triage).toMatchObject({ intent: 'track_order', decidedBy: 'llm' });
    expect(outcome.replies[0]?.text).toContain('Order #W1234567 is delivered');
    const [triage, toolStep, answer] = server.requests;
    expect(triage).toMatchObject({ response_format: { type: 'json_schema' } });
    expect(server.headers[0]?.authorization).toBe('Bearer local-key');
    expect((toolStep?.tools as { function: { name: string } }[]).map((entry) => entry.function.name)).toContain('get_order_status');
    expect(JSON.stringify(answer?.messages)).toContain('123456789012');
    expect(events.filter((event) => event.type === 'delta').length).toBeGreaterThan(1);
    expect(harness.engines.ledger.conversation(harness.conversation.id)).toMatchObject({ calls: 3, tokens: { input: 150, output: 30 }, unpricedCalls: 3 });
  });
});

describe('the Anthropic messages API', () => {
  it('answers plain and streamed text with the key in x-api-key', async () => {
    const server = await anthropic([{ text: 'Hello from Claude.' }, { text: 'Streamed from Claude, in pieces.' }]);
    const model = createModel({ spec: parseModelSpec('anthropic:claude-haiku-4-5', 'SWITCHBOARD_MODEL'), env: { ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: `${server.url}/v1` } });
    expect((await generateText({ model, prompt: 'hi', maxRetries: 0 })).text).toBe('Hello from Claude.');
    expect(server.headers[0]?.['x-api-key']).toBe('sk-ant-test');
    const pieces: string[] = [];
    for await (const piece of streamText({ model, prompt: 'hi', maxRetries: 0 }).textStream) pieces.push(piece);
    expect(pieces.join('')).toBe('Streamed from Claude, in pieces.');
  });

  it('runs a desk turn with tool use and structured output', async () => {
    const server = await anthropic(deskScript());
    const harness = await createHarness({
      env: { SWITCHBOARD_MODEL: 'anthropic:claude-haiku-4-5', ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: `${server.url}/v1` },
      settings: { roles: { triage: { engine: 'llm' }, specialist: { engine: 'llm' } } },
      customerId: 'user_1',
    });
    const outcome = await harness.say('where is my order #W1234567?');

    expect(outcome.triage).toMatchObject({ intent: 'track_order', decidedBy: 'llm' });
    expect(outcome.replies[0]?.text).toContain('Order #W1234567 is delivered');
    const toolNames = (server.requests[1]?.tools as { name: string }[]).map((entry) => entry.name);
    expect(toolNames).toEqual(expect.arrayContaining(['get_order_status', 'transfer_to_billing', 'escalate_to_human']));
    expect(JSON.stringify(server.requests[2]?.messages)).toContain('tool_result');
    // claude-haiku-4-5 at $1 / $5 per million tokens.
    expect(harness.engines.ledger.conversation(harness.conversation.id).costUsd).toBeCloseTo((210 * 1 + 36 * 5) / 1_000_000, 9);
  });
});
