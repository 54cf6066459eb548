import { z } from 'zod';

export const AGENT_EVENT_TYPES = [
  'triage', 'route', 'agent_invoke', 'tool_call', 'handoff', 'qa_review', 'guardrail',
  'escalation', 'approval', 'resolution', 'operator', 'error',
] as const;
export const AgentEventTypeSchema = z.enum(AGENT_EVENT_TYPES);
export type AgentEventType = z.infer<typeof AgentEventTypeSchema>;

/**
 * One audit-log entry. Every turn's events share a `traceId`. `latencyMs` is wall time of the
 * step in milliseconds; `data` is a JSON object whose shape depends on `type`.
 */
export const AgentEventSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  traceId: z.string(),
  turnId: z.string(),
  time: z.string(),
  type: AgentEventTypeSchema,
  agentId: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
  latencyMs: z.number().min(0).optional(),
  tokens: z.object({ input: z.number().int(), output: z.number().int() }).optional(),
  costUsd: z.number().min(0).optional(),
});
export type AgentEvent = z.infer<typeof AgentEventSchema>;
