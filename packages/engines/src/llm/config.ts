/**
 * Per-role engine and model configuration: desk settings (validated once with zod) overlaid with
 * the environment (`SWITCHBOARD_ENGINE[_<ROLE>]`, `SWITCHBOARD_MODEL[_<ROLE>]`). Every
 * misconfiguration throws a `ConfigurationError` that names the variable or field to set.
 */
import { z } from 'zod';
import { ConfigurationError } from '@switchboard/core';
import { PriceSchema, type PriceTable } from './prices.js';
import { MODEL_ROLES, type ModelRole } from './types.js';

/** How a role runs: `local` (offline nlu / playbooks / rules), `llm` (a model), `hybrid` (local first, a model when local is unsure). */
export const ENGINE_KINDS = ['local', 'llm', 'hybrid'] as const;
/** One of {@link ENGINE_KINDS}. */
export type EngineKind = (typeof ENGINE_KINDS)[number];

/** Model providers: OpenAI, Anthropic, Ollama (OpenAI-compatible at `OLLAMA_BASE_URL`), any OpenAI-compatible server, and the offline scripted double. */
export const MODEL_PROVIDERS = ['openai', 'anthropic', 'ollama', 'compatible', 'scripted'] as const;
/** One of {@link MODEL_PROVIDERS}. */
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

/** A parsed `provider:model` reference and where it came from (for error messages). */
export interface ModelSpec {
  provider: ModelProvider;
  modelId: string;
  /** The environment variable or settings field that named it (`SWITCHBOARD_MODEL_TRIAGE`, `roles.triage.model`). */
  source: string;
}

const RoleSettingsSchema = z.object({
  engine: z.enum(ENGINE_KINDS).optional(),
  /** `provider:model`, for example `openai:gpt-4o-mini`, `anthropic:claude-3-5-haiku-latest`, `ollama:llama3.1`. */
  model: z.string().optional(),
});

/**
 * Desk settings of the LLM engine. Every field has a default, so `{}` is valid (all roles local).
 * Limits are in the units their names say.
 */
export const LlmSettingsSchema = z.object({
  roles: z.partialRecord(z.enum(MODEL_ROLES), RoleSettingsSchema).default({}),
  /** Model id → USD per million input / output tokens; merged over {@link DEFAULT_PRICES}. @defaultValue {} */
  prices: z.record(z.string(), PriceSchema).default({}),
  limits: z
    .object({
      /** Model calls (steps) one agent run may make, tool steps included. @defaultValue 8 */
      maxAgentSteps: z.number().int().min(2).max(50).default(8),
      /** Tokens (input + output) one conversation may spend across all roles. @defaultValue 200000 */
      conversationTokenBudget: z.number().int().min(1).default(200_000),
      /** Upper bound on one model call attempt, in milliseconds. @defaultValue 30000 */
      callTimeoutMs: z.number().int().min(1).default(30_000),
      /** Retries of a model call after a retryable failure (429, 5xx, timeout, network). @defaultValue 2 */
      maxRetries: z.number().int().min(0).max(5).default(2),
      /** First retry delay in milliseconds; doubles per retry, with ±20 % jitter. @defaultValue 500 */
      retryBaseDelayMs: z.number().int().min(0).default(500),
      /** Re-asks after a final answer fails its schema, before the run fails. @defaultValue 1 */
      maxOutputRepairs: z.number().int().min(0).max(3).default(1),
      /** Rewrites after the QA judge asks for a revision it could not make itself. @defaultValue 1 */
      maxRevisions: z.number().int().min(0).max(2).default(1),
    })
    .prefault({}),
  /** Circuit breaker per provider: open after `failureThreshold` consecutive failed calls for `cooldownMs`, then one probe. */
  breaker: z
    .object({ failureThreshold: z.number().int().min(1).default(3), cooldownMs: z.number().int().min(0).default(30_000) })
    .prefault({}),
  /**
   * When the final reply is streamed: `live` as the model writes it (only in `auto` autonomy),
   * `after_review` once the QA judge approved it, `off` never. Shadow mode never streams.
   * @defaultValue 'after_review'
   */
  streaming: z.enum(['off', 'live', 'after_review']).default('after_review'),
});
export type LlmSettings = z.infer<typeof LlmSettingsSchema>;
export type LlmSettingsInput = z.input<typeof LlmSettingsSchema>;

