/**
 * The desk's agent graph (`GET /v1/desk/graph`): agents with live status, tools with the agents
 * allowed to call them, and the edges between agents — configured (triage routes, handoffs,
 * delegation, management) and observed in the audit log. Pure: the route loads the records.
 */
import type { AgentEvent, AnyToolDefinition, DeskConfig } from '@switchboard/core';
import type { z } from 'zod';
import { byTime } from './facts.js';
import type { AgentStatusSchema, DeskGraphEdgeSchema, DeskGraphResponseSchema } from '../protocol.js';

export type DeskGraph = z.infer<typeof DeskGraphResponseSchema>;
type Edge = z.infer<typeof DeskGraphEdgeSchema>;
type AgentStatus = z.infer<typeof AgentStatusSchema>;

/** An agent that ran within this many milliseconds is `active` (console contract: 5 minutes). */
export const ACTIVE_WITHIN_MS = 5 * 60_000;
/** An invocation with no finishing event after this many milliseconds is `stuck` (console contract: 60 s). */
export const STUCK_AFTER_MS = 60_000;

/** What {@link computeDeskGraph} reads. */
export interface DeskGraphInput {
  desk: Pick<DeskConfig, 'agents' | 'routing'>;
  tools: readonly Pick<AnyToolDefinition, 'name' | 'kind' | 'description'>[];
  /** Audit events of the metrics window (any order), for heartbeats, status and edge counts. */
  events: readonly AgentEvent[];
  /** Conversations still going, by current agent. */
  activeConversations: Readonly<Record<string, number>>;
  /** Whether the agent's circuit breaker (`agent:<id>`) is open now. */
  isCircuitOpen: (agentId: string) => boolean;
  nowMs: number;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Whether the agent's last `route` (an invocation starting) has no `agent_invoke` or `error` of that agent after it in its turn, for longer than {@link STUCK_AFTER_MS}. */
function isStuck(agentEvents: readonly AgentEvent[], nowMs: number): boolean {
  const lastStart = agentEvents.findLast((event) => event.type === 'route');
  if (!lastStart) return false;
  const finished = agentEvents.some((event) => event.turnId === lastStart.turnId && (event.type === 'agent_invoke' || event.type === 'error') && Date.parse(event.time) >= Date.parse(lastStart.time));
  return !finished && nowMs - Date.parse(lastStart.time) > STUCK_AFTER_MS;
}

/** Configured edges, then edges seen only in the audit log; counts from the window's `route` events. */
function edgesOf(input: DeskGraphInput): Edge[] {
  const edges = new Map<string, Edge>();
  const add = (edge: Omit<Edge, 'count'>): Edge => {
    const key = `${edge.kind}:${edge.from}>${edge.to}`;
    const existing = edges.get(key);
    if (existing) return existing;
    const created = { ...edge, count: 0 };
    edges.set(key, created);
    return created;
  };
  const triageAgents = input.desk.agents.filter((agent) => agent.role === 'triage').map((agent) => agent.id);
  const routeTargets = new Set([...Object.values(input.desk.routing.intentToAgent), input.desk.routing.fallbackAgentId]);
  for (const from of triageAgents) for (const to of [...routeTargets].sort()) add({ from, to, kind: 'route' });
  for (const agent of input.desk.agents) {
    for (const to of agent.handoffs) add({ from: agent.id, to, kind: 'handoff' });
    for (const to of agent.delegates ?? []) add({ from: agent.id, to, kind: 'delegate' });
    for (const managed of agent.manages ?? []) add({ from: agent.id, to: managed.agentId, kind: 'manages' });
  }
  for (const event of input.events) {
    if (event.type !== 'route') continue;
    const to = text(event.data.agentId) ?? event.agentId;
    const reason = text(event.data.reason);
    if (!to) continue;
    const from = text(event.data.fromAgentId);
    const viaManager = text(event.data.viaManager);
    if (reason === 'handoff' && from) add({ from, to, kind: 'handoff' }).count += 1;
    else if (reason === 'delegate' && from) add({ from, to, kind: 'delegate' }).count += 1;
    else if (reason === 'route') {
      if (viaManager) add({ from: viaManager, to, kind: 'manages' }).count += 1;
      for (const triage of triageAgents) add({ from: triage, to: viaManager ?? to, kind: 'route' }).count += 1;
    }
  }
  return [...edges.values()];
}

/**
 * Builds the graph.
 * @returns Every desk agent (in desk order) with `status` — `stuck` when its breaker is open or
 *   its last invocation never finished after 60 s, `active` when it has an audit event in the
 *   last 5 minutes, `idle` otherwise — and `lastHeartbeatAt` (its last audit event in the window;
 *   absent when none); every tool with the agents configured to call it; configured edges (count
 *   0 when unused) plus handoff edges only seen in the log.
 */
export function computeDeskGraph(input: DeskGraphInput): DeskGraph {
  const byAgent = new Map<string, AgentEvent[]>();
  for (const { event } of byTime(input.events)) {
    if (!event.agentId) continue;
    const own = byAgent.get(event.agentId);
    if (own) own.push(event);
    else byAgent.set(event.agentId, [event]);
  }
  const agents = input.desk.agents.map((agent) => {
    const own = byAgent.get(agent.id) ?? [];
    const last = own.at(-1);
    const lastMs = last ? Date.parse(last.time) : undefined;
    const status: AgentStatus = input.isCircuitOpen(agent.id) || isStuck(own, input.nowMs) ? 'stuck' : lastMs !== undefined && input.nowMs - lastMs <= ACTIVE_WITHIN_MS ? 'active' : 'idle';
    return {
      id: agent.id,
      name: agent.name,
      description: agent.description,
      role: agent.role,
      tools: [...agent.tools],
      status,
      ...(last ? { lastHeartbeatAt: last.time } : {}),
      activeConversations: input.activeConversations[agent.id] ?? 0,
    };
  });
  const tools = input.tools.map((tool) => ({
    name: tool.name,
    kind: tool.kind,
    description: tool.description,
    agents: input.desk.agents.filter((agent) => agent.tools.includes(tool.name)).map((agent) => agent.id),
  }));
  return { agents, tools, edges: edgesOf(input), generatedAt: new Date(input.nowMs).toISOString() };
}
