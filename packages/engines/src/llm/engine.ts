/**
 * The LLM engine: runs an agent as a tool loop over the AI SDK provider interface and the run's
 * scoped toolbox, with
 * handoffs (`transfer_to_<agent>`) and escalation (`escalate_to_human`) as tools and the final
 * answer as structured output completed into a core `AgentResult`.
 */
import {
  buildHandoffPayload,
  EngineError,
  LimitExceededError,
  type AgentConfig,
  type AgentResult,
  type AgentRunInput,
  type AgentRunOutput,
  type Clock,
  type DialogState,
  type Engine,
  type IdGenerator,
  type KnowledgeBase,
} from '@switchboard/core';
import { runModelTurn, type ModelTurn } from './loop.js';
import { toModelMessages, userMessage } from './messages.js';
import type { ModelBinder } from './models.js';
import { agentPromptFor, renderPolicy, repairPrompt, type AgentPromptContext } from './prompts/index.js';
import { OUTPUTS, type AgentReplyOutput } from './schemas.js';
import type { ReplyStream } from './streaming.js';
import { buildToolSet, type RunRecorder, type ToolCatalog } from './tools.js';
import type { ModelPromptMessage } from './types.js';

/** Options of {@link createLlmEngine}. */
export interface LlmEngineOptions {
  models: ModelBinder;
  /** Every agent of the desk (handoff targets and their descriptions). */
  agents: readonly AgentConfig[];
  /** Tool descriptions and input schemas (`createToolCatalog` over the gateway's definitions). */
  catalog: ToolCatalog;
  limits: { maxAgentSteps: number; maxOutputRepairs: number };
  /** Knowledge passages for the prompt: hits at or above `minScore`, `limit` at most (default 3). */
  knowledge?: { base: KnowledgeBase; minScore: number; limit?: number };
  /** The desk policy (text, or an object of named numbers such as `STORE_POLICY`). */
  policy?: string | Readonly<Record<string, unknown>>;
  /** The desk's identity tools (`desk.identityTools`), named in the prompt when the customer is unverified. @defaultValue {} */
  identityTools?: Readonly<Record<string, string>>;
  /** Agent-specific instructions by prompt module name (`prompts/orders@1` → text), added to the generic agent prompt. */
  instructions?: Readonly<Record<string, string>>;
  /** Time and ids for the HandoffPayloads the engine builds. @defaultValue the system clock, random ids */
  clock?: Clock;
  ids?: IdGenerator;
  /** Live streaming of the final reply (only in `auto` autonomy). */
  stream?: ReplyStream;
}

const systemClock: Clock = { now: () => new Date() };
const randomIds: IdGenerator = { next: (prefix) => `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}` };

/** The dialog after a run, built field by field (no `delete`, which turns objects into slow dictionaries). */
function dialogFor(input: AgentRunInput, change: { status: AgentResult['status']; awaiting?: string | null }): DialogState {
  const current = input.conversation.dialog;
  const dialog: DialogState = { slots: { ...current.slots }, failedAttempts: current.failedAttempts };
  if (current.queued !== undefined) dialog.queued = current.queued;
  switch (change.status) {
    case 'needs_info':
      dialog.activeIntent = input.intent;
      dialog.activeAgentId = input.agent.id;
      dialog.awaiting = change.awaiting ?? 'details';
      break;
    case 'resolved':
      dialog.activeAgentId = input.agent.id;
      dialog.failedAttempts = 0;
      break;
    case 'handoff':
      break;
    case 'escalate':
      dialog.activeAgentId = input.agent.id;
      break;
  }
  return dialog;
}

/**
 * Creates the LLM engine (core `Engine`, id `llm`). Wrap it with `createFallbackEngine` so a
 * provider outage falls back to the local engine, and with `createReviewedEngine` for the QA judge.
 *
 * A run: system prompt (`prompts/agent@1` or `prompts/escalation@1` with the policy, knowledge
 * passages and HandoffPayload), the conversation, the agent's tools; at most `maxAgentSteps` model
 * calls; a final answer that fails its schema is re-asked `maxOutputRepairs` times.
 *
 * @returns the engine. `runAgent` resolves to a schema-valid output: `handoff` with a HandoffPayload
 *   v1 after a transfer, `escalate` after `escalate_to_human`, else `resolved` / `needs_info`.
 * @throws EngineError `ENGINE_FAILED` (from `runAgent`) when the model fails (`details.reason`) or
 *   its answer stays invalid (`invalid_output`); LimitExceededError `LIMIT_EXCEEDED` when the run
 *   used `maxAgentSteps` without answering or the conversation's token budget is spent.
 * @example
 * ```ts
 * const engine = createLlmEngine({ models, agents: desk.agents, catalog: createToolCatalog(tools), limits: config.limits, policy: STORE_POLICY });
 * ```
 */