/** One role, resolved: its engine and, unless `local`, its model. */
export interface ResolvedRole {
  engine: EngineKind;
  model?: ModelSpec;
}

/** The validated, frozen configuration every LLM component reads. */
export interface ResolvedLlmConfig {
  roles: Readonly<Record<ModelRole, ResolvedRole>>;
  prices: PriceTable;
  limits: LlmSettings['limits'];
  breaker: LlmSettings['breaker'];
  streaming: LlmSettings['streaming'];
}

/** Environment variables, as `process.env` holds them. Only the composition root passes the real one. */
export type Environment = Readonly<Record<string, string | undefined>>;

const roleVariable = (prefix: string, role: ModelRole): string => `${prefix}_${role.toUpperCase()}`;

/**
 * Parses `provider:model` (the model id may itself contain `:`, as in `ollama:llama3.1:8b`).
 * @throws ConfigurationError `CONFIG_INVALID` naming `source` for a missing or unknown provider or an empty model id.
 */
export function parseModelSpec(value: string, source: string): ModelSpec {
  const separator = value.indexOf(':');
  const provider = separator < 0 ? '' : value.slice(0, separator).trim();
  const modelId = separator < 0 ? '' : value.slice(separator + 1).trim();
  if (!(MODEL_PROVIDERS as readonly string[]).includes(provider) || modelId === '') {
    throw new ConfigurationError(
      `${source}="${value}" is not "provider:model"; use one of ${MODEL_PROVIDERS.map((name) => `${name}:…`).join(', ')} (for example openai:gpt-4o-mini)`,
      { details: { field: source } },
    );
  }
  return { provider: provider as ModelProvider, modelId, source };
}

function parseEngine(value: string, source: string): EngineKind {
  const kind = value.trim();
  if ((ENGINE_KINDS as readonly string[]).includes(kind)) return kind as EngineKind;
  throw new ConfigurationError(`${source}="${value}" is not an engine; use one of ${ENGINE_KINDS.join(', ')}`, { details: { field: source } });
}

function positiveIntegerVariable(env: Environment, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new ConfigurationError(`${name}="${raw}" must be a positive integer`, { details: { field: name } });
  return value;
}

/** Options of {@link resolveLlmConfig}. */
export interface ResolveLlmConfigOptions {
  /** Desk settings (a desk file or code). @defaultValue {} — every role local */
  settings?: LlmSettingsInput;
  /** The environment (only the composition root passes `process.env`). @defaultValue {} */
  env?: Environment;
  /** An engine for every role that sets none itself (the CLI's `--engine`); wins over `SWITCHBOARD_ENGINE`. */
  engine?: EngineKind;
  /** Roles whose model object is supplied directly (tests, the benchmark): they need no `provider:model`. */
  providedModels?: readonly ModelRole[];
}

