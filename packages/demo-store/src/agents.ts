/**
 * The demo desk's eight agents, as configuration. Engines execute them; the tool gateway
 * enforces their tools and scopes.
 */
import type { AgentConfig } from '@switchboard/core';
import type { KnowledgeCollection } from './knowledge/index.js';
import { READ_SCOPES as S, READ_TOOL_NAMES as T, WRITE_SCOPES as WS, WRITE_TOOL_NAMES as W } from './tools/scopes.js';

/** Ids of the demo desk's agents: the triage step, six specialists and the escalation agent. */
export const DEMO_AGENT_IDS = ['triage', 'billing', 'orders', 'returns', 'account', 'technical', 'faq', 'escalation'] as const;
export type DemoDeskAgentId = (typeof DEMO_AGENT_IDS)[number];

const SPECIALISTS = ['billing', 'orders', 'returns', 'account', 'technical', 'faq'] as const;
const IDENTITY_TOOLS = [T.findUserIdByEmail, T.findUserIdByNameZip];
const CATALOG_TOOLS = [T.getProductDetails, T.listAllProductTypes, T.findProductByName];
const ALL_COLLECTIONS: readonly KnowledgeCollection[] = ['returns', 'shipping', 'billing', 'account', 'technical', 'general'];

/** Specialists may hand off to every other specialist and to escalation. */
const handoffsFrom = (id: string): string[] => [...SPECIALISTS.filter((other) => other !== id), 'escalation'];

/** The prompt module naming convention: `prompts/<agent id>@<version>`. */
const prompt = (id: string): string => `prompts/${id}@1`;

interface SpecialistDraft {
  id: (typeof SPECIALISTS)[number];
  name: string;
  description: string;
  tools: readonly string[];
  scopes: readonly string[];
  knowledge: readonly KnowledgeCollection[];
}

const specialist = (draft: SpecialistDraft): AgentConfig => ({
  id: draft.id,
  name: draft.name,
  description: draft.description,
  instructions: prompt(draft.id),
  tools: [...draft.tools],
  scopes: [...draft.scopes],
  knowledge: [...draft.knowledge],
  handoffs: handoffsFrom(draft.id),
  // Collaborative pattern: every specialist may consult the FAQ agent (all collections) for a general question.
  ...(draft.id === 'faq' ? {} : { delegates: ['faq'] }),
  role: 'specialist',
});

/**
 * Hierarchical pattern: the technical agent is a domain manager. A technical request goes to the
 * sub-agent whose keywords appear in it (website and app, payments at checkout, account access),
 * otherwise the technical agent answers it itself.
 */
const TECHNICAL_SUB_AGENTS = [
  { id: 'technical_web', name: 'Website & App', description: 'Website and mobile-app problems: pages not loading, errors, crashes, caching and app updates.', knowledge: ['technical'], keywords: ['app', 'website', 'site', 'browser', 'page', 'cache', 'crash', 'crashes', 'loading', 'update'] },
  { id: 'technical_checkout', name: 'Checkout Payments', description: 'Problems paying at checkout: cart, payment page, declined or failing card and PayPal payments.', knowledge: ['technical', 'billing'], keywords: ['checkout', 'check out', 'cart', 'payment page', 'declined', 'pay'] },
  { id: 'technical_access', name: 'Account Access', description: 'Problems signing in: login errors, passwords, verification codes and locked accounts.', knowledge: ['technical', 'account'], keywords: ['login', 'log in', 'sign in', 'signin', 'password', 'locked', 'code', '2fa'] },
] as const;

const technicalSubAgent = (draft: (typeof TECHNICAL_SUB_AGENTS)[number]): AgentConfig => ({
  id: draft.id,
  name: draft.name,
  description: draft.description,
  instructions: prompt(draft.id),
  tools: [...IDENTITY_TOOLS, W.getServiceStatus, W.runCheckoutDiagnostic],
  scopes: [S.identityVerify, WS.systemRead, WS.diagnosticsRun],
  knowledge: [...draft.knowledge],
  handoffs: ['technical', 'escalation'],
  delegates: ['faq'],
  role: 'specialist',
});

