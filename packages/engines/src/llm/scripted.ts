/**
 * The scripted model double: a {@link LanguageModelV3} that answers from a queue of replies,
 * records its calls and throws a named error on an unexpected call. Zero latency, no network:
 * unit tests, offline demos (`scripted:demo`) and the orchestration benchmark run on it.
 */
import { EngineError } from '@switchboard/core';
import { toModelUsage, type LanguageModelV3, type ModelCallOptions, type ModelGenerateResult, type ModelStreamPart, type ModelStreamResult, type TokenCount } from './types.js';

/** One scripted model reply. `tool-calls` with `raw` sends that string as the arguments (malformed JSON on purpose). */
export type ScriptedReply =
  | { type: 'text'; text: string; usage?: TokenCount }
  | { type: 'tool-calls'; calls: readonly { toolName: string; input?: unknown; raw?: string }[]; usage?: TokenCount }
  | { type: 'error'; error: unknown };

/** A scripted reply, or a function of the call that returns one (to read the prompt or tool results). */
export type ScriptedStep = ScriptedReply | ((call: ModelCallOptions) => ScriptedReply | Promise<ScriptedReply>);

/** Builders of {@link ScriptedReply} values. */
export const reply = {
  /** A plain text answer. */
  text: (text: string, usage?: TokenCount): ScriptedReply => ({ type: 'text', text, ...(usage ? { usage } : {}) }),
  /** A JSON answer (structured output): `value` serialized. */
  json: (value: unknown, usage?: TokenCount): ScriptedReply => ({ type: 'text', text: JSON.stringify(value), ...(usage ? { usage } : {}) }),
  /** One tool call with JSON-serialized `input` (serialized here, once: a looping benchmark script replays it thousands of times). */
  toolCall: (toolName: string, input: unknown, usage?: TokenCount): ScriptedReply => ({ type: 'tool-calls', calls: [{ toolName, input, raw: JSON.stringify(input ?? {}) }], ...(usage ? { usage } : {}) }),
  /** One tool call whose arguments are exactly `raw` (for malformed-argument paths). */
  rawToolCall: (toolName: string, raw: string): ScriptedReply => ({ type: 'tool-calls', calls: [{ toolName, raw }] }),
  /** The call fails with `error` (an `APICallError` for provider failures). */
  error: (error: unknown): ScriptedReply => ({ type: 'error', error }),
};

const DEFAULT_USAGE: TokenCount = { input: 10, output: 5 };

/** Converts a reply into the provider-spec result `doGenerate` returns. `callIndex` makes tool-call ids unique. */
export function toGenerateResult(scripted: Exclude<ScriptedReply, { type: 'error' }>, callIndex = 0): ModelGenerateResult {
  const usage = toModelUsage(scripted.usage ?? DEFAULT_USAGE);
  if (scripted.type === 'text') {
    return { content: [{ type: 'text', text: scripted.text }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] };
  }
  return {
    content: scripted.calls.map((call, index) => ({ type: 'tool-call' as const, toolCallId: `call_${callIndex}_${index}`, toolName: call.toolName, input: call.raw ?? JSON.stringify(call.input ?? {}) })),
    finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
    usage,
    warnings: [],
  };
}

/** Converts a generate result into the stream parts of `doStream` (text in chunks of `chunkChars`). */
export function toStreamParts(result: ModelGenerateResult, chunkChars = 16): ModelStreamPart[] {
  const parts: ModelStreamPart[] = [{ type: 'stream-start', warnings: [] }];
  for (const [index, content] of result.content.entries()) {
    if (content.type === 'text') {
      const id = `text_${index}`;
      parts.push({ type: 'text-start', id });
      for (let start = 0; start < content.text.length; start += chunkChars) parts.push({ type: 'text-delta', id, delta: content.text.slice(start, start + chunkChars) });
      parts.push({ type: 'text-end', id });
    } else if (content.type === 'tool-call') {
      parts.push(content);
    }
  }
  parts.push({ type: 'finish', usage: result.usage, finishReason: result.finishReason });
  return parts;
}

/** Options of {@link ScriptedLanguageModel}. */
export interface ScriptedLanguageModelOptions {
  /** Model id reported to the SDK and the price table. @defaultValue 'scripted' */
  modelId?: string;
  /** Provider name (breaker key, cost report). @defaultValue 'scripted' */
  provider?: string;
  /** Start over at the first step when the queue runs out (benchmarks). @defaultValue false */
  loop?: boolean;
  /** Keep every call's options in `calls` (turn off for long benchmark runs). @defaultValue true */
  recordCalls?: boolean;
}

/**
 * A zero-latency scripted model (AI SDK provider specification v3).
 * Use `MockLanguageModelV3` from `ai/test` in unit tests of the SDK itself; use this one where
 * the same script must also run outside tests (the `scripted:` provider, the benchmark).
 *
 * @throws EngineError `UNEXPECTED_ENGINE_CALL` from a call made after the queue ran out (unless `loop`).
 * @example
 * ```ts
 * const model = new ScriptedLanguageModel([reply.toolCall('get_order_details', { order_id: '#W1' }), reply.json({ reply: 'Shipped.', status: 'resolved', confidence: 0.9, sources: [], awaiting: null })]);
 * ```
 */
export class ScriptedLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider: string;
  readonly modelId: string;
  readonly supportedUrls = {};
  /** Every call's options, oldest first (when `recordCalls`). */
  readonly calls: ModelCallOptions[] = [];
  private readonly steps: ScriptedStep[];
  private readonly options: ScriptedLanguageModelOptions;
  private next = 0;
  private count = 0;

  constructor(steps: readonly ScriptedStep[], options: ScriptedLanguageModelOptions = {}) {
    this.steps = [...steps];
    this.options = options;
    this.provider = options.provider ?? 'scripted';
    this.modelId = options.modelId ?? 'scripted';
  }

  /** Appends steps to the queue. */
  enqueue(...steps: ScriptedStep[]): void {
    this.steps.push(...steps);
  }

  /** Steps not yet used. */
  get remaining(): number {
    return this.steps.length - this.next;
  }

  async doGenerate(call: ModelCallOptions): Promise<ModelGenerateResult> {
    if (this.options.recordCalls !== false) this.calls.push(call);
    this.count += 1;
    if (this.next >= this.steps.length && this.options.loop === true) this.next = 0;
    const step = this.steps[this.next];
    if (step === undefined) {
      throw new EngineError('UNEXPECTED_ENGINE_CALL', `Scripted model "${this.modelId}" has no reply left`, { details: { call: this.count } });
    }
    this.next += 1;
    const scripted = typeof step === 'function' ? await step(call) : step;
    if (scripted.type === 'error') throw scripted.error;
    return toGenerateResult(scripted, this.count);
  }

  async doStream(call: ModelCallOptions): Promise<ModelStreamResult> {
    const result = await this.doGenerate(call);
    const parts = toStreamParts(result);
    return {
      stream: new ReadableStream<ModelStreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      }),
    };
  }
}
