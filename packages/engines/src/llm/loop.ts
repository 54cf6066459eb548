/**
 * One model turn of an agent: our step loop over the AI SDK provider interface
 * (`LanguageModelV3.doGenerate`, or `doStream` when the reply is streamed live). Tools are offered
 * with their JSON Schemas, tool calls run in the order the model made them and their results go
 * back to the model, until it answers with the structured output, a tool asks to stop (a transfer,
 * an escalation) or the step limit is reached.
 *
 * It sends the provider packages the same prompt format as the SDK's `generateText`, without its
 * per-call prompt re-validation, step bookkeeping and telemetry; retries, timeouts, breakers and the
 * cost record stay in `ResilientModel`, which wraps the model this loop calls.
 */
import { parsePartialJson } from 'ai';
import type { z } from 'zod';
import { SwitchboardError } from '@switchboard/core';
import { describeIssue, type ProviderJsonSchema, type StructuredOutput } from './schemas.js';
import type { LanguageModelV3, ModelCallOptions, ModelFunctionTool, ModelGenerateResult, ModelPromptMessage, ModelToolResultOutput } from './types.js';

/** A tool offered in a turn. */
export interface LoopTool {
  description: string;
  /** The input JSON Schema the model sees. */
  inputSchema: ProviderJsonSchema;
  /**
   * Validates the parsed arguments before `execute`; a failure goes back to the model as a tool
   * error. Absent: the parsed arguments go to `execute` as they are (gateway tools: the gateway
   * validates them with the tool's schema and answers `TOOL_INVALID_ARGUMENTS` itself).
   */
  schema?: z.ZodType;
  /** Runs the call. What it resolves to is what the model reads (a string as text, anything else as JSON). */
  execute(input: unknown): Promise<unknown>;
}

/** What one model turn produced. `problem` says why `output` is absent (`step_limit`, a schema issue, invalid JSON). */
export interface ModelTurn<T> {
  output?: T;
  problem?: string;
  /** The messages the model and tools added (assistant and tool messages), to continue from. */
  messages: ModelPromptMessage[];
  /** Model calls made (1 … `maxSteps`). */
  steps: number;
}

/** Options of {@link runModelTurn}. */
export interface ModelTurnOptions<T> {
  model: LanguageModelV3;
  system: string;
  /** The conversation so far (no system message). */
  messages: readonly ModelPromptMessage[];
  tools?: Readonly<Record<string, LoopTool>>;
  output: StructuredOutput<T>;
  /** Model calls allowed in this turn (≥ 1). */
  maxSteps: number;
  /** Stops the loop after the current step (a transfer or an escalation was requested). @defaultValue never */
  stop?: () => boolean;
  /** Streams the text of `field` of the structured output as it is written (live streaming; uses `doStream`). */
  onDelta?: { field: string; emit: (delta: string) => void };
}

type ToolCallPart = Extract<ModelGenerateResult['content'][number], { type: 'tool-call' }>;

/** What one model call said: its text and the tool calls it made. */
interface Step {
  text: string;
  calls: ToolCallPart[];
}

type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

/** Tool arguments as the provider sends them (a JSON string; empty means none). Validated afterwards by the tool's schema. */
function parseArguments(raw: unknown): Parsed {
  if (typeof raw !== 'string') return { ok: true, value: raw };
  if (raw.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, problem: 'the arguments are not valid JSON' };
  }
}

/** The structured output from the final answer's text: JSON, then the output's zod schema. */
function parseOutput<T>(output: StructuredOutput<T>, text: string): { output: T } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { problem: 'the answer was not valid JSON' };
  }
  const parsed = output.schema.safeParse(value);
  return parsed.success ? { output: parsed.data } : { problem: describeIssue(parsed.error) };
}

/** Shared by every call that offers tools (never mutated). */
const AUTO_TOOL_CHOICE: NonNullable<ModelCallOptions['toolChoice']> = { type: 'auto' };

const errorText = (value: string): ModelToolResultOutput => ({ type: 'error-text', value });

async function generateStep(model: LanguageModelV3, call: ModelCallOptions): Promise<Step> {
  const result = await model.doGenerate(call);
  let text = '';
  const calls: ToolCallPart[] = [];
  for (const part of result.content) {
    if (part.type === 'text') text += part.text;
    else if (part.type === 'tool-call' && part.providerExecuted !== true) calls.push(part);
  }
  return { text, calls };
}

async function streamStep(model: LanguageModelV3, call: ModelCallOptions, onText: (text: string) => Promise<void>): Promise<Step> {
  const { stream } = await model.doStream(call);
  let text = '';
  const calls: ToolCallPart[] = [];
  for await (const part of stream) {
    if (part.type === 'text-delta') {
      text += part.delta;
      await onText(text);
    } else if (part.type === 'tool-call' && part.providerExecuted !== true) {
      calls.push(part);
    } else if (part.type === 'error') {
      throw part.error instanceof Error ? part.error : new Error('Model stream failed', { cause: part.error });
    }
  }
  return { text, calls };
}

