/**
 * One model turn of an agent: the AI SDK tool loop (`generateText`, or `streamText` when the reply
 * is streamed live) with a step limit and a stop condition, normalized to what the engine needs:
 * the validated output, or why there is none, and the messages to continue from.
 */
import { generateText, NoObjectGeneratedError, NoOutputGeneratedError, stepCountIs, streamText, type ModelMessage, type OutputInterface, type Tool } from 'ai';
import { z } from 'zod';
import { describeIssue } from './schemas.js';
import type { LanguageModelV3 } from './types.js';

/** What one model turn produced. `problem` says why `output` is absent (`step_limit`, a schema issue, `no_output`). */
export interface ModelTurn<T> {
  output?: T;
  problem?: string;
  /** The messages the model and tools added (assistant and tool messages), to continue from. */
  messages: ModelMessage[];
}

/** Options of {@link runModelTurn}. */
export interface ModelTurnOptions<T> {
  model: LanguageModelV3;
  system: string;
  messages: ModelMessage[];
  tools?: Record<string, Tool>;
  output: OutputInterface<T, unknown>;
  /** Model calls allowed in this turn (≥ 1). */
  maxSteps: number;
  /** Stops the loop after the current step (a transfer or an escalation was requested). */
  stop: () => boolean;
  /** Streams the text of `field` of the structured output as it is written (live streaming). */
  onDelta?: { field: string; emit: (delta: string) => void };
}

function explain(error: NoObjectGeneratedError): string {
  const cause = error.cause;
  if (cause instanceof z.ZodError) return describeIssue(cause);
  if (cause && typeof cause === 'object' && 'cause' in cause && cause.cause instanceof z.ZodError) return describeIssue(cause.cause);
  return 'the answer was not valid JSON';
}

/**
 * Runs the loop. Model and tool failures other than an invalid final answer propagate (the
 * resilient model has already retried what can be retried).
 * @returns the output, or `problem` with the messages so far (for a repair prompt).
 */
export async function runModelTurn<T>(options: ModelTurnOptions<T>): Promise<ModelTurn<T>> {
  const stepMessages: ModelMessage[][] = [];
  let lastFinish: string | undefined;
  const settings = {
    model: options.model,
    system: options.system,
    messages: options.messages,
    ...(options.tools ? { tools: options.tools } : {}),
    output: options.output,
    stopWhen: [stepCountIs(options.maxSteps), () => options.stop()],
    maxRetries: 0,
    onStepFinish: (step: { response: { messages: ModelMessage[] }; finishReason: string }) => {
      stepMessages.push(step.response.messages);
      lastFinish = step.finishReason;
    },
  };
  const problemOf = (error: unknown): ModelTurn<T> => {
    if (NoObjectGeneratedError.isInstance(error)) return { problem: explain(error), messages: stepMessages.at(-1) ?? [] };
    if (NoOutputGeneratedError.isInstance(error)) return { problem: lastFinish === 'tool-calls' ? 'step_limit' : 'no_output', messages: stepMessages.at(-1) ?? [] };
    throw error;
  };
  if (options.onDelta === undefined) {
    try {
      const result = await generateText(settings);
      // Stopped for a transfer or an escalation: there is no final answer to read (reading it would throw).
      if (options.stop()) return { messages: result.response.messages };
      return { output: result.output, messages: result.response.messages };
    } catch (error) {
      return problemOf(error);
    }
  }
  let streamError: unknown;
  const result = streamText({ ...settings, onError: ({ error }) => void (streamError ??= error) });
  let sent = '';
  for await (const partial of result.partialOutputStream) {
    const value = partial && typeof partial === 'object' ? (partial as Record<string, unknown>)[options.onDelta.field] : undefined;
    if (typeof value === 'string' && value.length > sent.length && value.startsWith(sent)) {
      options.onDelta.emit(value.slice(sent.length));
      sent = value;
    }
  }
  if (streamError !== undefined && !NoObjectGeneratedError.isInstance(streamError)) throw streamError instanceof Error ? streamError : new Error('Model stream failed', { cause: streamError });
  try {
    const output = await result.output;
    return { output, messages: (await result.response).messages };
  } catch (error) {
    return problemOf(error);
  }
}
