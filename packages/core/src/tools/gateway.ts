import type { AgentConfig } from '../domain/agent.js';
import { SwitchboardError, ToolError } from '../errors.js';
import type { ToolCallRequest, ToolGateway } from '../ports.js';
import type { AnyToolDefinition, ToolCallResult } from './tool.js';

/** Options of {@link createToolGateway}. */
export interface ToolGatewayOptions {
  tools: readonly AnyToolDefinition[];
  agents: readonly AgentConfig[];
}

/**
 * Builds the gateway every tool call goes through. It enforces, in order: the tool exists
 * (`TOOL_NOT_FOUND`), the agent lists the tool and holds all its scopes (`TOOL_SCOPE_DENIED`),
 * the arguments match the input schema (`TOOL_INVALID_ARGUMENTS`), the call ends within
 * `timeoutMs` (`TOOL_TIMEOUT`), and the output matches the output schema (`TOOL_INVALID_OUTPUT`).
 * A {@link ToolError} thrown by the tool keeps its code; anything else becomes `TOOL_FAILED`.
 * It never throws: every failure is a `{ ok: false, error }` the agent can see and act on.
 */
export function createToolGateway(options: ToolGatewayOptions): ToolGateway {
  const tools = new Map(options.tools.map((tool) => [tool.name, tool]));
  const agents = new Map(options.agents.map((agent) => [agent.id, agent]));

  const fail = (code: string, message: string): ToolCallResult => ({ ok: false, error: { code, message } });

  return {
    toolsFor(agentId) {
      const agent = agents.get(agentId);
      return agent ? agent.tools.filter((name) => tools.has(name)) : [];
    },

    async call(request: ToolCallRequest): Promise<ToolCallResult> {
      const tool = tools.get(request.toolName);
      if (!tool) return fail('TOOL_NOT_FOUND', `No tool named "${request.toolName}"`);
      const agent = agents.get(request.context.agentId);
      const missingScope = tool.scopes.find((scope) => !agent?.scopes.includes(scope));
      if (!agent || !agent.tools.includes(tool.name) || missingScope !== undefined) {
        return fail('TOOL_SCOPE_DENIED', `Agent "${request.context.agentId}" may not call "${tool.name}"`);
      }
      const parsed = tool.input.safeParse(request.args);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return fail('TOOL_INVALID_ARGUMENTS', `Invalid arguments for "${tool.name}": ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'unknown'}`);
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new ToolError('TOOL_TIMEOUT', `"${tool.name}" took longer than ${tool.timeoutMs} ms`, { isRetryable: true })), tool.timeoutMs);
        });
        const output: unknown = await Promise.race([tool.execute(parsed.data, request.context), timeout]);
        const checked = tool.output.safeParse(output);
        if (!checked.success) return fail('TOOL_INVALID_OUTPUT', `"${tool.name}" returned an invalid result`);
        return { ok: true, output: checked.data };
      } catch (error) {
        if (error instanceof SwitchboardError) return fail(error.code, error.message);
        return fail('TOOL_FAILED', `"${tool.name}" failed`);
      } finally {
        if (timer !== undefined) clearTimeout(timer);
      }
    },
  };
}
