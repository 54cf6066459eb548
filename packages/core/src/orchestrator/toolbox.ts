import type { AgentAction } from '../domain/agent.js';
import type { CustomerIdentity } from '../domain/conversation.js';
import type { AgentEvent } from '../domain/events.js';
import type { AgentToolbox, Clock, IdGenerator, ToolGateway } from '../ports.js';
import type { ToolCallResult } from '../tools/tool.js';
import type { CircuitBreakers } from './breakers.js';

/** Options of {@link createAgentToolbox}. */
export interface AgentToolboxOptions {
  gateway: ToolGateway;
  clock: Clock;
  ids: IdGenerator;
  /** Identifies the turn; idempotency keys derive from it so a retried turn reuses them. */
  turn: { conversationId: string; turnId: string; traceId: string };
  agentId: string;
  customerId: string | undefined;
  /** Receives a `tool_call` audit event per call. */
  record: (event: AgentEvent) => Promise<void>;
  /** Receives a one-line action summary per call. */
  actions: AgentAction[];
  /** Receives the output of every successful call (evidence for the QA gate). */
  outputs?: unknown[];
  /** Autonomy mode the tools see (`assisted` holds every write for an operator). @defaultValue 'auto' */
  autonomy?: 'shadow' | 'assisted' | 'auto';
  /** Tool name → how its successful result (a customer id) verifies identity. */
  identityTools: Readonly<Record<string, 'email' | 'name_zip'>>;
  /** Per-tool circuit breakers (`tool:<name>`); infrastructure failures count, business refusals do not. */
  breakers?: CircuitBreakers;
  /**
   * Collaborative pattern: agents this agent may consult, and how to run one. When non-empty the
   * toolbox offers the built-in {@link DELEGATE_TOOL} (`{ agentId, question }` → `{ agentId, status, reply, sources }`).
   */
  delegation?: { agents: readonly string[]; run: (request: { agentId: string; question: string }) => Promise<ToolCallResult> };
}

/** Name of the built-in consultation tool of the collaborative pattern. */
export const DELEGATE_TOOL = 'delegate_to_agent';

/** Failure codes that mean the tool itself is unhealthy (they trip its breaker). */
const INFRASTRUCTURE_FAILURES: ReadonlySet<string> = new Set(['TOOL_TIMEOUT', 'TOOL_FAILED', 'TOOL_INVALID_OUTPUT']);

/** A toolbox plus the identity verified through it during the run, if any. */
export interface BoundAgentToolbox extends AgentToolbox {
  readonly verifiedIdentity: CustomerIdentity | undefined;
}

/**
 * A toolbox bound to one agent run: every call goes through the gateway with the agent's id and
 * the verified customer, gets a deterministic idempotency key (`turnId:agentId:n`) and is audited.
 * A successful call of an identity tool (see `identityTools`) binds the following calls to the
 * customer it found; that is the only way identity is established.
 */
export function createAgentToolbox(options: AgentToolboxOptions): BoundAgentToolbox {
  let sequence = 0;
  let customerId = options.customerId;
  let verifiedIdentity: CustomerIdentity | undefined;
  return {
    available: [...options.gateway.toolsFor(options.agentId), ...((options.delegation?.agents.length ?? 0) > 0 ? [DELEGATE_TOOL] : [])],
    get verifiedIdentity() {
      return verifiedIdentity;
    },
    async call<Output = unknown>(toolName: string, args: unknown): Promise<ToolCallResult<Output>> {
      sequence += 1;
      const started = performance.now();
      const breakerKey = `tool:${toolName}`;
      const result: ToolCallResult = toolName === DELEGATE_TOOL
        ? await delegate(options, args)
        : options.breakers?.isOpen(breakerKey)
        ? { ok: false, error: { code: 'TOOL_CIRCUIT_OPEN', message: `"${toolName}" is failing repeatedly and is temporarily bypassed` } }
        : await options.gateway.call({
        toolName,
        args,
        context: {
          conversationId: options.turn.conversationId,
          turnId: options.turn.turnId,
          agentId: options.agentId,
          ...(customerId === undefined ? {} : { customerId }),
          idempotencyKey: `${options.turn.turnId}:${options.agentId}:${sequence}`,
          ...(options.autonomy === undefined ? {} : { autonomy: options.autonomy }),
          traceId: options.turn.traceId,
        },
      });
      const latencyMs = performance.now() - started;
      if (options.breakers && !(!result.ok && result.error.code === 'TOOL_CIRCUIT_OPEN')) {
        if (!result.ok && INFRASTRUCTURE_FAILURES.has(result.error.code)) options.breakers.recordFailure(breakerKey);
        else options.breakers.recordSuccess(breakerKey);
      }
      if (result.ok) options.outputs?.push(result.output);
      const verifiedBy = options.identityTools[toolName];
      if (result.ok && verifiedBy !== undefined && typeof result.output === 'string') {
        customerId = result.output;
        verifiedIdentity = { customerId, verifiedBy };
      }
      options.actions.push({ tool: toolName, ok: result.ok, summary: result.ok ? `${toolName} succeeded` : `${toolName} failed (${result.error.code})` });
      await options.record({
        id: options.ids.next('evt'),
        conversationId: options.turn.conversationId,
        traceId: options.turn.traceId,
        turnId: options.turn.turnId,
        time: options.clock.now().toISOString(),
        type: 'tool_call',
        agentId: options.agentId,
        data: { tool: toolName, ok: result.ok, args: auditPreview(args), ...(result.ok ? { result: auditPreview(result.output) } : { code: result.error.code, error: result.error.message }) },
        latencyMs,
      });
      return result as ToolCallResult<Output>;
    },
  };
}

/** Longest JSON text of a tool's arguments or result kept in its `tool_call` audit event, in characters. */
export const AUDIT_PREVIEW_MAX_CHARS = 2000;

/**
 * A tool's arguments or result as recorded in the audit log (the operator console's timeline
 * shows them): the value itself when its JSON text is at most {@link AUDIT_PREVIEW_MAX_CHARS}
 * characters, otherwise `{ truncated: true, preview }` with the first characters of that text.
 * Personal data is masked by the service's masked event log before it is stored.
 */
export function auditPreview(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  if (text === undefined) return null;
  return text.length <= AUDIT_PREVIEW_MAX_CHARS ? value : { truncated: true, preview: text.slice(0, AUDIT_PREVIEW_MAX_CHARS) };
}

/** Runs the built-in consultation tool: validates `{ agentId, question }` against the agents this agent may consult. */
async function delegate(options: AgentToolboxOptions, args: unknown): Promise<ToolCallResult> {
  const request = args as { agentId?: unknown; question?: unknown } | null;
  const agentId = typeof request?.agentId === 'string' ? request.agentId : undefined;
  const question = typeof request?.question === 'string' ? request.question.trim() : '';
  if (agentId === undefined || question === '') return { ok: false, error: { code: 'TOOL_INVALID_ARGUMENTS', message: `${DELEGATE_TOOL} needs { agentId, question }` } };
  if (!options.delegation?.agents.includes(agentId)) return { ok: false, error: { code: 'TOOL_SCOPE_DENIED', message: `Agent "${options.agentId}" may not consult "${agentId}"` } };
  return options.delegation.run({ agentId, question });
}
