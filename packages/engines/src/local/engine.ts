import { ConfigurationError, type AgentRunInput, type AgentRunOutput, type Engine, type KnowledgeBase } from '@switchboard/core';
import { PlaybookRun, type PlaybookDependencies } from './context.js';
import { misrouteHandoff } from './misroute.js';
import { invoicesPlaybook, refundStatusPlaybook } from './playbooks/billing.js';
import { newsletterPlaybook, passwordResetPlaybook } from './playbooks/account.js';
import { humanHandoffPlaybook, writeRequestPlaybook } from './playbooks/escalate.js';
import { knowledgeAnswerPlaybook } from './playbooks/knowledge.js';
import { orderStatusPlaybook } from './playbooks/order-status.js';
import { productInfoPlaybook } from './playbooks/product.js';
import { answersPlan, cancelOrderPlaybook, changeOrderPlaybook, exchangeItemsPlaybook, orderAddressPlaybook, returnItemsPlaybook, userAddressPlaybook } from './playbooks/write.js';
import { runWritePlan } from './write/flow.js';
import { detectWriteKind } from './write/detect.js';
import { orderIdsIn } from './write/flow.js';
import { clearPlan, newPlan, readPlan, type WriteKind } from './write/plan.js';

/** Playbooks the local engine knows, by name. */
export const PLAYBOOKS = {
  knowledge_answer: knowledgeAnswerPlaybook,
  order_status: orderStatusPlaybook,
  invoices: invoicesPlaybook,
  refund_status: refundStatusPlaybook,
  product_info: productInfoPlaybook,
  human_handoff: humanHandoffPlaybook,
  write_request: writeRequestPlaybook,
  cancel_order: cancelOrderPlaybook,
  change_order: changeOrderPlaybook,
  order_address: orderAddressPlaybook,
  user_address: userAddressPlaybook,
  return_items: returnItemsPlaybook,
  exchange_items: exchangeItemsPlaybook,
  newsletter: newsletterPlaybook,
  password_reset: passwordResetPlaybook,
} as const satisfies Record<string, (run: PlaybookRun) => AgentRunOutput | Promise<AgentRunOutput>>;

/** A playbook name. */
export type PlaybookName = keyof typeof PLAYBOOKS;

/** Information playbooks that hand an explicit write request about a named order ("switch the payment of order #W… to PayPal") to the write flow. */
const INFORMATION_PLAYBOOKS: ReadonlySet<PlaybookName> = new Set(['knowledge_answer', 'product_info']);
/** Kinds a request routed to `write_request` (no tool: place an order, delete an account…) may turn out to be when it says so ("I want to return something"). */
const NAMED_KINDS: ReadonlySet<WriteKind> = new Set(['cancel', 'return', 'exchange']);

/**
 * The write action a misrouted message asks for in so many words: an information playbook's
 * message about an order it names, or a no-tool request that plainly says cancel, return or
 * exchange, or names an order.
 */
function explicitWrite(run: PlaybookRun, name: PlaybookName): WriteKind | undefined {
  if (run.input.reason === 'continue') return undefined;
  const text = run.input.focusText ?? run.input.message.text;
  const kind = detectWriteKind(text, { namesProduct: run.input.triage.entities.products.length > 0 });
  if (kind === undefined) return undefined;
  const namesOrder = run.input.triage.entities.orderIds.length > 0 || orderIdsIn(text).length > 0;
  if (name === 'write_request') return NAMED_KINDS.has(kind) || namesOrder ? kind : undefined;
  return INFORMATION_PLAYBOOKS.has(name) && namesOrder ? kind : undefined;
}

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
 * A write request in progress (cancel, change, return, exchange, address) keeps the conversation
 * while the customer answers its question, even when triage reads the answer as another request,
 * and moves to the agent holding its write tool by a handoff.
 *
 * @throws ConfigurationError `CONFIG_INVALID` at construction when an intent names an unknown playbook.
 */
export function createLocalEngine(options: LocalEngineOptions): Engine {
  for (const [intent, playbook] of Object.entries(options.intentPlaybooks)) {
    if (!(playbook in PLAYBOOKS)) {
      throw new ConfigurationError(`intentPlaybooks.${intent} names unknown playbook "${playbook}"; use one of ${Object.keys(PLAYBOOKS).join(', ')}`, { details: { field: `intentPlaybooks.${intent}` } });
    }
  }
  const deps: PlaybookDependencies = { knowledge: options.knowledge, minKnowledgeScore: options.minKnowledgeScore, knowledgeQueryHints: options.knowledgeQueryHints ?? {}, intentAgents: options.intentAgents ?? {} };
  return {
    id: 'local',
    async runAgent(input: AgentRunInput): Promise<AgentRunOutput> {
      const name = (options.intentPlaybooks[input.intent] ?? 'knowledge_answer') as PlaybookName;
      const run = new PlaybookRun(input, deps);
      const plan = readPlan(run);
      if (plan !== undefined) {
        const received = input.reason === 'handoff' && plan.handedTo === input.agent.id;
        const answered = input.reason === 'continue' ? run.input.conversation.dialog.awaiting === plan.awaiting : answersPlan(run, plan);
        if (received || answered) return runWritePlan(run, plan);
        clearPlan(run);
      }
      const explicit = explicitWrite(run, name);
      if (explicit !== undefined) return runWritePlan(run, newPlan(run, explicit));
      const handoff = misrouteHandoff(run, options.intentAgents ?? {});
      if (handoff) return handoff;
      return PLAYBOOKS[name](run);
    },
  };
}
