/**
 * Ports: the I/O the orchestrator needs, as interfaces. Adapters live in `@switchboard/stores`
 * (PGlite, PostgreSQL), engines in `@switchboard/engines`; in-memory doubles in `./testing`.
 */
import type { AgentConfig, AgentResult } from './domain/agent.js';
import type { Approval } from './domain/approval.js';
import type { Order, Product, StoreSnapshot, User } from './domain/commerce.js';
import type { Conversation, ConversationStatus, DialogState } from './domain/conversation.js';
import type { AgentEvent } from './domain/events.js';
import type { HandoffPayloadV1 } from './domain/handoff.js';
import type { KnowledgeArticle, KnowledgeHit } from './domain/knowledge.js';
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
  /**
   * The stored conversation, or `undefined`. The result is the caller's own copy: no later `get`,
   * `save` or other caller shares its objects, so the turn driver mutates it as its working copy.
   */
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

/**
 * The audit log read across conversations by time, for dashboards and alerts (the console's
 * metrics summary, alert rules, agent heartbeats). Not for a conversation's own timeline: use
 * {@link EventLog.list}. SQL adapter in `@switchboard/stores`, memory double in `./testing`.
 */
export interface EventLogWindow {
  /**
   * Events with `since <= time < until`, oldest first (by time, then append order). When more
   * than `limit` match, the newest `limit` are returned (the window's start is cut).
   * @param query.since - ISO 8601 time, inclusive.
   * @param query.until - ISO 8601 time, exclusive. @defaultValue no upper bound
   * @param query.limit - Most events returned, ≥ 1.
   * @throws InvalidInputError `INVALID_INPUT` for an unreadable time or a limit below 1.
   */
  listSince(query: { since: string; until?: string; limit: number }): Promise<AgentEvent[]>;
}

/** A conversation as operator lists show it: the record, its message count and its last message. */
export interface ConversationListing {
  conversation: Conversation;
  messageCount: number;
  lastMessage?: Message;
}

/** Conversations listed for operators (the console's live list, the agent graph's load). */
export interface ConversationDirectory {
  /**
   * Conversations, most recently updated first.
   * @param query.status - Only this status. @defaultValue every status
   * @param query.limit - Most conversations returned, ≥ 1.
   * @throws InvalidInputError `INVALID_INPUT` for a limit below 1.
   */
  listRecent(query: { status?: ConversationStatus; limit: number }): Promise<ConversationListing[]>;
  /** Conversations not `resolved` or `abandoned`, counted by `currentAgentId` (conversations without one are left out). */
  countActiveByAgent(): Promise<Record<string, number>>;
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
  /**
   * Assigns an `open` ticket to `assignee` (status `assigned`) in one conditional update.
   * @returns the claimed ticket, or `undefined` when it was not open any more (someone else won the race).
   */
  claim(input: { ticketId: string; assignee: string; at: string }): Promise<Ticket | undefined>;
}

/** One record a write changes: `before` exactly as it was read, `after` as it must be stored (same id). */
export interface RecordChange<T> {
  before: T;
  after: T;
}

/** Records {@link CommerceStore.applyChanges} writes together; absent or empty lists change nothing. */
export interface CommerceChanges {
  users?: readonly RecordChange<User>[];
  orders?: readonly RecordChange<Order>[];
  products?: readonly RecordChange<Product>[];
}

/** The company's store records (τ-bench shapes): reads, lookups, compare-and-set writes, bulk replace. */
export interface CommerceStore {
  getUser(userId: string): Promise<User | undefined>;
  findUserIdByEmail(email: string): Promise<string | undefined>;
  findUserIdByNameZip(query: { firstName: string; lastName: string; zip: string }): Promise<string | undefined>;
  getOrder(orderId: string): Promise<Order | undefined>;
  getProduct(productId: string): Promise<Product | undefined>;
  listProducts(): Promise<Product[]>;
  /** User ids in ascending order, `limit` at most, skipping `offset` (default 0). */
  listUserIds(options: { limit: number; offset?: number }): Promise<string[]>;
  /**
   * Writes `changes` atomically, as a compare-and-set: every `after` is stored only if every
   * `before` still equals the stored record (deep equality; key order ignored). Either all
   * records change or none does. Write tools read, decide, then call this once.
   * @throws SwitchboardError `CONFLICT` (retryable: read again and redo) when a record is missing or
   *   changed since it was read.
   * @throws InvalidInputError `INVALID_INPUT` when an `after` fails its schema or changes the id.
   */
  applyChanges(changes: CommerceChanges): Promise<void>;
  /** Replaces the whole store with `snapshot` (import, seed). */
  dangerouslyReplaceAll(snapshot: StoreSnapshot): Promise<void>;
  /** Counts of users, orders and products. */
  counts(): Promise<{ users: number; orders: number; products: number }>;
}

