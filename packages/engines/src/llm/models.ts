/**
 * The models of a desk, one per role, created once at start-up (so a missing key fails at once)
 * and bound per run to a call context (budget, provider breaker, retries, cost).
 */
import { ConfigurationError, type CircuitBreakers } from '@switchboard/core';
import type { Environment, ResolvedLlmConfig } from './config.js';
import type { CallContext, CostLedger } from './ledger.js';
import { createModel } from './providers.js';
import { ResilientModel, type ResilienceDependencies } from './resilience.js';
import { MODEL_ROLES, type LanguageModelV3, type ModelRole } from './types.js';

/** Hands out each role's model, wrapped for one run. */
export interface ModelBinder {
  /** Whether `role` has a model. */
  has(role: ModelRole): boolean;
  /** `provider:model` of `role`, for reports. */
  describe(role: ModelRole): string | undefined;
  /**
   * `context.role`'s model wrapped with the budget, breaker, timeout, retries and cost record.
   * @throws ConfigurationError `CONFIG_INVALID` when the role has no model.
   */
  bind(context: CallContext): LanguageModelV3;
}

/** Options of {@link createModelBinder}. */
export interface ModelBinderOptions {
  config: ResolvedLlmConfig;
  env: Environment;
  ledger: CostLedger;
  /** Per-provider breakers (`provider:<name>`); pass the desk's `createCircuitBreakers` with `config.breaker`. */
  breakers: CircuitBreakers;
  /** Ready models per role, instead of creating them from the configuration (tests, the benchmark). */
  models?: Partial<Record<ModelRole, LanguageModelV3>>;
  /** HTTP client for providers. @defaultValue global fetch */
  fetch?: typeof globalThis.fetch;
  /** Backoff sleep and jitter source (tests). */
  sleep?: ResilienceDependencies['sleep'];
  random?: ResilienceDependencies['random'];
}

/**
 * Creates now the model of every role that does not run `local` (injected ones are used as given).
 * @throws ConfigurationError `CONFIG_INVALID` from `createModel` naming the missing variable (`OPENAI_API_KEY`…).
 */
export function createModelBinder(options: ModelBinderOptions): ModelBinder {
  const models = new Map<ModelRole, { model: LanguageModelV3; label: string }>();
  for (const role of MODEL_ROLES) {
    const injected = options.models?.[role];
    const { engine, model: spec } = options.config.roles[role];
    if (engine === 'local') continue;
    if (injected) models.set(role, { model: injected, label: `${injected.provider}:${injected.modelId}` });
    else if (spec) models.set(role, { model: createModel({ spec, env: options.env, ...(options.fetch ? { fetch: options.fetch } : {}) }), label: `${spec.provider}:${spec.modelId}` });
  }
  const dependencies: ResilienceDependencies = {
    breakers: options.breakers,
    ledger: options.ledger,
    limits: options.config.limits,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.random ? { random: options.random } : {}),
  };
  return {
    has: (role) => models.has(role),
    describe: (role) => models.get(role)?.label,
    bind(context) {
      const entry = models.get(context.role);
      if (!entry) {
        const variable = `SWITCHBOARD_MODEL_${context.role.toUpperCase()}`;
        throw new ConfigurationError(`No model for the ${context.role} role; set ${variable}`, { details: { field: variable, role: context.role } });
      }
      return new ResilientModel({ model: entry.model, dependencies, context });
    },
  };
}
