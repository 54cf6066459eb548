/**
 * Operator actions on the human queue, as library functions over ports: claim a ticket, reply
 * as an operator, resolve, and return the conversation to the bot with a note. Each writes an
 * `operator` audit event. While a conversation is `human`, the bot stays silent.
 */
import type { Conversation, CustomerIdentity } from '../domain/conversation.js';
import type { AgentEvent } from '../domain/events.js';
import type { Message } from '../domain/message.js';
import type { Ticket } from '../domain/ticket.js';
import { InvalidInputError, NotFoundError, SwitchboardError } from '../errors.js';
import type { Clock, ConversationStore, EventLog, IdGenerator, TicketQueue } from '../ports.js';

/** Ports the operator actions need. */
export interface OperatorPorts {
  conversations: ConversationStore;
  tickets: TicketQueue;
  events: EventLog;
  clock: Clock;
  ids: IdGenerator;
}

async function load(ports: OperatorPorts, ticketId: string): Promise<{ ticket: Ticket; conversation: Conversation }> {
  const ticket = await ports.tickets.get(ticketId);
  if (!ticket) throw new NotFoundError('NOT_FOUND', 'No such ticket', { details: { ticketId } });
  const conversation = await ports.conversations.get(ticket.conversationId);
  if (!conversation) throw new NotFoundError('CONVERSATION_NOT_FOUND', 'The ticket\'s conversation does not exist', { details: { ticketId } });
  return { ticket, conversation };
}

async function audit(ports: OperatorPorts, input: { conversationId: string; operatorId: string; data: Record<string, unknown> }): Promise<void> {
  const event: AgentEvent = {
    id: ports.ids.next('evt'),
    conversationId: input.conversationId,
    traceId: ports.ids.next('trace'),
    turnId: ports.ids.next('op'),
    time: ports.clock.now().toISOString(),
    type: 'operator',
    agentId: input.operatorId,
    data: input.data,
  };
  await ports.events.append([event]);
}

function requireOwner(ticket: Ticket, operatorId: string): void {
  if (ticket.status !== 'assigned' || ticket.assignee !== operatorId) {
    throw new SwitchboardError('CONFLICT', 'Claim the ticket before acting on it', { details: { ticketId: ticket.id, status: ticket.status } });
  }
}

/**
 * Claims an open ticket for `operatorId`; the conversation becomes `human` (the bot goes silent).
 * @returns the claimed ticket, or `undefined` when another operator claimed it first.
 * @throws NotFoundError `NOT_FOUND` for an unknown ticket.
 */
export async function claimTicket(options: { ports: OperatorPorts; ticketId: string; operatorId: string }): Promise<Ticket | undefined> {
  const { ports, operatorId } = options;
  const { conversation } = await load(ports, options.ticketId);
  const claimed = await ports.tickets.claim({ ticketId: options.ticketId, assignee: operatorId, at: ports.clock.now().toISOString() });
  if (!claimed) return undefined;
  await ports.conversations.save({ ...conversation, status: 'human', ticketId: claimed.id, updatedAt: claimed.updatedAt });
  await audit(ports, { conversationId: conversation.id, operatorId, data: { action: 'claim', ticketId: claimed.id } });
  return claimed;
}

/**
 * Sends `text` to the customer as the operator who holds the ticket.
 * @throws SwitchboardError `CONFLICT` when the operator does not hold the ticket.
 * @throws InvalidInputError `MESSAGE_EMPTY` for an empty reply.
 */
export async function replyAsOperator(options: { ports: OperatorPorts; ticketId: string; operatorId: string; text: string }): Promise<Message> {
  const { ports, operatorId } = options;
  const text = options.text.trim();
  if (text === '') throw new InvalidInputError('MESSAGE_EMPTY', 'The reply is empty');
  const { ticket, conversation } = await load(ports, options.ticketId);
  requireOwner(ticket, operatorId);
  const message: Message = { id: ports.ids.next('msg'), conversationId: conversation.id, role: 'operator', author: operatorId, text, createdAt: ports.clock.now().toISOString() };
  await ports.conversations.appendMessage(message);
  await audit(ports, { conversationId: conversation.id, operatorId, data: { action: 'reply', ticketId: ticket.id, messageId: message.id } });
  return message;
}

/**
 * Resolves the ticket and the conversation (status `resolved`). A later customer message reopens
 * the conversation with the bot.
 * @throws SwitchboardError `CONFLICT` when the operator does not hold the ticket.
 */
export async function resolveTicket(options: { ports: OperatorPorts; ticketId: string; operatorId: string; note?: string }): Promise<Ticket> {
  const { ports, operatorId } = options;
  const { ticket, conversation } = await load(ports, options.ticketId);
  requireOwner(ticket, operatorId);
  const at = ports.clock.now().toISOString();
  const resolved: Ticket = { ...ticket, status: 'resolved', updatedAt: at, notes: options.note ? [...ticket.notes, { author: operatorId, text: options.note, at }] : ticket.notes };
  await ports.tickets.update(resolved);
  const { ticketId: _ticketId, ...rest } = conversation;
  await ports.conversations.save({ ...rest, status: 'resolved', handoffChain: [], dialog: { slots: conversation.dialog.slots, failedAttempts: 0 }, updatedAt: at });
  await audit(ports, { conversationId: conversation.id, operatorId, data: { action: 'resolve', ticketId: ticket.id } });
  return resolved;
}

/**
 * Hands the conversation back to the bot with a note. The note is kept on the conversation
 * (`operatorNote`) and given to every engine; what the operator established is respected:
 * `verifiedCustomerId` marks the customer as verified (the bot will not ask again), and
 * `resumeIntent` makes the bot pick up that request on the customer's next message.
 * @throws SwitchboardError `CONFLICT` when the operator does not hold the ticket.
 */
export async function returnToBot(options: {
  ports: OperatorPorts;
  ticketId: string;
  operatorId: string;
  note: string;
  verifiedCustomerId?: string;
  resumeIntent?: { intent: string; agentId: string };
}): Promise<Conversation> {
  const { ports, operatorId } = options;
  const { ticket, conversation } = await load(ports, options.ticketId);
  requireOwner(ticket, operatorId);
  const at = ports.clock.now().toISOString();
  await ports.tickets.update({ ...ticket, status: 'resolved', updatedAt: at, notes: [...ticket.notes, { author: operatorId, text: options.note, at }] });
  const identity: CustomerIdentity | undefined = options.verifiedCustomerId ? { customerId: options.verifiedCustomerId, verifiedBy: 'operator' } : conversation.identity;
  const { ticketId: _ticketId, ...rest } = conversation;
  const saved = await ports.conversations.save({
    ...rest,
    status: 'open',
    operatorNote: options.note,
    handoffChain: [],
    ...(identity ? { identity } : {}),
    dialog: {
      slots: conversation.dialog.slots,
      failedAttempts: 0,
      ...(options.resumeIntent ? { activeIntent: options.resumeIntent.intent, activeAgentId: options.resumeIntent.agentId, awaiting: 'resume' } : {}),
    },
    updatedAt: at,
  });
  await audit(ports, { conversationId: conversation.id, operatorId, data: { action: 'return_to_bot', ticketId: ticket.id, note: options.note, verifiedCustomer: options.verifiedCustomerId !== undefined } });
  return saved;
}
