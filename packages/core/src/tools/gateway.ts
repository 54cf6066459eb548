import type { AgentConfig } from '../domain/agent.js';
import type { ToolCallLog, ToolCallRequest, ToolGateway } from '../ports.js';
import type { ToolAuditEntry, ToolAuditSink } from './audit.js';
import { checkApproval, type GatewayApprovals } from './approvals.js';
import { runTool, toolFailure } from './execute.js';
import { runWriteOnce } from './idempotency.js';
import { createMemoryToolCallLog } from './memory-tool-call-log.js';
import type { AnyToolDefinition, ToolCallResult } from './tool.js';

/** Options of {@link createToolGateway}. */
export interface ToolGatewayOptions {
  tools: readonly AnyToolDefinition[];
  agents: readonly AgentConfig[];
  /**
   * Where write results are recorded by idempotency key. Pass `database.toolCalls`
   * (`@switchboard/stores`) so a retry after a crash or on another worker is answered from the log.
   * @defaultValue an in-process `createMemoryToolCallLog()`: retries within this process only
   */
  toolCalls?: ToolCallLog;
  /**
   * Receives refusals (`TOOL_SCOPE_DENIED`), idempotent replays and idempotency-key conflicts, for
   * the audit log (`createEventLogToolAudit`). Awaited; a sink that throws is ignored.
   * @defaultValue none
   */
  audit?: ToolAuditSink;
  /**
   * Holds writes that need an operator (a tool's approval rule, or `assisted` autonomy) in an
   * approval queue and answers `APPROVAL_REQUIRED`. @defaultValue none: writes never wait
   */
  approvals?: GatewayApprovals;
}

/**
 * Builds the gateway every tool call goes through. It enforces, in order: the tool exists
 * (`TOOL_NOT_FOUND`), the agent lists the tool and holds all its scopes (`TOOL_SCOPE_DENIED`,
 * reported to `audit` as `refused`), the arguments match the input schema
 * (`TOOL_INVALID_ARGUMENTS`), a write runs at most once per `context.idempotencyKey` (a repeat
 * answers the recorded result; see `runWriteOnce`), the call ends within `timeoutMs`
 * (`TOOL_TIMEOUT`), and the output matches the output schema (`TOOL_INVALID_OUTPUT`).
 * A `SwitchboardError` thrown by the tool keeps its code (`NOT_FOUND`, `POLICY_REFUSED`…);
 * anything else becomes `TOOL_FAILED`. It never throws: every failure is a `{ ok: false, error }`
 * the agent can see and act on. Identity binding (a tool acts only on `context.customerId`'s
 * records) is the tools' job.
 *
 * @example
 * ```ts
 * const gateway = createToolGateway({ tools, agents: desk.agents, toolCalls: database.toolCalls, audit });
 * await gateway.call({ toolName: 'cancel_pending_order', args, context });
 * ```
 */
export function createToolGateway(options: ToolGatewayOptions): ToolGateway {
  const tools = new Map(options.tools.map((tool) => [tool.name, tool]));
  const agents = new Map(options.agents.map((agent) => [agent.id, agent]));
  const log = options.toolCalls ?? createMemoryToolCallLog();

  const report = async (entry: ToolAuditEntry): Promise<void> => {
    if (options.audit === undefined) return;
    try {
      await options.audit(entry);
    } catch {
      // Auditing must not change the answer the agent gets (the turn driver records the call too).
    }
  };

  return {
    toolsFor(agentId) {
      const agent = agents.get(agentId);
      return agent ? agent.tools.filter((name) => tools.has(name)) : [];
    },

    async call(request: ToolCallRequest): Promise<ToolCallResult> {
      const { context } = request;
      const tool = tools.get(request.toolName);
      if (!tool) return toolFailure('TOOL_NOT_FOUND', `No tool named "${request.toolName}"`);
      const agent = agents.get(context.agentId);
      const missingScopes = tool.scopes.filter((scope) => !agent?.scopes.includes(scope));
      if (!agent || !agent.tools.includes(tool.name) || missingScopes.length > 0) {
        await report({ outcome: 'refused', toolName: tool.name, code: 'TOOL_SCOPE_DENIED', missingScopes, context });
        return toolFailure('TOOL_SCOPE_DENIED', `Agent "${context.agentId}" may not call "${tool.name}"`);
      }
      const parsed = tool.input.safeParse(request.args);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return toolFailure('TOOL_INVALID_ARGUMENTS', `Invalid arguments for "${tool.name}": ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'unknown'}`);
      }
      if (tool.kind === 'write' && options.approvals) {
        const held = await checkApproval({ approvals: options.approvals, tool, input: parsed.data, context });
        if (held) return held;
      }
      if (tool.kind === 'write') {
        return runWriteOnce({ tool, input: parsed.data, context, log, report: (entry) => report({ ...entry, toolName: tool.name, context }) });
      }
      return (await runTool({ tool, input: parsed.data, context })).result;
    },
  };
}
