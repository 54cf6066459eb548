import type { Approval } from '../domain/approval.js';
import type { Conversation } from '../domain/conversation.js';
import type { Message } from '../domain/message.js';
import type { Ticket } from '../domain/ticket.js';
import type { TriageDecision } from '../domain/triage.js';
import type { AccountDirectory, ApprovalQueue, Clock, ConversationStore, Engine, EventLog, IdGenerator, KnowledgeBase, TicketQueue, ToolGateway, Triager } from '../ports.js';
import type { CircuitBreakers } from './breakers.js';

/** The ports a turn needs. */
export interface TurnPorts {
  conversations: ConversationStore;
  events: EventLog;
  tickets: TicketQueue;
  clock: Clock;
  ids: IdGenerator;
  triager: Triager;
  engine: Engine;
  tools: ToolGateway;
  /** Circuit breakers on agents and tools; omitted → none. */
  breakers?: CircuitBreakers;
  /** Account flags (VIP, at-risk) of verified customers; omitted → no flags. */
  accounts?: AccountDirectory;
  /** Where shadow-mode replies wait for an operator; omitted → replies are sent even in shadow mode. */
  approvals?: ApprovalQueue;
  /** The knowledge base, so the QA gate can read the articles a reply cites; omitted → citations are not evidence. */
  knowledge?: KnowledgeBase;
}

/** What a turn produced. `replies` are the messages sent to the customer (empty when silent). */
export interface TurnOutcome {
  turnId: string;
  traceId: string;
  conversation: Conversation;
  message: Message;
  replies: Message[];
  /** `held`: shadow mode — the drafted reply waits for an operator (`approval`). */
  outcome: 'resolved' | 'needs_info' | 'clarify' | 'escalated' | 'refused' | 'silent' | 'held';
  /** The pending approval of a held reply. */
  approval?: Approval;
  triage?: TriageDecision;
  ticket?: Ticket;
}
