/**
 * The demo company's desk configuration: agents, routing, escalation triggers and queues.
 */
import { parseDeskConfig, type DeskConfig, type DeskConfigInput } from '@switchboard/core';
import { DEMO_AGENTS } from './agents.js';
import { STORE_POLICY } from './policy.js';
import { INTENT_AGENT, INTENT_CATEGORY, INTENTS } from './routing/intents.js';

/** Human queue per category; categories not listed go to {@link DEFAULT_QUEUE}. */
const QUEUE_BY_CATEGORY: Readonly<Record<string, string>> = {
  ORDER: 'orders',
  DELIVERY: 'orders',
  SHIPPING_ADDRESS: 'orders',
  EXCHANGE: 'orders',
  REFUND: 'billing',
  INVOICE: 'billing',
  PAYMENT: 'billing',
  CANCELLATION_FEE: 'billing',
  ACCOUNT: 'account',
  NEWSLETTER: 'account',
  TECHNICAL: 'technical',
};
const DEFAULT_QUEUE = 'general';
const LEGAL_QUEUE = 'legal';

/**
 * Builds the demo desk: the eight agents of `DEMO_AGENTS`, routing from `INTENT_AGENT` and
 * `INTENT_CATEGORY` (fallback agent `faq`, escalation agent `escalation`), human queues by
 * category (ORDER, DELIVERY, SHIPPING_ADDRESS, EXCHANGE → `orders`; REFUND, INVOICE, PAYMENT,
 * CANCELLATION_FEE → `billing`; ACCOUNT, NEWSLETTER → `account`; TECHNICAL → `technical`; every
 * other category → `general`), legal queue `legal`, and core's defaults for escalation triggers,
 * SLAs and limits.
 *
 * @returns a frozen, validated {@link DeskConfig}; a new object on every call.
 * @throws ConfigurationError `CONFIG_INVALID` if the configuration is inconsistent (a bug here).
 * @example
 * ```ts
 * const desk = createDemoDesk();
 * desk.routing.intentToAgent.track_refund; // 'billing'
 * ```
 */
export function createDemoDesk(): Readonly<DeskConfig> {
  const categories = new Set(Object.values(INTENT_CATEGORY));
  const byCategory = Object.fromEntries([...categories].sort().map((category) => [category, QUEUE_BY_CATEGORY[category] ?? DEFAULT_QUEUE]));
  const input: DeskConfigInput = {
    agents: DEMO_AGENTS.map((agent) => structuredClone(agent)),
    routing: {
      intentToAgent: { ...INTENT_AGENT },
      intentCategory: { ...INTENT_CATEGORY },
      // Customer-facing labels: the intent descriptions without their parenthesised boundary notes.
      intentLabels: Object.fromEntries(Object.entries(INTENTS).map(([intent, definition]) => [intent, definition.description.replace(/\s*\([^)]*\)/g, '')])),
      fallbackAgentId: 'faq',
      escalationAgentId: 'escalation',
    },
    escalation: {},
    queues: { byCategory, defaultQueue: DEFAULT_QUEUE, legalQueue: LEGAL_QUEUE },
    limits: {},
    // The τ-style lookups return a bare user id; a successful one verifies the customer.
    identityTools: { find_user_id_by_email: 'email', find_user_id_by_name_zip: 'name_zip' },
    contacts: [STORE_POLICY.supportEmail],
  };
  return parseDeskConfig(input);
}
