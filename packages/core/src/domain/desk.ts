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
  }),
  queues: z.object({
    /** Category → queue name (`ORDER` → `orders`). */
    byCategory: z.record(z.string(), z.string()),
    defaultQueue: z.string(),
    legalQueue: z.string(),
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
  /** Languages the desk answers in (ISO 639-1). @defaultValue ['en'] */
  languages: z.array(z.string()).default(['en']),
});
export type DeskConfig = z.infer<typeof DeskConfigSchema>;
export type DeskConfigInput = z.input<typeof DeskConfigSchema>;
