/**
 * Runtime selection of the engine per role (`local`, `llm`, `hybrid`) from desk settings, the
 * environment and the CLI's `--engine`: the composition root calls this once and puts the
 * returned triager and engine into its turn ports.
 */
import { createCircuitBreakers, type AnyToolDefinition, type Clock, type DeskConfig, type Engine, type IdGenerator, type KnowledgeBase, type Triager } from '@switchboard/core';
import type { CatalogIndex } from '@switchboard/nlu';
import { resolveLlmConfig, type EngineKind, type Environment, type LlmSettingsInput, type ResolvedLlmConfig } from '../llm/config.js';
import { createLlmEngine } from '../llm/engine.js';
import { createLlmQualityReviewer, createRulesReviewer, type QualityReviewer } from '../llm/judge.js';
import { createCostLedger, type CostLedger } from '../llm/ledger.js';
import { createModelBinder, type ModelBinder, type ModelBinderOptions } from '../llm/models.js';
import { createReviewedEngine } from '../llm/reviewed.js';
import type { ReplyStreamEvent } from '../llm/streaming.js';
import { createToolCatalog } from '../llm/tools.js';
import { createLlmTriager } from '../llm/triager.js';
import { MODEL_ROLES, type LanguageModelV3, type ModelRole } from '../llm/types.js';
import { createFallbackEngine, createHybridEngine, type FallbackListener } from './engine.js';
import { createFallbackTriager, createHybridTriager } from './triager.js';

/** Options of {@link createEnginesFromEnvironment}. */
export interface EnginesFromEnvironmentOptions {
  desk: Readonly<DeskConfig>;
  /** The environment (the composition root passes `process.env`). */
  env: Environment;
  /** An engine for every role without its own setting (the CLI's `--engine`). */
  engine?: EngineKind;
  /** Desk settings of the LLM engine (roles, prices, limits, breaker, streaming). @defaultValue {} */
  settings?: LlmSettingsInput;
  /** The offline triager and engine: used for `local` roles and as the fallback of `llm` and `hybrid`. */
  local: { triager: Triager; engine: Engine };
  /** The gateway's tool definitions (descriptions and input schemas for models; kinds for fallback safety). */
  tools: readonly AnyToolDefinition[];
  knowledge?: { base: KnowledgeBase; minScore: number };
  /** The desk policy (text, or an object of named numbers). */
  policy?: string | Readonly<Record<string, unknown>>;
  /** Agent-specific prompt text by prompt module name (`prompts/orders@1`). */
  instructions?: Readonly<Record<string, string>>;
  /** Catalog for product entities in LLM triage. */
  catalog?: CatalogIndex;
  clock: Clock;
  ids: IdGenerator;
  /** Ready models per role instead of providers (tests, demos, the benchmark). */
  models?: Partial<Record<ModelRole, LanguageModelV3>>;
  /** HTTP client for providers. */
  fetch?: typeof globalThis.fetch;
  /** Receives reply stream events (SSE, the CLI), per `settings.streaming`. */
  onReplyStream?: (event: ReplyStreamEvent) => void;
  /** Backoff sleep (tests). */
  sleep?: ModelBinderOptions['sleep'];
}

/** The selected triager and engine, and what reports need. */
export interface DeskEngines {
  triager: Triager;
  engine: Engine;
  config: ResolvedLlmConfig;
  ledger: CostLedger;
  models: ModelBinder;
  /** The QA reviewer applied to drafted replies, when one runs (`qa` role `llm` / `hybrid`, or streaming). */
  reviewer?: QualityReviewer;
  /** One line per role: `triage hybrid (openai:gpt-4o-mini)`. */
  describe(): string[];
  /** Subscribes to fallbacks (an LLM role answered by the local engine). @returns unsubscribe */
  onFallback(listener: (event: { role: ModelRole; conversationId: string; agentId?: string; code: string }) => void): () => void;
}

/**
 * Builds the triager and engine the configuration asks for:
 *
 * | role | `local` | `llm` | `hybrid` |
 * | --- | --- | --- | --- |
 * | triage | local classifier | LLM, local on failure | local; LLM below the confidence threshold |
 * | specialist / escalation | playbooks | LLM tool loop, local on failure (unless a write succeeded) | playbooks; LLM where they are unsure |
 * | qa | the driver's rules gate only | rules + LLM judge on every draft | same as `llm` |
 *
 * With every role `local` it returns the local triager and engine unchanged (no model is created).
 *
 * @throws ConfigurationError `CONFIG_INVALID` naming the variable to set (`SWITCHBOARD_MODEL_TRIAGE`,
 *   `OPENAI_API_KEY`…) or the settings field at fault.
 * @example
 * ```ts
 * const engines = createEnginesFromEnvironment({ desk, env: process.env, engine: 'llm', local: { triager, engine }, tools, clock, ids });
 * const ports = { ...ports, triager: engines.triager, engine: engines.engine };
 * ```
 */
