import type { Ticket } from '../domain/ticket.js';
import { buildEscalationPacket, buildTicket } from './escalation.js';
import { maxUrgency } from './policy.js';
import type { NextStep, TurnEvent } from './steps.js';
import type { TurnScope } from './turn-scope.js';

type EscalateStep = Extract<NextStep, { type: 'escalate' }>;

/**
 * Reuses the conversation's open ticket (raising its priority) or creates one with a validated
 * escalation packet; the conversation's priority follows the ticket's.
 */
export async function openTicket(scope: TurnScope, step: EscalateStep): Promise<Ticket> {
  const { ports, conversation } = scope;
  const existing = conversation.ticketId ? await ports.tickets.get(conversation.ticketId) : undefined;
  let ticket: Ticket;
  if (existing && existing.status !== 'resolved') {
    ticket = { ...existing, priority: maxUrgency(existing.priority, step.priority), updatedAt: ports.clock.now().toISOString() };
    await ports.tickets.update(ticket);
  } else {
    const packet = buildEscalationPacket({ conversation, triage: scope.state.triage, step, actions: scope.actions, lastMessage: scope.state.message.text });
    ticket = buildTicket({ id: ports.ids.next('T'), now: ports.clock.now(), desk: scope.desk, conversation, triage: scope.state.triage, step, packet });
    await ports.tickets.create(ticket);
  }
  conversation.priority = maxUrgency(conversation.priority, ticket.priority);
  conversation.ticketId = ticket.id;
  return ticket;
}

/** Escalation: a ticket for the human queue; the dialogue's open question is dropped. Audited. */
export async function escalate(scope: TurnScope, step: EscalateStep): Promise<{ event: TurnEvent; ticket: Ticket }> {
  const ticket = await openTicket(scope, step);
  scope.conversation.dialog = { slots: scope.conversation.dialog.slots, failedAttempts: 0 };
  await scope.record('escalation', { trigger: step.trigger, reason: step.reason, queue: ticket.queue, priority: ticket.priority, ticketId: ticket.id, slaDueAt: ticket.slaDueAt }, { agentId: scope.desk.routing.escalationAgentId });
  return { event: { type: 'escalated', ticket, ...(step.agentReply === undefined ? {} : { agentReply: step.agentReply }) }, ticket };
}

/** Urgent: a ticket for a human in parallel; the conversation stays with the desk. Audited with `parallel: true`. */
export async function notifyHuman(scope: TurnScope, step: Extract<NextStep, { type: 'notify_human' }>): Promise<{ event: TurnEvent; ticket: Ticket }> {
  const ticket = await openTicket(scope, { ...step, type: 'escalate' });
  scope.state.notified = true;
  await scope.record('escalation', { trigger: step.trigger, reason: step.reason, queue: ticket.queue, priority: ticket.priority, ticketId: ticket.id, slaDueAt: ticket.slaDueAt, parallel: true }, { agentId: scope.desk.routing.escalationAgentId });
  return { event: { type: 'human_notified', ticket }, ticket };
}
