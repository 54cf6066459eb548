/**
 * Ports: the I/O the orchestrator needs, as interfaces. Adapters live in `@switchboard/stores`
 * (PGlite, PostgreSQL), engines in `@switchboard/engines`; in-memory doubles in `./testing`.
 */
import type { AgentConfig, AgentResult } from './domain/agent.js';
import type { Order, Product, StoreSnapshot, User } from './domain/commerce.js';
import type { Conversation, CustomerIdentity, DialogState } from './domain/conversation.js';
import type { AgentEvent } from './domain/events.js';
import type { HandoffPayloadV1 } from './domain/handoff.js';
import type { KnowledgeHit } from './domain/knowledge.js';
import type { Message } from './domain/message.js';
import type { Ticket, TicketStatus } from './domain/ticket.js';
import type { TriageDecision } from './domain/triage.js';
import type { ToolCallResult, ToolContext } from './tools/tool.js';

/** Wall-clock time. The only source of "now" in core. */
export interface Clock {
  now(): Date;
}

/** Unique ids. `next('conv')` → `conv_…`. Ids are opaque strings. */
export interface IdGenerator {
  next(prefix: string): string;
}

/** Conversations and their messages. */
export interface ConversationStore {
  /** Inserts a new conversation (version 0). @throws StoreError `CONFLICT` if the id exists. */
  create(conversation: Conversation): Promise<void>;
  get(id: string): Promise<Conversation | undefined>;
  /**
   * Saves `conversation` if the stored version equals `conversation.version`; returns it with
   * `version + 1`. @throws SwitchboardError `CONFLICT` when another writer saved first.
   */
  save(conversation: Conversation): Promise<Conversation>;
  appendMessage(message: Message): Promise<void>;
  /** Messages oldest first; `limit` keeps the most recent ones. */
  listMessages(conversationId: string, options?: { limit?: number }): Promise<Message[]>;
}

/** The append-only audit log. */
export interface EventLog {
  append(events: readonly AgentEvent[]): Promise<void>;
  /** Events of a conversation, oldest first. */
  list(conversationId: string): Promise<AgentEvent[]>;
}

/** Filter for {@link TicketQueue.list}. */
export interface TicketFilter {
  status?: TicketStatus;
  queue?: string;
  conversationId?: string;
}

/** The human queue. */
export interface TicketQueue {
  create(ticket: Ticket): Promise<void>;
  get(id: string): Promise<Ticket | undefined>;
  /** Tickets by priority (urgent first), then SLA due time. */
  list(filter?: TicketFilter): Promise<Ticket[]>;
  update(ticket: Ticket): Promise<void>;
}

/** Read access to the company's store records (τ-bench shapes). Writes arrive with issue 4. */
export interface CommerceStore {
  getUser(userId: string): Promise<User | undefined>;
  findUserIdByEmail(email: string): Promise<string | undefined>;
  findUserIdByNameZip(query: { firstName: string; lastName: string; zip: string }): Promise<string | undefined>;
  getOrder(orderId: string): Promise<Order | undefined>;
  getProduct(productId: string): Promise<Product | undefined>;
  listProducts(): Promise<Product[]>;
  /** User ids in ascending order, `limit` at most, skipping `offset` (default 0). */
  listUserIds(options: { limit: number; offset?: number }): Promise<string[]>;
  /** Replaces the whole store with `snapshot` (import, seed). */
  dangerouslyReplaceAll(snapshot: StoreSnapshot): Promise<void>;
  /** Counts of users, orders and products. */
  counts(): Promise<{ users: number; orders: number; products: number }>;
}

/** Retrieval over the desk's knowledge base. */
export interface KnowledgeBase {
  /** Best hits first. `collections` restricts to those collections; `limit` defaults to 3. */
  search(query: string, options?: { collections?: readonly string[]; limit?: number }): KnowledgeHit[];
}

/** A tool call as the gateway receives it. */
export interface ToolCallRequest {
  toolName: string;
  args: unknown;
  context: ToolContext;
}

/** Executes tools with scope, schema, timeout and error normalization enforced. */
export interface ToolGateway {
  call(request: ToolCallRequest): Promise<ToolCallResult>;
  /** Tool names the agent may call. */
  toolsFor(agentId: string): string[];
}

/** What an agent uses to call tools during one run: bound to the agent, the turn and the customer. */
export interface AgentToolbox {
  call<Output = unknown>(toolName: string, args: unknown): Promise<ToolCallResult<Output>>;
  /** Tool names available to this agent. */
  readonly available: readonly string[];
}

/** Input of one triage. */
export interface TriageInput {
  text: string;
  conversation: Conversation;
}

/** Classifies customer messages (local classifier, LLM, or a scripted double). */
export interface Triager {
  readonly id: string;
  triage(input: TriageInput): Promise<TriageDecision>;
}

/** Why an agent is being run this time. */
export type RunReason = 'route' | 'continue' | 'handoff';

/** Everything an engine gets to run one agent for one turn. */
export interface AgentRunInput {
  agent: AgentConfig;
  reason: RunReason;
  /** The intent to work on: the triaged one, or the active one when continuing. */
  intent: string;
  conversation: Conversation;
  message: Message;
  /** Recent messages, oldest first, including `message`. */
  history: readonly Message[];
  triage: TriageDecision;
  /** Present when `reason` is `handoff`. */
  handoff?: HandoffPayloadV1;
  tools: AgentToolbox;
}

/** What an engine returns: the agent's result and the updated dialogue state. */
export interface AgentRunOutput {
  result: AgentResult;
  dialog: DialogState;
  /** Set when the agent verified the customer's identity during this run. */
  identity?: CustomerIdentity;
  /** Built by the outgoing agent when `result.status` is `handoff`. */
  handoff?: HandoffPayloadV1;
}

/** Executes agents (local playbooks, LLM tool loop, or a scripted double). */
export interface Engine {
  readonly id: string;
  runAgent(input: AgentRunInput): Promise<AgentRunOutput>;
}