/** Emits the growth of `field` in the partial JSON written so far. */
function partialEmitter(onDelta: NonNullable<ModelTurnOptions<unknown>['onDelta']>): (text: string) => Promise<void> {
  let sent = '';
  return async (text) => {
    const partial = (await parsePartialJson(text)).value;
    const value = partial && typeof partial === 'object' && !Array.isArray(partial) ? (partial as Record<string, unknown>)[onDelta.field] : undefined;
    if (typeof value === 'string' && value.length > sent.length && value.startsWith(sent)) {
      onDelta.emit(value.slice(sent.length));
      sent = value;
    }
  };
}

/** Runs one tool call; every failure becomes a result the model reads, never a throw out of the run. */
async function runTool(input: { tools: Readonly<Record<string, LoopTool>>; call: ToolCallPart; args: Parsed }): Promise<ModelToolResultOutput> {
  const { call, args } = input;
  const tool = Object.hasOwn(input.tools, call.toolName) ? input.tools[call.toolName] : undefined;
  if (tool === undefined) return errorText(`There is no tool "${call.toolName}". Available tools: ${Object.keys(input.tools).join(', ')}.`);
  if (!args.ok) return errorText(`Invalid arguments for tool ${call.toolName}: ${args.problem}.`);
  let value = args.value;
  if (tool.schema) {
    const checked = tool.schema.safeParse(value);
    if (!checked.success) return errorText(`Invalid arguments for tool ${call.toolName}: ${describeIssue(checked.error)}.`);
    value = checked.data;
  }
  try {
    const result = await tool.execute(value);
    return typeof result === 'string' ? { type: 'text', value: result } : { type: 'json', value: (result ?? null) as Extract<ModelToolResultOutput, { type: 'json' }>['value'] };
  } catch (error) {
    // The code only: error messages may carry customer data.
    return errorText(`Tool ${call.toolName} failed (${error instanceof SwitchboardError ? error.code : 'INTERNAL'}).`);
  }
}

/**
 * Runs the loop. Model failures propagate (the resilient model has already retried what can be
 * retried); tool failures and invalid tool arguments are shown to the model; an invalid final
 * answer is returned as `problem` (with the messages so far, for a repair prompt).
 * @returns the validated output; or `problem` (`step_limit` when the model was still calling tools
 *   after `maxSteps` calls); or neither when `stop` ended the loop.
 */
export async function runModelTurn<T>(options: ModelTurnOptions<T>): Promise<ModelTurn<T>> {
  const tools = options.tools ?? {};
  const offered: ModelFunctionTool[] = [];
  for (const name in tools) {
    if (!Object.hasOwn(tools, name)) continue;
    const tool = tools[name]!;
    offered.push({ type: 'function', name, description: tool.description, inputSchema: tool.inputSchema });
  }
  const responseFormat: ModelCallOptions['responseFormat'] = { type: 'json', schema: options.output.jsonSchema, name: options.output.name };
  const system: ModelPromptMessage = { role: 'system', content: options.system };
  const added: ModelPromptMessage[] = [];
  const onText = options.onDelta ? partialEmitter(options.onDelta) : undefined;
  for (let step = 1; step <= options.maxSteps; step += 1) {
    // A fresh prompt array per call: a recording model keeps what it was sent.
    const prompt: ModelPromptMessage[] = [system, ...options.messages, ...added];
    const call: ModelCallOptions = offered.length > 0 ? { tools: offered, toolChoice: AUTO_TOOL_CHOICE, responseFormat, prompt } : { responseFormat, prompt };
    const { text, calls } = onText ? await streamStep(options.model, call, onText) : await generateStep(options.model, call);
    if (calls.length === 0) {
      if (text !== '') added.push({ role: 'assistant', content: [{ type: 'text', text }] });
      const parsedOutput = parseOutput(options.output, text);
      return 'output' in parsedOutput ? { output: parsedOutput.output, messages: added, steps: step } : { problem: parsedOutput.problem, messages: added, steps: step };
    }
    const content: Extract<ModelPromptMessage, { role: 'assistant' }>['content'] = text === '' ? [] : [{ type: 'text', text }];
    const parsed: Parsed[] = [];
    for (const part of calls) {
      const args = parseArguments(part.input);
      parsed.push(args);
      content.push({ type: 'tool-call', toolCallId: part.toolCallId, toolName: part.toolName, input: args.ok ? args.value : {} });
    }
    added.push({ role: 'assistant', content });
    const results: Extract<ModelPromptMessage, { role: 'tool' }>['content'] = [];
    for (let index = 0; index < calls.length; index += 1) {
      const part = calls[index]!;
      results.push({ type: 'tool-result', toolCallId: part.toolCallId, toolName: part.toolName, output: await runTool({ tools, call: part, args: parsed[index]! }) });
    }
    added.push({ role: 'tool', content: results });
    if (options.stop?.() === true) return { messages: added, steps: step };
  }
  return { problem: 'step_limit', messages: added, steps: options.maxSteps };
}