/**
 * Resolves the engine and model of each role. Precedence, highest first: `SWITCHBOARD_ENGINE_<ROLE>`,
 * `options.engine`, `settings.roles.<role>.engine`, `SWITCHBOARD_ENGINE`, `local`; for models
 * `SWITCHBOARD_MODEL_<ROLE>`, `settings.roles.<role>.model`, `SWITCHBOARD_MODEL`. The `qa` role
 * with engine `local` is the rules reviewer alone. Limits may be overridden with
 * `SWITCHBOARD_TOKEN_BUDGET`, `SWITCHBOARD_MAX_AGENT_STEPS` and `SWITCHBOARD_LLM_TIMEOUT_MS`.
 *
 * @returns a frozen configuration; provider keys are checked later, when a model is created.
 * @throws ConfigurationError `CONFIG_INVALID` naming the variable to set: a role that runs `llm` or
 *   `hybrid` without a model (`SWITCHBOARD_MODEL_<ROLE>`), a malformed `provider:model`, an unknown
 *   engine, invalid settings (the field path) or a non-numeric limit.
 * @example
 * ```ts
 * const config = resolveLlmConfig({ env: { SWITCHBOARD_ENGINE: 'llm', SWITCHBOARD_MODEL: 'openai:gpt-4o-mini', SWITCHBOARD_MODEL_ESCALATION: 'openai:gpt-4o' } });
 * config.roles.escalation.model?.modelId; // 'gpt-4o'
 * ```
 */
export function resolveLlmConfig(options: ResolveLlmConfigOptions = {}): ResolvedLlmConfig {
  const env = options.env ?? {};
  const parsed = LlmSettingsSchema.safeParse(options.settings ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? `llm.${issue.path.join('.')}` : 'llm';
    throw new ConfigurationError(`Invalid LLM settings at ${field}: ${issue?.message ?? 'invalid'}`, { details: { field } });
  }
  const settings = parsed.data;
  const globalEngine = env.SWITCHBOARD_ENGINE ? parseEngine(env.SWITCHBOARD_ENGINE, 'SWITCHBOARD_ENGINE') : undefined;
  const resolveRole = (role: ModelRole): ResolvedRole => {
    const roleEngineVariable = env[roleVariable('SWITCHBOARD_ENGINE', role)];
    const engine = roleEngineVariable
      ? parseEngine(roleEngineVariable, roleVariable('SWITCHBOARD_ENGINE', role))
      : (options.engine ?? settings.roles[role]?.engine ?? globalEngine ?? 'local');
    const modelVariable = roleVariable('SWITCHBOARD_MODEL', role);
    const model = env[modelVariable]
      ? parseModelSpec(env[modelVariable], modelVariable)
      : settings.roles[role]?.model
        ? parseModelSpec(settings.roles[role].model, `llm.roles.${role}.model`)
        : env.SWITCHBOARD_MODEL
          ? parseModelSpec(env.SWITCHBOARD_MODEL, 'SWITCHBOARD_MODEL')
          : undefined;
    if (engine !== 'local' && model === undefined && !(options.providedModels ?? []).includes(role)) {
      throw new ConfigurationError(
        `${modelVariable} is not set: the ${role} role runs the ${engine} engine and needs a model, for example ${modelVariable}=openai:gpt-4o-mini (or set SWITCHBOARD_MODEL for every role, or run --engine local)`,
        { details: { field: modelVariable, role } },
      );
    }
    return { engine, ...(model ? { model } : {}) };
  };
  const roles = Object.fromEntries(MODEL_ROLES.map((role) => [role, Object.freeze(resolveRole(role))])) as Record<ModelRole, ResolvedRole>;
  const limits = {
    ...settings.limits,
    conversationTokenBudget: positiveIntegerVariable(env, 'SWITCHBOARD_TOKEN_BUDGET') ?? settings.limits.conversationTokenBudget,
    maxAgentSteps: positiveIntegerVariable(env, 'SWITCHBOARD_MAX_AGENT_STEPS') ?? settings.limits.maxAgentSteps,
    callTimeoutMs: positiveIntegerVariable(env, 'SWITCHBOARD_LLM_TIMEOUT_MS') ?? settings.limits.callTimeoutMs,
  };
  return Object.freeze({
    roles: Object.freeze(roles),
    prices: Object.freeze({ ...settings.prices }),
    limits: Object.freeze(limits),
    breaker: Object.freeze(settings.breaker),
    streaming: settings.streaming,
  });
}

/** Whether any role runs a model. */
export function usesModels(config: ResolvedLlmConfig): boolean {
  return MODEL_ROLES.some((role) => config.roles[role].engine !== 'local');
}
