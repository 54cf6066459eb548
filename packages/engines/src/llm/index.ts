/** The LLM engine (AI SDK): configuration, models, triage, agents, QA judge, cost and resilience. */
export { resolveLlmConfig, parseModelSpec, usesModels, LlmSettingsSchema, ENGINE_KINDS, MODEL_PROVIDERS } from './config.js';
export type { EngineKind, Environment, LlmSettings, LlmSettingsInput, ModelProvider, ModelSpec, ResolvedLlmConfig, ResolvedRole, ResolveLlmConfigOptions } from './config.js';
export { createModel, DEFAULT_OLLAMA_BASE_URL, type CreateModelOptions } from './providers.js';
export { createModelBinder, type ModelBinder, type ModelBinderOptions } from './models.js';
export { ResilientModel, providerBreakerKey, type CallLimits, type ResilienceDependencies, type ModelFailureReason } from './resilience.js';
export { createCostLedger, type CostLedger, type CostLedgerOptions, type CallContext, type LlmCallRecord, type CostTotals, type ConversationCost, type LedgerEvent } from './ledger.js';
export { DEFAULT_PRICES, PriceSchema, findPrice, costOf, type Price, type PriceTable } from './prices.js';
export { createLlmTriager, type LlmTriagerOptions } from './triager.js';
export { createLlmEngine, type LlmEngineOptions } from './engine.js';
export { createToolCatalog, buildToolSet, DELEGATE_TOOL_NAME, ESCALATE_TOOL_NAME, TRANSFER_TOOL_PREFIX, type ToolCatalog, type ToolDescriptor } from './tools.js';
export { createLlmQualityReviewer, createRulesReviewer, type QualityReviewer, type LlmQualityReviewerOptions } from './judge.js';
export { createReviewedEngine, type ReviewedEngineOptions } from './reviewed.js';
export type { ReplyStream, ReplyStreamEvent } from './streaming.js';
export { ScriptedLanguageModel, reply, toGenerateResult, toStreamParts, type ScriptedReply, type ScriptedStep, type ScriptedLanguageModelOptions } from './scripted.js';
export { createDemoModel } from './demo-model.js';
export { AgentReplyOutputSchema, TriageOutputSchema, JudgeOutputSchema } from './schemas.js';
export { PROMPT_MODULES, agentPrompt, escalationPrompt, handoffPrompt, judgePrompt, repairPrompt, revisePrompt, triagePrompt, definePrompt, renderPolicy, type PromptModule, type AgentPromptContext, type JudgePromptContext, type TriagePromptContext } from './prompts/index.js';
export { MODEL_ROLES, type ModelRole, type LanguageModelV3, type TokenCount } from './types.js';