export function createEnginesFromEnvironment(options: EnginesFromEnvironmentOptions): DeskEngines {
  const config = resolveLlmConfig({
    ...(options.settings ? { settings: options.settings } : {}),
    env: options.env,
    ...(options.engine ? { engine: options.engine } : {}),
    providedModels: MODEL_ROLES.filter((role) => options.models?.[role] !== undefined),
  });
  const ledger = createCostLedger({ conversationTokenBudget: config.limits.conversationTokenBudget, prices: config.prices });
  const breakers = createCircuitBreakers({ clock: options.clock, ...config.breaker });
  const models = createModelBinder({
    config,
    env: options.env,
    ledger,
    breakers,
    ...(options.models ? { models: options.models } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const listeners = new Set<Parameters<DeskEngines['onFallback']>[0]>();
  const fallbackFor = (role: ModelRole) => (event: Parameters<FallbackListener>[0] | { conversationId: string; code: string }): void => {
    for (const listener of listeners) listener({ role, ...event });
  };
  const kind = (role: ModelRole): EngineKind => config.roles[role].engine;
  const { desk, local } = options;
  const writeTools = new Set(options.tools.filter((tool) => tool.kind === 'write').map((tool) => tool.name));

  let triager = local.triager;
  if (kind('triage') !== 'local') {
    const llm = createLlmTriager({ models, intentCategory: desk.routing.intentCategory, intentLabels: desk.routing.intentLabels, languages: desk.languages, ...(options.catalog ? { catalog: options.catalog } : {}), clock: options.clock });
    const onFallback = fallbackFor('triage');
    triager = kind('triage') === 'hybrid' ? createHybridTriager({ local: local.triager, llm, onFallback }) : createFallbackTriager({ primary: llm, fallback: local.triager, onFallback });
  }

  const streamMode = config.streaming === 'off' || options.onReplyStream === undefined ? undefined : config.streaming;
  const stream = streamMode && options.onReplyStream ? { mode: streamMode, emit: options.onReplyStream } : undefined;
  const needsLlmEngine = kind('specialist') !== 'local' || kind('escalation') !== 'local';
  const llmEngine = needsLlmEngine
    ? createLlmEngine({
      models,
      agents: desk.agents,
      catalog: createToolCatalog(options.tools),
      limits: config.limits,
      identityTools: desk.identityTools,
      clock: options.clock,
      ids: options.ids,
      ...(options.knowledge ? { knowledge: options.knowledge } : {}),
      ...(options.policy ? { policy: options.policy } : {}),
      ...(options.instructions ? { instructions: options.instructions } : {}),
      ...(stream ? { stream } : {}),
    })
    : undefined;
  const forRole = (role: 'specialist' | 'escalation'): Engine => {
    if (llmEngine === undefined || kind(role) === 'local') return local.engine;
    const onFallback = fallbackFor(role);
    if (kind(role) === 'hybrid') return createHybridEngine({ local: local.engine, llm: llmEngine, minConfidence: desk.escalation.minAgentConfidence, writeTools, onFallback });
    return createFallbackEngine({ primary: llmEngine, fallback: local.engine, writeTools, onFallback });
  };
  const specialist = forRole('specialist');
  const escalation = forRole('escalation');
  let engine: Engine = specialist === escalation ? specialist : {
    id: specialist.id,
    runAgent: (input) => (input.agent.role === 'escalation' ? escalation : specialist).runAgent(input),
  };

  let reviewer: QualityReviewer | undefined;
  if (kind('qa') !== 'local') reviewer = createLlmQualityReviewer({ models, ledger, ...(options.policy ? { policy: options.policy } : {}) });
  else if (stream) reviewer = createRulesReviewer();
  if (reviewer) engine = createReviewedEngine({ engine, reviewer, ledger, ...(options.knowledge ? { knowledge: options.knowledge.base } : {}), ...(stream ? { stream } : {}) });

  return {
    triager,
    engine,
    config,
    ledger,
    models,
    ...(reviewer ? { reviewer } : {}),
    describe: () => MODEL_ROLES.map((role) => `${role} ${kind(role)}${kind(role) === 'local' ? '' : ` (${models.describe(role) ?? 'no model'})`}`),
    onFallback(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Options of {@link resolveTriageConfig}. */
export interface ResolveTriageConfigOptions {
  /** The environment (the composition root passes `process.env`). */
  env: Environment;
  /** The triage role's engine (the CLI's `--engine`); `SWITCHBOARD_ENGINE_TRIAGE` still wins. */
  engine: EngineKind;
  /** Desk settings (prices, limits, breaker); their `roles` are replaced. @defaultValue {} */
  settings?: LlmSettingsInput;
  /** Whether the triage model is supplied directly (tests), so it needs no `provider:model`. @defaultValue false */
  providedModel?: boolean;
}

/**
 * Resolves a configuration in which only the triage role may run a model (`engine`); the other
 * roles are `local` unless their own `SWITCHBOARD_ENGINE_<ROLE>` says otherwise. For evaluating the
 * triager alone (`switchboard eval triage --engine`): call it first, so a missing model fails before
 * any data is read or any classifier trained.
 * @throws ConfigurationError `CONFIG_INVALID` naming the variable to set (`SWITCHBOARD_MODEL_TRIAGE`…).
 */
export function resolveTriageConfig(options: ResolveTriageConfigOptions): ResolvedLlmConfig {
  return resolveLlmConfig({
    settings: { ...options.settings, roles: { triage: { engine: options.engine }, specialist: { engine: 'local' }, escalation: { engine: 'local' }, qa: { engine: 'local' } } },
    env: options.env,
    providedModels: options.providedModel === true ? ['triage'] : [],
  });
}

/** Options of {@link createTriagerFromConfig}. */
export interface TriagerFromConfigOptions {
  /** From {@link resolveTriageConfig} (or `resolveLlmConfig`). */
  config: ResolvedLlmConfig;
  env: Environment;
  /** The offline triager: the `local` engine, the first opinion of `hybrid`, the fallback of `llm`. */
  local: Triager;
  /** Intents the model may choose (intent → category) and optional customer-facing labels. */
  intentCategory: Readonly<Record<string, string>>;
  intentLabels?: Readonly<Record<string, string>>;
  /** Languages (ISO 639-1). @defaultValue ['en'] */
  languages?: readonly string[];
  catalog?: CatalogIndex;
  clock: Clock;
  /** A ready triage model instead of a provider (tests, demos). */
  model?: LanguageModelV3;
  fetch?: typeof globalThis.fetch;
}

/** A triager selected by configuration, and what reports need. */
export interface SelectedTriager {
  triager: Triager;
  config: ResolvedLlmConfig;
  ledger: CostLedger;
  /** `triage hybrid (openai:gpt-4o-mini)`. */
  describe(): string;
  /** Subscribes to fallbacks (the model failed, the local triager answered). @returns unsubscribe */
  onFallback(listener: (event: { conversationId: string; code: string }) => void): () => void;
}

/**
 * The triager of `config.roles.triage` alone — local, the LLM triager with the local one as
 * fallback, or hybrid (local first, the model below its confidence threshold) — with its own cost
 * ledger and provider breaker. Use {@link createEnginesFromEnvironment} for a whole desk.
 * @throws ConfigurationError `CONFIG_INVALID` from the provider (`OPENAI_API_KEY is not set…`).
 * @example
 * ```ts
 * const config = resolveTriageConfig({ env: process.env, engine: 'hybrid' });
 * const { triager } = createTriagerFromConfig({ config, env: process.env, local, intentCategory, clock });
 * ```
 */
export function createTriagerFromConfig(options: TriagerFromConfigOptions): SelectedTriager {
  const { config } = options;
  const ledger = createCostLedger({ conversationTokenBudget: config.limits.conversationTokenBudget, prices: config.prices });
  const breakers = createCircuitBreakers({ clock: options.clock, ...config.breaker });
  const models = createModelBinder({ config, env: options.env, ledger, breakers, ...(options.model ? { models: { triage: options.model } } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
  const listeners = new Set<Parameters<SelectedTriager['onFallback']>[0]>();
  const onFallback = (event: { conversationId: string; code: string }): void => {
    for (const listener of listeners) listener(event);
  };
  const kind = config.roles.triage.engine;
  let triager = options.local;
  if (kind !== 'local') {
    const llm = createLlmTriager({ models, intentCategory: options.intentCategory, ...(options.intentLabels ? { intentLabels: options.intentLabels } : {}), ...(options.languages ? { languages: options.languages } : {}), ...(options.catalog ? { catalog: options.catalog } : {}), clock: options.clock });
    triager = kind === 'hybrid' ? createHybridTriager({ local: options.local, llm, onFallback }) : createFallbackTriager({ primary: llm, fallback: options.local, onFallback });
  }
  return {
    triager,
    config,
    ledger,
    describe: () => `triage ${kind}${kind === 'local' ? '' : ` (${models.describe('triage') ?? 'no model'})`}`,
    onFallback(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
