import { ConfigurationError } from '../errors.js';
import { DeskConfigSchema, type DeskConfig } from './desk.js';

/**
 * Validates a desk configuration and checks cross-references.
 * @throws ConfigurationError `CONFIG_INVALID` naming the field and the fix.
 */
export function parseDeskConfig(input: unknown): Readonly<DeskConfig> {
  const parsed = DeskConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.join('.') : '(root)';
    throw new ConfigurationError(`Desk configuration field "${field}" is invalid: ${issue?.message ?? 'unknown'}`, { details: { field } });
  }
  const desk = parsed.data;
  const agentIds = new Set(desk.agents.map((agent) => agent.id));
  const requireAgent = (id: string, field: string): void => {
    if (!agentIds.has(id)) {
      throw new ConfigurationError(`Desk configuration field "${field}" names agent "${id}", which is not in "agents"; add it or fix the id`, { details: { field, agentId: id } });
    }
  };
  for (const [intent, agentId] of Object.entries(desk.routing.intentToAgent)) requireAgent(agentId, `routing.intentToAgent.${intent}`);
  requireAgent(desk.routing.fallbackAgentId, 'routing.fallbackAgentId');
  requireAgent(desk.routing.escalationAgentId, 'routing.escalationAgentId');
  for (const agent of desk.agents) {
    for (const target of agent.handoffs) requireAgent(target, `agents.${agent.id}.handoffs`);
    for (const target of agent.delegates ?? []) requireAgent(target, `agents.${agent.id}.delegates`);
    for (const route of agent.manages ?? []) requireAgent(route.agentId, `agents.${agent.id}.manages`);
  }
  return Object.freeze(desk);
}
