/**
 * What the tool gateway reports besides the result it returns: refusals and idempotent replays.
 */
import type { AgentEvent } from '../domain/events.js';
import type { Clock, EventLog, IdGenerator } from '../ports.js';
import type { ToolContext } from './tool.js';

/**
 * One report of the gateway. `refused`: the agent does not list the tool or lacks one of its
 * scopes (`code` `TOOL_SCOPE_DENIED`, `missingScopes` names the scopes it lacks — empty when the
 * tool is simply not on its list); `replayed`: a write answered from the idempotency log without
 * running again; `key_conflict`: an idempotency key reused for another tool or other arguments
 * (`code` `CONFLICT`).
 */
export interface ToolAuditEntry {
  outcome: 'refused' | 'replayed' | 'key_conflict';
  toolName: string;
  code?: string;
  missingScopes: readonly string[];
  context: ToolContext;
}

/** Receives the gateway's reports. A sink that throws is ignored: the call's result stands. */
export type ToolAuditSink = (entry: ToolAuditEntry) => Promise<void> | void;

/** Options of {@link createEventLogToolAudit}. */
export interface EventLogToolAuditOptions {
  events: EventLog;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * A {@link ToolAuditSink} that appends each report to the audit log as a `guardrail` event:
 * `data = { guard: 'tool_gateway', outcome, tool, code?, missingScopes }`, `agentId` the caller,
 * `traceId` from the context (its `turnId` when absent). The turn driver's own `tool_call` event
 * for the same call records `ok: false` and the code as well; this one says why.
 * @example
 * ```ts
 * createToolGateway({ tools, agents, audit: createEventLogToolAudit({ events: database.events, clock, ids }) });
 * ```
 */
export function createEventLogToolAudit(options: EventLogToolAuditOptions): ToolAuditSink {
  return async (entry) => {
    const event: AgentEvent = {
      id: options.ids.next('evt'),
      conversationId: entry.context.conversationId,
      traceId: entry.context.traceId ?? entry.context.turnId,
      turnId: entry.context.turnId,
      time: options.clock.now().toISOString(),
      type: 'guardrail',
      agentId: entry.context.agentId,
      data: { guard: 'tool_gateway', outcome: entry.outcome, tool: entry.toolName, ...(entry.code === undefined ? {} : { code: entry.code }), missingScopes: [...entry.missingScopes] },
    };
    await options.events.append([event]);
  };
}