export function createLlmEngine(options: LlmEngineOptions): Engine {
  const policy = renderPolicy(options.policy);
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const identityTools = Object.keys(options.identityTools ?? {});

  const promptContext = (input: AgentRunInput): AgentPromptContext => {
    const { agent } = input;
    const query = input.focusText ?? input.message.text;
    const knowledge = options.knowledge && agent.knowledge.length > 0
      ? options.knowledge.base
        .search(query, { collections: agent.knowledge, limit: options.knowledge.limit ?? 3 })
        .filter((hit) => hit.score >= (options.knowledge?.minScore ?? 0))
        .map((hit) => ({ id: hit.article.id, title: hit.article.title, passage: hit.passage }))
      : [];
    const identity = input.conversation.identity;
    const extra = options.instructions?.[agent.instructions];
    return {
      agent: { id: agent.id, name: agent.name, description: agent.description, instructions: agent.instructions },
      intent: input.intent,
      reason: input.reason,
      ...(input.focusText ? { focusText: input.focusText } : {}),
      ...(policy ? { policy } : {}),
      knowledge,
      ...(input.handoff ? { handoff: input.handoff } : {}),
      identity: { verified: identity !== undefined, ...(identity ? { customerId: identity.customerId } : {}) },
      ...(input.reason === 'continue' && input.conversation.dialog.awaiting ? { awaiting: input.conversation.dialog.awaiting } : {}),
      ...(input.conversation.operatorNote ? { operatorNote: input.conversation.operatorNote } : {}),
      identityTools: identityTools.filter((name) => input.tools.available.includes(name)),
      ...(extra ? { extra } : {}),
    };
  };

  // Built from schema-checked model output (the final answer, the transfer and escalation arguments)
  // by typed code; the turn driver validates every engine's result with AgentResultSchema at its boundary.
  const finish = (input: AgentRunInput, parts: { result: Omit<AgentResult, 'actions'>; recorder: RunRecorder; awaiting?: string | null }): AgentRunOutput => {
    // Field by field, optional fields only when set: an object spread of results of varying shapes was this function's main cost.
    const source = parts.result;
    const result: AgentResult = { reply: source.reply, status: source.status, confidence: source.confidence, actions: parts.recorder.actions.slice(), sources: source.sources };
    if (source.handoffTo !== undefined) result.handoffTo = source.handoffTo;
    if (source.escalation !== undefined) result.escalation = source.escalation;
    return { result, dialog: dialogFor(input, { status: result.status, ...(parts.awaiting === undefined ? {} : { awaiting: parts.awaiting }) }) };
  };

  const requested = (input: AgentRunInput, recorder: RunRecorder): AgentRunOutput | undefined => {
    const request = recorder.request;
    if (request === undefined) return undefined;
    if (request.type === 'escalate') {
      const escalation = { trigger: 'agent_requested', reason: request.args.reason, ...(request.args.priority ? { priority: request.args.priority } : {}) };
      return finish(input, { result: { reply: request.args.reply ?? '', status: 'escalate', confidence: 0.9, escalation, sources: [] }, recorder });
    }
    const base = buildHandoffPayload({
      handoffId: ids.next('handoff'),
      now: clock.now(),
      fromAgent: input.agent.id,
      toAgent: request.toAgent,
      conversation: input.conversation,
      triage: input.triage,
      actions: recorder.actions,
      reason: request.args.reason,
      lastMessageId: input.message.id,
    });
    const handoff = { ...base, summary: request.args.summary, ...(request.args.suggestedAction ? { suggestedAction: request.args.suggestedAction } : {}) };
    const output = finish(input, { result: { reply: '', status: 'handoff', handoffTo: request.toAgent, confidence: 0.9, sources: [] }, recorder });
    output.handoff = handoff;
    return output;
  };

  return {
    id: 'llm',
    async runAgent(input: AgentRunInput): Promise<AgentRunOutput> {
      const role = input.agent.role === 'escalation' ? 'escalation' : 'specialist';
      const prompt = agentPromptFor(role);
      const model = options.models.bind({ role, conversationId: input.conversation.id, agentId: input.agent.id, promptId: prompt.id, ...(input.message.turnId ? { turnId: input.message.turnId } : {}) });
      const system = prompt.render(promptContext(input));
      const recorder: RunRecorder = { outputs: [], actions: [] };
      const tools = buildToolSet({ agent: input.agent, agents: options.agents, toolbox: input.tools, catalog: options.catalog, recorder, consulted: input.reason === 'delegate' });
      const live = options.stream?.mode === 'live' && input.conversation.autonomy === 'auto' && input.reason !== 'delegate' ? options.stream : undefined;
      let messages: ModelPromptMessage[] = toModelMessages(input.history, input.message);
      let stepsLeft = options.limits.maxAgentSteps;
      let turn: ModelTurn<AgentReplyOutput> | undefined;
      for (let attempt = 0; attempt <= options.limits.maxOutputRepairs && stepsLeft > 0; attempt += 1) {
        turn = await runModelTurn({
          model,
          system,
          messages,
          tools,
          output: OUTPUTS.agent,
          maxSteps: stepsLeft,
          stop() {
            return recorder.request !== undefined;
          },
          ...(live ? { onDelta: { field: 'reply', emit: (delta: string) => live.emit({ type: 'delta', conversationId: input.conversation.id, agentId: input.agent.id, text: delta }) } } : {}),
        });
        const early = requested(input, recorder);
        if (early) {
          if (live) live.emit({ type: 'discard', conversationId: input.conversation.id, agentId: input.agent.id });
          return early;
        }
        if (turn.output) break;
        if (turn.problem === 'step_limit') break;
        stepsLeft -= turn.steps;
        messages = [...messages, ...turn.messages, userMessage(repairPrompt.render({ problem: turn.problem ?? 'no answer' }))];
      }
      if (turn?.output === undefined) {
        if (turn?.problem === 'step_limit' || stepsLeft <= 0) {
          throw new LimitExceededError(`Agent "${input.agent.id}" used ${options.limits.maxAgentSteps} model steps without answering`, { details: { agentId: input.agent.id, limit: 'maxAgentSteps', maxAgentSteps: options.limits.maxAgentSteps } });
        }
        throw new EngineError('ENGINE_FAILED', `Agent "${input.agent.id}" gave no valid final answer`, { details: { agentId: input.agent.id, reason: 'invalid_output', problem: turn?.problem } });
      }
      const output = turn.output;
      return finish(input, { result: { reply: output.reply, status: output.status, confidence: output.confidence, sources: output.sources }, recorder, awaiting: output.awaiting });
    },
  };
}
