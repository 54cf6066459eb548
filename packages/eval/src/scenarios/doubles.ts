/**
 * Test doubles a scenario's setup can put around the real desk: failing or scripted agents (an
 * engine wrapper), failing tools (a gateway wrapper) and a forced triage decision (a triager
 * wrapper). They live in eval only; the desk itself is untouched.
 */
import { EngineError, type AgentRunInput, type AgentRunOutput, type DialogState, type Engine, type ToolGateway, type Triager } from '@switchboard/core';
import type { ScenarioSetup, ScriptedAgent, TriageOverride } from './schema.js';

const asList = (value: string | readonly string[] | undefined): readonly string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : value);

/** The dialogue state after a scripted run: the request ends (or waits, for `needs_info`) with this agent. */
function scriptedDialog(input: AgentRunInput, waiting: boolean): DialogState {
  const { activeIntent: _intent, activeAgentId: _agent, awaiting: _awaiting, ...rest } = structuredClone(input.conversation.dialog);
  return waiting ? { ...rest, activeIntent: input.intent, activeAgentId: input.agent.id, awaiting: 'scripted' } : rest;
}

async function runScripted(options: { engine: Engine; input: AgentRunInput; script: ScriptedAgent }): Promise<AgentRunOutput> {
  const { engine, input, script } = options;
  if (script.fail) throw new EngineError('ENGINE_FAILED', `Scripted failure of agent "${input.agent.id}"`, { details: { agentId: input.agent.id } });
  if (script.handoffTo !== undefined) {
    return { result: { reply: '', status: 'handoff', handoffTo: script.handoffTo, confidence: 0.9, actions: [], sources: [] }, dialog: scriptedDialog(input, false) };
  }
  if (script.reply !== undefined) {
    const status = script.status ?? 'resolved';
    return { result: { reply: script.reply, status, confidence: script.confidence ?? 0.9, actions: [], sources: [] }, dialog: scriptedDialog(input, status === 'needs_info') };
  }
  const output = await engine.runAgent(input);
  return script.confidence === undefined ? output : { ...output, result: { ...output.result, confidence: script.confidence } };
}

/**
 * The desk's engine with the setup's agent doubles: `failingAgent` and `scriptedAgents[id].fail`
 * throw `ENGINE_FAILED`; `handoffTo` hands off; `reply` answers with a fixed text; `confidence`
 * alone runs the real engine and reports that confidence. Other agents run unchanged.
 * @returns `engine` itself when the setup has no agent doubles.
 */
export function withAgentDoubles(engine: Engine, setup: ScenarioSetup): Engine {
  const failing = new Set(asList(setup.failingAgent));
  const scripts = setup.scriptedAgents ?? {};
  if (failing.size === 0 && Object.keys(scripts).length === 0) return engine;
  return {
    id: engine.id,
    runAgent(input) {
      const script: ScriptedAgent | undefined = failing.has(input.agent.id) ? { fail: true } : scripts[input.agent.id];
      return script === undefined ? engine.runAgent(input) : runScripted({ engine, input, script });
    },
  };
}

/**
 * The desk's tool gateway with `failingTool` failing every call with `TOOL_FAILED` (an
 * infrastructure failure: it counts towards the tool's circuit breaker).
 * @returns `tools` itself when the setup fails no tool.
 */
export function withToolDoubles(tools: ToolGateway, setup: ScenarioSetup): ToolGateway {
  const failing = new Set(asList(setup.failingTool));
  if (failing.size === 0) return tools;
  return {
    toolsFor: (agentId) => tools.toolsFor(agentId),
    call: (request) =>
      failing.has(request.toolName)
        ? Promise.resolve({ ok: false, error: { code: 'TOOL_FAILED', message: `Scripted failure of "${request.toolName}"` } })
        : tools.call(request),
  };
}

/**
 * The desk's triager with the top intent, its confidence and the alternatives replaced by
 * `override` (signals, entities, urgency and sentiment stay the real triager's).
 */
export function withTriageOverride(triager: Triager, override: TriageOverride, intentCategory: Readonly<Record<string, string>>): Triager {
  return {
    id: triager.id,
    async triage(input) {
      const decision = await triager.triage(input);
      const category = intentCategory[override.intent] ?? decision.category;
      return {
        ...decision,
        intent: override.intent,
        category,
        confidence: override.confidence,
        alternatives: override.alternatives,
        subtasks: [{ text: input.text, intent: override.intent, category, confidence: override.confidence }],
        needsSecondOpinion: false,
      };
    },
  };
}
