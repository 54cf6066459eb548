import { AgentResultSchema } from '../domain/agent.js';
import type { Message } from '../domain/message.js';
import { toSwitchboardError } from '../errors.js';
import type { ToolCallResult } from '../tools/tool.js';
import type { TurnScope } from './turn-scope.js';

/**
 * Collaborative pattern: runs another agent on a question for the calling agent and returns its
 * answer as a tool result `{ agentId, status, reply, sources }`. The consulted agent's dialogue
 * state is discarded, it cannot consult further and it cannot establish identity. Audited as a
 * `route` (reason `delegate`) and an `agent_invoke`.
 */
export async function consultAgent(scope: TurnScope, request: { agentId: string; question: string; fromAgentId: string; intent: string; history: readonly Message[] }): Promise<ToolCallResult> {
  const other = scope.desk.agents.find((candidate) => candidate.id === request.agentId);
  if (!other) return { ok: false, error: { code: 'NOT_FOUND', message: `No agent "${request.agentId}"` } };
  await scope.record('route', { agentId: other.id, reason: 'delegate', intent: request.intent, fromAgentId: request.fromAgentId }, { agentId: other.id });
  const started = performance.now();
  try {
    const output = await scope.ports.engine.runAgent({
      agent: other,
      reason: 'delegate',
      intent: request.intent,
      focusText: request.question,
      conversation: scope.conversation,
      message: scope.state.message,
      history: request.history,
      triage: scope.requireTriage(),
      tools: scope.toolbox(other, { consulted: true }),
    });
    const result = AgentResultSchema.parse(output.result);
    await scope.record('agent_invoke', { engine: scope.ports.engine.id, status: result.status, confidence: result.confidence, delegatedBy: request.fromAgentId, sources: result.sources }, { agentId: other.id, latencyMs: performance.now() - started });
    return { ok: true, output: { agentId: other.id, status: result.status, reply: result.reply, sources: result.sources } };
  } catch (error) {
    await scope.record('error', { stage: 'delegate', code: toSwitchboardError(error).code }, { agentId: other.id, latencyMs: performance.now() - started });
    return { ok: false, error: { code: 'TOOL_FAILED', message: `Consulting "${other.id}" failed` } };
  }
}
