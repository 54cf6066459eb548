import { ConfigurationError, type AgentRunInput, type AgentRunOutput, type Engine, type KnowledgeBase } from '@switchboard/core';
import { PlaybookRun, type PlaybookDependencies } from './context.js';
import { misrouteHandoff } from './misroute.js';
import { invoicesPlaybook, refundStatusPlaybook } from './playbooks/billing.js';
import { humanHandoffPlaybook, writeRequestPlaybook } from './playbooks/escalate.js';
import { knowledgeAnswerPlaybook } from './playbooks/knowledge.js';
import { orderStatusPlaybook } from './playbooks/order-status.js';
import { productInfoPlaybook } from './playbooks/product.js';

/** Playbooks the local engine knows, by name. */
export const PLAYBOOKS = {
  knowledge_answer: knowledgeAnswerPlaybook,
  order_status: orderStatusPlaybook,
  invoices: invoicesPlaybook,
  refund_status: refundStatusPlaybook,
  product_info: productInfoPlaybook,
  human_handoff: humanHandoffPlaybook,
  write_request: writeRequestPlaybook,
} as const satisfies Record<string, (run: PlaybookRun) => AgentRunOutput | Promise<AgentRunOutput>>;

/** A playbook name. */
export type PlaybookName = keyof typeof PLAYBOOKS;

/** Options of {@link createLocalEngine}. */
export interface LocalEngineOptions {
  knowledge: KnowledgeBase;
  /** Intent → playbook name; intents not listed use `knowledge_answer`. */
  intentPlaybooks: Readonly<Record<string, string>>;
  /** Intent → extra query words that find its article. @defaultValue {} */
  knowledgeQueryHints?: Readonly<Record<string, string>>;
  /** Retrieval score below which the agent says it does not know (scale of the knowledge base's scores). */
  minKnowledgeScore: number;
  /** Intent → owning agent id, for misroute self-correction (handoffs). @defaultValue {} (no handoffs) */
  intentAgents?: Readonly<Record<string, string>>;
}

/**
 * The offline dialogue engine: runs an agent by executing the playbook mapped to the intent —
 * slot filling across turns (identity before account data, then which order), tool calls through
 * the agent's scoped toolbox, and templated replies grounded in tool results or knowledge text.
 *
 * @throws ConfigurationError `CONFIG_INVALID` at construction when an intent names an unknown playbook.
 */
export function createLocalEngine(options: LocalEngineOptions): Engine {
  for (const [intent, playbook] of Object.entries(options.intentPlaybooks)) {
    if (!(playbook in PLAYBOOKS)) {
      throw new ConfigurationError(`intentPlaybooks.${intent} names unknown playbook "${playbook}"; use one of ${Object.keys(PLAYBOOKS).join(', ')}`, { details: { field: `intentPlaybooks.${intent}` } });
    }
  }
  const deps: PlaybookDependencies = { knowledge: options.knowledge, minKnowledgeScore: options.minKnowledgeScore, knowledgeQueryHints: options.knowledgeQueryHints ?? {} };
  return {
    id: 'local',
    async runAgent(input: AgentRunInput): Promise<AgentRunOutput> {
      const name = (options.intentPlaybooks[input.intent] ?? 'knowledge_answer') as PlaybookName;
      const run = new PlaybookRun(input, deps);
      const handoff = misrouteHandoff(run, options.intentAgents ?? {});
      if (handoff) return handoff;
      return PLAYBOOKS[name](run);
    },
  };
}
