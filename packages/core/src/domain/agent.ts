import { z } from 'zod';

/**
 * An agent is configuration, not behaviour: engines execute it.
 * `tools` are tool names the agent may call; `scopes` are the scopes its tool calls carry (a tool
 * whose required scopes are not all here is refused); `knowledge` names knowledge-base
 * collections it answers from; `handoffs` are agent ids it may transfer to.
 */
export const AgentConfigSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: z.string(),
  description: z.string(),
  /** Name of the prompt module holding this agent's instructions (for the LLM engine). */
  instructions: z.string(),
  tools: z.array(z.string()),
  scopes: z.array(z.string()),
  knowledge: z.array(z.string()),
  handoffs: z.array(z.string()),
  /**
   * Collaborative pattern: agents this one may consult through the built-in `delegate_to_agent`
   * tool for part of a request, composing their answer into its own. @defaultValue []
   */
  delegates: z.array(z.string()).optional(),
  /**
   * Hierarchical pattern: this agent is a domain manager; a request routed to it goes to the
   * sub-agent with the most keywords (case-insensitive words or phrases) in the message, ties to
   * the first listed; with no keyword it stays with the manager. @defaultValue []
   */
  manages: z.array(z.object({ agentId: z.string(), keywords: z.array(z.string()).min(1) })).optional(),
  /** Role the agent plays in the pipeline. */
  role: z.enum(['triage', 'specialist', 'escalation', 'qa']).default('specialist'),
});
export type AgentConfig = z.infer<typeof AgentConfigSchema>;

/** What a specialist did during a turn (for the audit log and the escalation packet). */
export const AgentActionSchema = z.object({
  tool: z.string(),
  ok: z.boolean(),
  /** One line, no customer data beyond ids ("looked up order #W123: delivered"). */
  summary: z.string(),
});
export type AgentAction = z.infer<typeof AgentActionSchema>;

/** A request to escalate to a human, made by an agent. */
export const EscalationRequestSchema = z.object({
  trigger: z.string(),
  reason: z.string(),
  /** Suggested priority; the orchestrator may raise it. */
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
  /** Suggested queue (`orders`, `billing`…); the orchestrator decides. */
  queue: z.string().optional(),
});
export type EscalationRequest = z.infer<typeof EscalationRequestSchema>;

/**
 * What an engine returns after running an agent for one turn.
 * - `resolved`: the reply answers the request.
 * - `needs_info`: the reply asks the customer for something (`dialog.awaiting` says what).
 * - `handoff`: transfer to `handoffTo` (the orchestrator validates and counts hops).
 * - `escalate`: a human must take over (`escalation` says why).
 */
export const AgentResultSchema = z.object({
  reply: z.string(),
  status: z.enum(['resolved', 'needs_info', 'handoff', 'escalate']),
  confidence: z.number().min(0).max(1),
  actions: z.array(AgentActionSchema).default([]),
  handoffTo: z.string().optional(),
  escalation: EscalationRequestSchema.optional(),
  /** Knowledge-base article ids the reply was taken from. */
  sources: z.array(z.string()).default([]),
});
export type AgentResult = z.infer<typeof AgentResultSchema>;