/**
 * The demo desk's agents, triage first. Each specialist lists the tools of its domain and
 * exactly the scopes those tools need (least privilege): `orders` cancels and modifies pending
 * orders (`orders:write`), `returns` returns and exchanges delivered ones (`returns:write`),
 * `account` changes the default address, sends password resets and sets the newsletter
 * (`customers:write`), `technical` reads the service status and runs the checkout diagnostic;
 * `billing` and `faq` only read. `instructions` names the prompt module (`prompts/<id>@1`);
 * `knowledge` names the collections it answers from; `handoffs` lets every specialist transfer to
 * the other specialists and to `escalation`, which has no tools.
 */
export const DEMO_AGENTS: readonly AgentConfig[] = Object.freeze([
  {
    id: 'triage',
    name: 'Triage',
    description: 'Reads each new customer message, classifies its intent and urgency, and routes it to the right specialist.',
    instructions: prompt('triage'),
    tools: [],
    scopes: [],
    knowledge: [],
    handoffs: [...SPECIALISTS, 'escalation'],
    role: 'triage',
  },
  specialist({
    id: 'billing',
    name: 'Billing',
    description: 'Handles invoices and receipts, charges and failed payments, payment methods, fees and the status of refunds.',
    tools: [...IDENTITY_TOOLS, T.getUserDetails, T.getInvoices, T.getRefundStatus, T.getOrderDetails, W.calculate],
    scopes: [S.identityVerify, S.customersRead, S.billingRead, S.ordersRead],
    knowledge: ['billing', 'returns'],
  }),
  specialist({
    id: 'orders',
    name: 'Orders',
    description: 'Handles order status and tracking, delivery options and times, shipping addresses, and cancelling or changing pending orders.',
    tools: [
      ...IDENTITY_TOOLS, T.getUserDetails, T.getOrderDetails, ...CATALOG_TOOLS,
      W.cancelPendingOrder, W.modifyPendingOrderAddress, W.modifyPendingOrderItems, W.modifyPendingOrderPayment, W.calculate, W.transferToHumanAgents,
    ],
    scopes: [S.identityVerify, S.customersRead, S.ordersRead, S.catalogRead, WS.ordersWrite, WS.escalationRequest],
    knowledge: ['shipping', 'returns', 'general'],
  }),
  specialist({
    id: 'returns',
    name: 'Returns',
    description: 'Handles returns, exchanges and refund requests for delivered orders, and explains the return and refund policy.',
    tools: [
      ...IDENTITY_TOOLS, T.getUserDetails, T.getOrderDetails, T.getRefundStatus, ...CATALOG_TOOLS,
      W.returnDeliveredOrderItems, W.exchangeDeliveredOrderItems, W.calculate, W.transferToHumanAgents,
    ],
    scopes: [S.identityVerify, S.customersRead, S.ordersRead, S.billingRead, S.catalogRead, WS.returnsWrite, WS.escalationRequest],
    knowledge: ['returns', 'billing'],
  }),
  specialist({
    id: 'account',
    name: 'Account',
    description: 'Handles account creation, sign-in and passwords, profile and default address, newsletter, account deletion and privacy requests.',
    tools: [...IDENTITY_TOOLS, T.getUserDetails, W.modifyUserAddress, W.sendPasswordReset, W.setNewsletterSubscription],
    scopes: [S.identityVerify, S.customersRead, WS.customersWrite],
    knowledge: ['account', 'general'],
  }),
  {
    ...specialist({
      id: 'technical',
      name: 'Technical',
      description: 'Helps with website and app problems such as sign-in failures, checkout errors, caching and app updates.',
      tools: [...IDENTITY_TOOLS, W.getServiceStatus, W.runCheckoutDiagnostic],
      scopes: [S.identityVerify, WS.systemRead, WS.diagnosticsRun],
      knowledge: ['technical', 'account'],
    }),
    manages: TECHNICAL_SUB_AGENTS.map((draft) => ({ agentId: draft.id, keywords: [...draft.keywords] })),
  },
  ...TECHNICAL_SUB_AGENTS.map(technicalSubAgent),
  specialist({
    id: 'faq',
    name: 'FAQ',
    description: 'Answers general questions about the store, its products and policies, contact options and feedback, from the knowledge base and catalog.',
    tools: CATALOG_TOOLS,
    scopes: [S.catalogRead],
    knowledge: ALL_COLLECTIONS,
  }),
  {
    id: 'escalation',
    name: 'Escalation',
    description: 'Takes over cases a specialist cannot or should not finish, builds the escalation packet and hands the conversation to a human queue.',
    instructions: prompt('escalation'),
    tools: [],
    scopes: [],
    knowledge: ['general'],
    handoffs: [],
    role: 'escalation',
  },
]);
