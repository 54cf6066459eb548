/** Per-role configuration from settings and the environment; every misconfiguration names what to set. */
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '@switchboard/core';
import { resolveLlmConfig } from './config.js';
import { findPrice } from './prices.js';
import { createModel } from './providers.js';

function configError(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
}

describe('resolveLlmConfig', () => {
  it('keeps every role local by default and needs no model', () => {
    const config = resolveLlmConfig();
    expect(Object.values(config.roles).map((role) => role.engine)).toEqual(['local', 'local', 'local', 'local']);
    expect(config.limits).toMatchObject({ maxAgentSteps: 8, conversationTokenBudget: 200_000, maxRetries: 2 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads per-role engines and models from the environment, over settings and the CLI default', () => {
    const config = resolveLlmConfig({
      engine: 'llm',
      settings: { roles: { qa: { engine: 'local' } } },
      env: {
        SWITCHBOARD_ENGINE_TRIAGE: 'hybrid',
        SWITCHBOARD_MODEL: 'openai:gpt-4o-mini',
        SWITCHBOARD_MODEL_ESCALATION: 'anthropic:claude-sonnet-4-5',
        SWITCHBOARD_MODEL_SPECIALIST: 'ollama:llama3.1:8b',
        SWITCHBOARD_TOKEN_BUDGET: '5000',
      },
    });
    expect(config.roles.triage).toEqual({ engine: 'hybrid', model: { provider: 'openai', modelId: 'gpt-4o-mini', source: 'SWITCHBOARD_MODEL' } });
    expect(config.roles.specialist.model).toEqual({ provider: 'ollama', modelId: 'llama3.1:8b', source: 'SWITCHBOARD_MODEL_SPECIALIST' });
    expect(config.roles.escalation.model?.provider).toBe('anthropic');
    expect(config.roles.qa.engine).toBe('llm');
    expect(config.limits.conversationTokenBudget).toBe(5000);
  });

  it('names the variable to set when a model role has no model', () => {
    const error = configError(() => resolveLlmConfig({ engine: 'llm', env: {} }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('SWITCHBOARD_MODEL_TRIAGE');
    expect(error.details.field).toBe('SWITCHBOARD_MODEL_TRIAGE');
  });

  it('names the variable holding a malformed model, an unknown engine or a bad limit', () => {
    expect(configError(() => resolveLlmConfig({ env: { SWITCHBOARD_MODEL_QA: 'gpt-4o' } })).details.field).toBe('SWITCHBOARD_MODEL_QA');
    expect(configError(() => resolveLlmConfig({ env: { SWITCHBOARD_MODEL_QA: 'mistral:large' } })).message).toContain('openai:');
    expect(configError(() => resolveLlmConfig({ env: { SWITCHBOARD_ENGINE: 'gpt' } })).details.field).toBe('SWITCHBOARD_ENGINE');
    expect(configError(() => resolveLlmConfig({ env: { SWITCHBOARD_MAX_AGENT_STEPS: 'ten' } })).details.field).toBe('SWITCHBOARD_MAX_AGENT_STEPS');
    expect(configError(() => resolveLlmConfig({ settings: { limits: { maxAgentSteps: 0 } } })).details.field).toBe('llm.limits.maxAgentSteps');
  });
});

describe('createModel', () => {
  const spec = (value: string) => {
    const [provider, modelId] = value.split(/:(.*)/s) as [never, string];
    return { provider, modelId, source: 'SWITCHBOARD_MODEL_TRIAGE' };
  };

  it('names the provider key that is missing', () => {
    expect(configError(() => createModel({ spec: spec('openai:gpt-4o-mini'), env: {} })).message).toMatch(/^OPENAI_API_KEY is not set; SWITCHBOARD_MODEL_TRIAGE=openai:gpt-4o-mini needs it/);
    expect(configError(() => createModel({ spec: spec('anthropic:claude-haiku-4-5'), env: {} })).details.field).toBe('ANTHROPIC_API_KEY');
    expect(configError(() => createModel({ spec: spec('compatible:qwen2.5'), env: {} })).details.field).toBe('SWITCHBOARD_OPENAI_COMPATIBLE_BASE_URL');
  });

  it('creates models from keys and base URLs (no network at creation)', () => {
    expect(createModel({ spec: spec('openai:gpt-4o-mini'), env: { OPENAI_API_KEY: 'sk-test' } })).toMatchObject({ modelId: 'gpt-4o-mini', specificationVersion: 'v3' });
    expect(createModel({ spec: spec('anthropic:claude-haiku-4-5'), env: { ANTHROPIC_API_KEY: 'sk-ant' } }).provider).toContain('anthropic');
    expect(createModel({ spec: spec('ollama:llama3.1'), env: {} }).provider).toContain('ollama');
    expect(createModel({ spec: spec('scripted:demo'), env: {} }).modelId).toBe('demo');
  });
});

describe('prices', () => {
  it('prices dated model ids by their prefix, local models at 0, desk prices first', () => {
    expect(findPrice({ provider: 'openai', modelId: 'gpt-4o-mini-2024-07-18' })).toEqual({ inputPerMillionUsd: 0.15, outputPerMillionUsd: 0.6 });
    expect(findPrice({ provider: 'openai', modelId: 'gpt-4o-2024-08-06' })).toEqual({ inputPerMillionUsd: 2.5, outputPerMillionUsd: 10 });
    expect(findPrice({ provider: 'ollama', modelId: 'llama3.1' })).toEqual({ inputPerMillionUsd: 0, outputPerMillionUsd: 0 });
    expect(findPrice({ provider: 'compatible', modelId: 'qwen2.5' })).toBeUndefined();
    expect(findPrice({ provider: 'compatible', modelId: 'qwen2.5', table: { qwen: { inputPerMillionUsd: 0.1, outputPerMillionUsd: 0.2 } } })).toEqual({ inputPerMillionUsd: 0.1, outputPerMillionUsd: 0.2 });
  });
});
