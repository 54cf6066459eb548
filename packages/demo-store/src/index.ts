/**
 * @switchboard/demo-store — the demo company: seeded store data, knowledge base, agents, desk
 * configuration, read and write tools (τ-bench retail semantics), the τ-bench store loader and
 * routing. Depends on core (and nlu); receives ports, never imports stores, engines or the server.
 */
export { generateStore, DEFAULT_STORE_SIZE, type GenerateStoreOptions } from './generator/generate.js';
export { CATALOG, type ProductBlueprint } from './generator/catalog.js';
export { KNOWLEDGE_ARTICLES, KNOWLEDGE_COLLECTIONS, type KnowledgeCollection } from './knowledge/index.js';
export { STORE_POLICY } from './policy.js';
export {
  createReadTools,
  createWriteTools,
  createDemoTools,
  READ_SCOPES,
  READ_TOOL_NAMES,
  READ_TIMEOUT_MS,
  WRITE_SCOPES,
  WRITE_TOOL_NAMES,
  WRITE_TIMEOUT_MS,
  CANCEL_REASONS,
  DEFAULT_REFUND_LIMIT_CENTS,
  REFUND_ABOVE_LIMIT,
  TRANSFER_SUCCESSFUL,
  PasswordResetResultSchema,
  NewsletterResultSchema,
  SERVICE_COMPONENTS,
  ServiceStatusSchema,
  CheckoutDiagnosticSchema,
  buildServiceStatus,
  buildCheckoutDiagnostic,
  calculate,
  pythonRound2,
  type DemoToolsOptions,
  type ServiceComponent,
  type ServiceState,
  type ServiceStatus,
  type ServiceStatusConfig,
  type CheckoutDiagnostic,
  InvoiceSchema,
  InvoicesResultSchema,
  RefundStatusSchema,
  ProductMatchesSchema,
  UserIdResultSchema,
  type ReadToolsOptions,
  type Invoice,
  type RefundStatus,
  type ProductMatches,
  type UserIdResult,
} from './tools/index.js';
export { DEMO_AGENTS, DEMO_AGENT_IDS, type DemoDeskAgentId } from './agents.js';
export { createDemoDesk } from './desk.js';
export { createAccountDirectory, ACCOUNT_FLAG_RULES } from './accounts.js';
export { INTENT_PLAYBOOKS, KNOWLEDGE_QUERY_HINTS, DEMO_PLAYBOOKS, type DemoPlaybook } from './playbooks.js';
export { INTENTS, INTENT_CATEGORY, INTENT_AGENT, type DemoIntent, type DemoAgentId, type IntentDefinition } from './routing/intents.js';
export { ROUTING_EXAMPLES, type RoutingExample } from './routing/examples.js';
export { createMemoryCommerceStore, type MemoryCommerceStoreOptions } from './testing.js';
export {
  loadTauRetailStore,
  readJsonFile,
  TAU_RETAIL_FILES,
  readTauTasks,
  readTauExpected,
  tauFixtureSnapshot,
  TauActionSchema,
  TauTaskSchema,
  TauExpectedSchema,
  type TauAction,
  type TauTask,
  type TauExpected,
} from './tau/index.js';