/** Retrieval over the desk's knowledge base. */
export interface KnowledgeBase {
  /** Best hits first. `collections` restricts to those collections; `limit` defaults to 3. */
  search(query: string, options?: { collections?: readonly string[]; limit?: number }): KnowledgeHit[];
  /** The article with this id (for the quality check's evidence), if any. */
  get(id: string): KnowledgeArticle | undefined;
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

/** Why an agent is being run this time: routed by triage, continuing its slot filling, receiving a handoff, or retried after another specialist failed. */
export type RunReason = 'route' | 'continue' | 'handoff' | 'retry' | 'delegate';

/** Filter for {@link ApprovalQueue.list}. */
export interface ApprovalFilter {
  status?: Approval['status'];
  conversationId?: string;
}

/** Operator approvals of write actions and (shadow mode) replies. */
export interface ApprovalQueue {
  create(approval: Approval): Promise<void>;
  get(id: string): Promise<Approval | undefined>;
  /** Oldest first. */
  list(filter?: ApprovalFilter): Promise<Approval[]>;
  /**
   * Records a decision on a `pending` approval in one conditional update.
   * @returns the decided approval, or `undefined` when it was not pending any more.
   */
  decide(input: { id: string; status: 'approved' | 'denied'; decidedBy: string; at: string; note?: string }): Promise<Approval | undefined>;
}

/** Account flags of customers (`vip`, `at_risk`…), for escalation and queue selection. */
export interface AccountDirectory {
  flagsFor(customerId: string): Promise<string[]>;
}

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
  /** The sub-request's own words when the customer's message carried several; engines focus on it. */
  focusText?: string;
  /** Present when `reason` is `handoff`. */
  handoff?: HandoffPayloadV1;
  tools: AgentToolbox;
}

/** What an engine returns: the agent's result and the updated dialogue state. */
export interface AgentRunOutput {
  result: AgentResult;
  dialog: DialogState;
  /** Built by the outgoing agent when `result.status` is `handoff`. */
  handoff?: HandoffPayloadV1;
}

/** Executes agents (local playbooks, LLM tool loop, or a scripted double). */
export interface Engine {
  readonly id: string;
  runAgent(input: AgentRunInput): Promise<AgentRunOutput>;
}

/** A call to claim an idempotency key before a write tool runs ({@link ToolCallLog.claim}). */
export interface ToolCallClaimRequest {
  /** `ToolContext.idempotencyKey`: unique per logical write, reused by retries. */
  idempotencyKey: string;
  toolName: string;
  /** The validated arguments as canonical JSON (`canonicalJson`), to detect a key reused for another call. */
  argsJson: string;
  conversationId: string;
  agentId: string;
  /** How long the claim holds, in milliseconds, before another caller may take the key over (a crashed run). */
  leaseMs: number;
}

/**
 * Outcome of {@link ToolCallLog.claim}: `claimed` — this caller runs the tool and then calls
 * `complete` or `release`; `completed` — a result is recorded, return it without running;
 * `pending` — another caller holds an unexpired claim. The last two carry the recorded call, so
 * the gateway can refuse a key reused with another tool or other arguments.
 */
export type ToolCallClaim =
  | { status: 'claimed' }
  | { status: 'completed'; toolName: string; argsJson: string; result: ToolCallResult }
  | { status: 'pending'; toolName: string; argsJson: string };

/**
 * Idempotency for write tools: one recorded result per idempotency key. The gateway claims the
 * key before running a write and records its result, so an at-least-once retry (same key) returns
 * the recorded result with no second effect. SQL adapter in `@switchboard/stores` (table
 * `tool_calls`); in-memory double `createMemoryToolCallLog` in `@switchboard/core`.
 */
export interface ToolCallLog {
  /**
   * Claims `idempotencyKey` with a conditional insert: the first caller gets `claimed`; later
   * callers get the recorded result, or `pending` while the claim's lease runs. An expired claim
   * of the same tool and arguments is taken over (`claimed`).
   * @throws StoreError `STORE_FAILED` when the log cannot be reached.
   */
  claim(request: ToolCallClaimRequest): Promise<ToolCallClaim>;
  /** Records the result of a claimed call; later claims of the key return it. */
  complete(entry: { idempotencyKey: string; result: ToolCallResult }): Promise<void>;
  /** Drops an unfinished claim (the call failed without effect), so a retry runs again. Completed keys stay. */
  release(idempotencyKey: string): Promise<void>;
}

/** One email waiting in the outbox for the mail sender. */
export interface OutboxEmail {
  /** Unique; a second `enqueue` with the same id is ignored. */
  id: string;
  /** What to send: `password_reset` (the sender creates the reset link and its one-time token). */
  template: 'password_reset';
  /** The store customer it is for. */
  userId: string;
  /** Recipient address, as on the customer's profile. */
  to: string;
  /** ISO 8601 time it was queued. */
  createdAt: string;
}

/** Emails the desk asked to send (the transactional outbox pattern); a separate sender delivers them. */
export interface EmailOutbox {
  /** Queues `email` unless its id is already queued. @returns true when queued now, false when the id existed. */
  enqueue(email: OutboxEmail): Promise<boolean>;
  /** Queued emails of a customer, oldest first. */
  listForUser(userId: string): Promise<OutboxEmail[]>;
}

/** A customer's newsletter choice. */
export interface NewsletterSubscription {
  userId: string;
  subscribed: boolean;
  /** ISO 8601 time of the last change. */
  updatedAt: string;
}

/** Newsletter subscriptions of store customers, kept apart from the τ-shaped user records. */
export interface NewsletterSubscriptions {
  /** The customer's choice, or `undefined` when never set (treat as not subscribed). */
  get(userId: string): Promise<NewsletterSubscription | undefined>;
  /** Stores the choice, replacing any earlier one. */
  set(subscription: NewsletterSubscription): Promise<void>;
}
