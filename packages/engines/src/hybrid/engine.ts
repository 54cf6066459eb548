/**
 * Engine composition per role: fall back to the local engine when the LLM fails (`llm`), or run
 * the local engine first and the LLM only where it is unsure (`hybrid`).
 */
import { toSwitchboardError, type AgentRunInput, type AgentRunOutput, type AgentToolbox, type Engine, type ToolCallResult } from '@switchboard/core';

/** Told when an engine fell back (the CLI and reports show it). */
export type FallbackListener = (event: { conversationId: string; agentId: string; code: string }) => void;

/** Options of {@link createFallbackEngine}. */
export interface FallbackEngineOptions {
  primary: Engine;
  fallback: Engine;
  /** Names of write tools: after a successful write the run never falls back (no repeated side effects). */
  writeTools: ReadonlySet<string>;
  onFallback?: FallbackListener;
}

/** The fields {@link withToolbox} copies; a field added to `AgentRunInput` fails to compile here until it is copied there too. */
export const RUN_INPUT_FIELDS = { agent: true, reason: true, intent: true, conversation: true, message: true, history: true, triage: true, tools: true, focusText: true, handoff: true } as const satisfies Record<keyof AgentRunInput, true>;

/**
 * `input` with another toolbox, field by field (optional fields only when set): a spread of run
 * inputs, whose shapes vary, cost more than the wrapper's own work.
 */
export function withToolbox(input: AgentRunInput, tools: AgentToolbox): AgentRunInput {
  const next: AgentRunInput = { agent: input.agent, reason: input.reason, intent: input.intent, conversation: input.conversation, message: input.message, history: input.history, triage: input.triage, tools };
  if (input.focusText !== undefined) next.focusText = input.focusText;
  if (input.handoff !== undefined) next.handoff = input.handoff;
  return next;
}

/** Observes a toolbox: whether a write succeeded during the run. */
function watchWrites(toolbox: AgentToolbox, writeTools: ReadonlySet<string>): { toolbox: AgentToolbox; wrote: () => boolean } {
  let wrote = false;
  return {
    wrote() {
      return wrote;
    },
    toolbox: {
      available: toolbox.available,
      async call<Output = unknown>(toolName: string, args: unknown): Promise<ToolCallResult<Output>> {
        const result = await toolbox.call<Output>(toolName, args);
        if (result.ok && writeTools.has(toolName)) wrote = true;
        return result;
      },
    },
  };
}

/**
 * Runs `primary`; when it throws (provider outage, open circuit, invalid output, budget, step
 * limit) and no write succeeded in the run, runs `fallback` on the same input and toolbox, so the
 * customer is still answered. After a successful write the error propagates (the turn driver
 * escalates) rather than risking a second effect. Id: the primary's.
 */
export function createFallbackEngine(options: FallbackEngineOptions): Engine {
  return {
    id: options.primary.id,
    async runAgent(input: AgentRunInput): Promise<AgentRunOutput> {
      const watched = watchWrites(input.tools, options.writeTools);
      try {
        return await options.primary.runAgent(withToolbox(input, watched.toolbox));
      } catch (error) {
        if (watched.wrote()) throw error;
        options.onFallback?.({ conversationId: input.conversation.id, agentId: input.agent.id, code: toSwitchboardError(error).code });
        return options.fallback.runAgent(input);
      }
    },
  };
}

/** Options of {@link createHybridEngine}. */
export interface HybridEngineOptions {
  local: Engine;
  llm: Engine;
  /** A local result below this confidence (0–1) goes to the LLM. Use the desk's `escalation.minAgentConfidence`. */
  minConfidence: number;
  /** Names of write tools: an LLM failure after a successful write propagates instead of returning the local result. */
  writeTools: ReadonlySet<string>;
  /** Escalation triggers the local engine may keep (the customer asked for a person, legal). @defaultValue ['human_requested', 'legal_threat'] */
  keepTriggers?: readonly string[];
  /** Told when the LLM failed and the local result was kept. */
  onFallback?: FallbackListener;
}

/**
 * The `hybrid` specialist role: the local playbook first; the LLM runs when the local engine
 * escalates for a reason other than `keepTriggers` (write requests, knowledge gaps), offers a human
 * because it does not know, or answers below `minConfidence`. The local engine's tool calls are
 * reads; the LLM continues on the same toolbox. When the LLM fails, the local result stands. Id `hybrid`.
 */
export function createHybridEngine(options: HybridEngineOptions): Engine {
  const keep = new Set(options.keepTriggers ?? ['human_requested', 'legal_threat']);
  return {
    id: 'hybrid',
    async runAgent(input: AgentRunInput): Promise<AgentRunOutput> {
      const local = await options.local.runAgent(input);
      const { result } = local;
      const unsure =
        (result.status === 'escalate' && !keep.has(result.escalation?.trigger ?? '')) ||
        local.dialog.awaiting === 'human_offer' ||
        (result.status !== 'handoff' && result.confidence < options.minConfidence);
      if (!unsure) return local;
      const watched = watchWrites(input.tools, options.writeTools);
      try {
        return await options.llm.runAgent(withToolbox(input, watched.toolbox));
      } catch (error) {
        if (watched.wrote()) throw error;
        options.onFallback?.({ conversationId: input.conversation.id, agentId: input.agent.id, code: toSwitchboardError(error).code });
        return local;
      }
    },
  };
}
