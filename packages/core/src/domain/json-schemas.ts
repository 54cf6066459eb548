import { z } from 'zod';
import { HandoffPayloadV1Schema } from './handoff.js';
import { EscalationPacketSchema } from './ticket.js';
import { TriageDecisionSchema } from './triage.js';
import { AgentResultSchema } from './agent.js';

/**
 * The versioned contracts other systems consume, as JSON Schema (draft 2020-12), keyed by file
 * name. `schemas/` in the repository holds their committed copies (`switchboard schemas --out schemas`);
 * a test fails when they drift from the zod schemas.
 */
export function exportJsonSchemas(): Record<string, unknown> {
  const schema = (value: z.ZodType, id: string) => ({ $id: `https://switchboard.dev/schemas/${id}`, ...z.toJSONSchema(value, { io: 'input' }) });
  return {
    'handoff-payload-v1.schema.json': schema(HandoffPayloadV1Schema, 'handoff-payload-v1.schema.json'),
    'escalation-packet-v1.schema.json': schema(EscalationPacketSchema, 'escalation-packet-v1.schema.json'),
    'triage-decision-v1.schema.json': schema(TriageDecisionSchema, 'triage-decision-v1.schema.json'),
    'agent-result-v1.schema.json': schema(AgentResultSchema, 'agent-result-v1.schema.json'),
  };
}
