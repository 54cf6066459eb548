import type { DeskConfig } from '../domain/desk.js';
import { parseDeskConfig } from '../domain/desk-parse.js';

/** A small desk for core's own tests: orders, billing, faq and escalation agents. */
export function createTestDesk(overrides: Partial<Record<'maxHops', number>> = {}): Readonly<DeskConfig> {
  const agent = (id: string, handoffs: string[]) => ({ id, name: id[0]!.toUpperCase() + id.slice(1), description: `${id} agent`, instructions: `prompts/${id}@1`, tools: [], scopes: [], knowledge: [], handoffs });
  return parseDeskConfig({
    agents: [agent('orders', ['billing', 'faq', 'escalation']), agent('billing', ['orders', 'faq', 'escalation']), agent('faq', ['orders', 'billing', 'escalation']), agent('escalation', [])],
    routing: {
      intentToAgent: { track_order: 'orders', get_invoice: 'billing', contact_customer_service: 'faq', contact_human_agent: 'escalation' },
      intentCategory: { track_order: 'ORDER', get_invoice: 'INVOICE', contact_customer_service: 'CONTACT', contact_human_agent: 'CONTACT' },
      fallbackAgentId: 'faq',
      escalationAgentId: 'escalation',
    },
    escalation: {},
    queues: { byCategory: { ORDER: 'orders', INVOICE: 'billing' }, defaultQueue: 'general', legalQueue: 'legal' },
    limits: { maxHops: overrides.maxHops ?? 3 },
  });
}
