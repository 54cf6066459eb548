/**
 * Creates AI SDK models from `provider:model` references and the providers' standard
 * environment variables. The only place that knows provider packages.
 */
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { ConfigurationError } from '@switchboard/core';
import type { Environment, ModelSpec } from './config.js';
import { createDemoModel } from './demo-model.js';
import type { LanguageModelV3 } from './types.js';

/** Default base URL of a local Ollama server's OpenAI-compatible API. */
export const DEFAULT_OLLAMA_BASE_URL = 'http://localhost:11434/v1';

function required(env: Environment, name: string, spec: ModelSpec): string {
  const value = env[name]?.trim();
  if (value) return value;
  throw new ConfigurationError(`${name} is not set; ${spec.source}=${spec.provider}:${spec.modelId} needs it`, { details: { field: name, provider: spec.provider } });
}

const optional = (env: Environment, name: string): string | undefined => env[name]?.trim() || undefined;

/** Options of {@link createModel}. */
export interface CreateModelOptions {
  spec: ModelSpec;
  /** Provider keys and base URLs (the composition root passes `process.env`). */
  env: Environment;
  /** HTTP client for the provider (tests, proxies). @defaultValue global fetch */
  fetch?: typeof globalThis.fetch;
}

/**
 * The AI SDK model for `spec`:
 *
 * | provider | model API | variables |
 * | --- | --- | --- |
 * | `openai` | OpenAI Responses API | `OPENAI_API_KEY` (required), `OPENAI_BASE_URL` |
 * | `anthropic` | Anthropic Messages API | `ANTHROPIC_API_KEY` (required), `ANTHROPIC_BASE_URL` |
 * | `ollama` | Ollama's OpenAI-compatible chat API | `OLLAMA_BASE_URL` (default `http://localhost:11434/v1`) |
 * | `compatible` | any OpenAI-compatible chat API (vLLM, LM Studio…) | `SWITCHBOARD_OPENAI_COMPATIBLE_BASE_URL` (required), `SWITCHBOARD_OPENAI_COMPATIBLE_API_KEY`, `SWITCHBOARD_OPENAI_COMPATIBLE_STRUCTURED_OUTPUTS` (`false` when the server lacks JSON-schema output) |
 * | `scripted` | the offline demo model (`scripted:demo`) | none |
 *
 * @throws ConfigurationError `CONFIG_INVALID` naming the missing variable (`OPENAI_API_KEY`…) or an unknown scripted model.
 * @example
 * ```ts
 * const model = createModel({ spec: parseModelSpec('openai:gpt-4o-mini', 'SWITCHBOARD_MODEL_TRIAGE'), env: process.env });
 * ```
 */
export function createModel(options: CreateModelOptions): LanguageModelV3 {
  const { spec, env } = options;
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  switch (spec.provider) {
    case 'openai': {
      const baseURL = optional(env, 'OPENAI_BASE_URL');
      return createOpenAI({ apiKey: required(env, 'OPENAI_API_KEY', spec), ...(baseURL ? { baseURL } : {}), ...fetchOption }).responses(spec.modelId);
    }
    case 'anthropic': {
      const baseURL = optional(env, 'ANTHROPIC_BASE_URL');
      return createAnthropic({ apiKey: required(env, 'ANTHROPIC_API_KEY', spec), ...(baseURL ? { baseURL } : {}), ...fetchOption })(spec.modelId);
    }
    case 'ollama':
      return createOpenAICompatible({ name: 'ollama', baseURL: optional(env, 'OLLAMA_BASE_URL') ?? DEFAULT_OLLAMA_BASE_URL, supportsStructuredOutputs: true, includeUsage: true, ...fetchOption }).chatModel(spec.modelId);
    case 'compatible': {
      const apiKey = optional(env, 'SWITCHBOARD_OPENAI_COMPATIBLE_API_KEY');
      return createOpenAICompatible({
        name: 'compatible',
        baseURL: required(env, 'SWITCHBOARD_OPENAI_COMPATIBLE_BASE_URL', spec),
        ...(apiKey ? { apiKey } : {}),
        supportsStructuredOutputs: optional(env, 'SWITCHBOARD_OPENAI_COMPATIBLE_STRUCTURED_OUTPUTS') !== 'false',
        includeUsage: true,
        ...fetchOption,
      }).chatModel(spec.modelId);
    }
    case 'scripted':
      if (spec.modelId === 'demo') return createDemoModel();
      throw new ConfigurationError(`${spec.source}=scripted:${spec.modelId}: the only built-in scripted model is scripted:demo`, { details: { field: spec.source } });
  }
}
