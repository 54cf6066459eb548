import { z } from 'zod';
import { AgentConfigSchema } from './agent.js';
import { DEFAULT_SLA_MS } from './ticket.js';

/**
 * One company's desk configuration: agents, routing, escalation triggers, queues, SLAs and
 * limits. Validated once at the edge with {@link parseDeskConfig}; frozen afterwards.
 */
export const DeskConfigSchema = z.object({
  agents: z.array(AgentConfigSchema).min(1),
  routing: z.object({
    /** Intent → agent id. Every intent the classifier knows should be here. */
    intentToAgent: z.record(z.string(), z.string()),
    /** Intent → category (Bitext categories such as `ORDER`, `REFUND`). */
    intentCategory: z.record(z.string(), z.string()),
    /** Intent → a short customer-facing label ("order status and tracking"), for clarifying questions. @defaultValue {} */
    intentLabels: z.record(z.string(), z.string()).default({}),
    /** Agent for messages whose intent has no mapping. */
    fallbackAgentId: z.string(),
    /** Agent that builds escalation packets. */
    escalationAgentId: z.string(),
    /**
     * While an agent waits for a slot, a new message stays with it unless triage names another
     * intent with at least this confidence (0–1). @defaultValue 0.85
     */
    switchIntentConfidence: z.number().min(0).max(1).default(0.85),
  }),
  escalation: z.object({
    humanRequest: z.boolean().default(true),
    legalThreat: z.boolean().default(true),
    abuse: z.boolean().default(true),
    /** Consecutive failed attempts (clarifications, "I don't know") before a human takes over. @defaultValue 3 */
    maxFailedAttempts: z.number().int().min(1).default(3),
    /** Frustration (0–1) at or above which a human takes over; `1.01` disables. @defaultValue 0.85 */
    severeFrustration: z.number().min(0).max(1.01).default(0.85),
    /** Urgent messages notify a human in parallel (a ticket) while the desk keeps helping. @defaultValue true */
    urgentNotify: z.boolean().default(true),
    /** A specialist result below this confidence (0–1) is escalated. @defaultValue 0.75 */
    minAgentConfidence: z.number().min(0).max(1).default(0.75),
    /**
     * Account flags that trigger escalation, and when: `always`, or only when the customer is
     * unhappy (negative sentiment or urgency high/urgent). @defaultValue { flags: ['vip', 'at_risk'], when: 'unhappy' }
     */
    accountFlags: z
      .object({ flags: z.array(z.string()).default(['vip', 'at_risk']), when: z.enum(['always', 'unhappy']).default('unhappy') })
      .default({ flags: ['vip', 'at_risk'], when: 'unhappy' }),
    /** The escalation agent retries once with the next-best specialist before a human. @defaultValue true */
    retryWithAnotherSpecialist: z.boolean().default(true),
    /** Circuit breaker on agents and tools: open after `failureThreshold` consecutive failures for `cooldownMs`. */
    circuitBreaker: z
      .object({ failureThreshold: z.number().int().min(1).default(3), cooldownMs: z.number().int().min(0).default(60_000) })
      .default({ failureThreshold: 3, cooldownMs: 60_000 }),
  }),
  queues: z.object({
    /** Category → queue name (`ORDER` → `orders`). */
    byCategory: z.record(z.string(), z.string()),
    defaultQueue: z.string(),
    legalQueue: z.string(),
    /** Queue for customers with a VIP flag, whatever the category. @defaultValue 'senior' */
    seniorQueue: z.string().default('senior'),
    /** Account flags whose holders go to `seniorQueue`. @defaultValue ['vip'] */
    seniorFlags: z.array(z.string()).default(['vip']),
  }),
  /** First-response SLA per priority, in milliseconds. @defaultValue {@link DEFAULT_SLA_MS} */
  slaMs: z
    .object({ urgent: z.number().int().positive(), high: z.number().int().positive(), normal: z.number().int().positive(), low: z.number().int().positive() })
    .default({ ...DEFAULT_SLA_MS }),
  limits: z.object({
    /** Agent-to-agent transfers allowed in one request. @defaultValue 3 */
    maxHops: z.number().int().min(0).default(3),
    /** Orchestrator steps allowed in one turn before `LIMIT_EXCEEDED`. @defaultValue 16 */
    maxTurnSteps: z.number().int().min(4).default(16),
    /** Inbound message size in characters. @defaultValue 4000 */
    maxMessageChars: z.number().int().min(1).default(4000),
    /** Messages of history given to an engine. @defaultValue 20 */
    historyMessages: z.number().int().min(1).default(20),
  }),
  /**
   * Tools whose successful result (a bare customer id string) verifies the customer's identity,
   * with how it verifies (`email`, `name_zip`). The turn driver binds later tool calls of the turn
   * and the conversation to that customer; engines cannot set identity any other way.
   * @defaultValue {}
   */
  identityTools: z.record(z.string(), z.enum(['email', 'name_zip'])).default({}),
  /**
   * Autonomy per category: `shadow` (an operator approves every reply), `assisted` (an operator
   * approves every write action), `auto`. A conversation's own non-`auto` mode wins.
   * @defaultValue { default: 'auto', byCategory: {} }
   */
  autonomy: z
    .object({ default: z.enum(['shadow', 'assisted', 'auto']).default('auto'), byCategory: z.record(z.string(), z.enum(['shadow', 'assisted', 'auto'])).default({}) })
    .default({ default: 'auto', byCategory: {} }),
  /** The desk's own public contact addresses and numbers (allowed in replies by the QA gate). @defaultValue [] */
  contacts: z.array(z.string()).default([]),
  /** Languages the desk answers in (ISO 639-1). @defaultValue ['en'] */
  languages: z.array(z.string()).default(['en']),
});
export type DeskConfig = z.infer<typeof DeskConfigSchema>;
export type DeskConfigInput = z.input<typeof DeskConfigSchema>;
