/**
 * Language-model types of the AI SDK provider specification v3, derived from `ai` so the engine
 * needs no direct dependency on `@ai-sdk/provider`.
 */
import type { LanguageModel } from 'ai';

/** A model object of the AI SDK provider specification v3 (what `@ai-sdk/*` providers return). */
export type LanguageModelV3 = Extract<LanguageModel, { specificationVersion: 'v3' }>;
/** Options of one model call (`doGenerate` / `doStream`). */
export type ModelCallOptions = Parameters<LanguageModelV3['doGenerate']>[0];
/** What `doGenerate` resolves to. */
export type ModelGenerateResult = Awaited<ReturnType<LanguageModelV3['doGenerate']>>;
/** What `doStream` resolves to. */
export type ModelStreamResult = Awaited<ReturnType<LanguageModelV3['doStream']>>;
/** One part of a model stream. */
export type ModelStreamPart = ModelStreamResult['stream'] extends ReadableStream<infer Part> ? Part : never;
/** One message of a model call's prompt (system, user, assistant with tool calls, tool results). */
export type ModelPromptMessage = ModelCallOptions['prompt'][number];
/** A function tool as the provider receives it (name, description, input JSON Schema). */
export type ModelFunctionTool = Extract<NonNullable<ModelCallOptions['tools']>[number], { type: 'function' }>;
/** What a tool result tells the model (`json`, `text`, `error-text`…). */
export type ModelToolResultOutput = Extract<Extract<ModelPromptMessage, { role: 'tool' }>['content'][number], { type: 'tool-result' }>['output'];
/** Token usage of one model call as the provider reports it. */
export type ModelUsage = ModelGenerateResult['usage'];

/** The four roles a desk runs models for. */
export const MODEL_ROLES = ['triage', 'specialist', 'escalation', 'qa'] as const;
/** One of {@link MODEL_ROLES}. */
export type ModelRole = (typeof MODEL_ROLES)[number];

/** Input and output tokens of one call or a sum of calls. */
export interface TokenCount {
  input: number;
  output: number;
}

/** Builds provider-shaped usage from plain token counts. */
export function toModelUsage(tokens: TokenCount): ModelUsage {
  return {
    inputTokens: { total: tokens.input, noCache: tokens.input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: tokens.output, text: tokens.output, reasoning: undefined },
  };
}
