/**
 * Operator routes (operator API key): the human queue — list with filters, claim, reply,
 * resolve, return to the bot — and approvals — list, decide. Messages they send reach the
 * customer's stream through the bus.
 */
import { claimTicket, decideApproval, NotFoundError, replyAsOperator, resolveTicket, returnToBot, SwitchboardError } from '@switchboard/core';
import type { Message, OperatorPorts } from '@switchboard/core';
import { requireOperator } from '../access.js';
import type { App } from '../access.js';
import type { ServiceContext } from '../context.js';
import {
  ApprovalListQuerySchema,
  ApprovalParamsSchema,
  ApprovalsResponseSchema,
  DecisionBodySchema,
  DecisionResponseSchema,
  ERROR_RESPONSES,
  OperatorReplyBodySchema,
  ResolveBodySchema,
  ReturnToBotBodySchema,
  TicketListQuerySchema,
  TicketParamsSchema,
  TicketResponseSchema,
  TicketsResponseSchema,
} from '../protocol.js';

/** Registers the operator routes. */
export function registerOperatorRoutes(app: App, context: ServiceContext): void {
  const { runtime, bus } = context;
  const ports: OperatorPorts = runtime.ports;
  const announce = (message: Message) => bus.publish({ type: 'message', conversationId: message.conversationId, message });

  app.get('/v1/tickets', {
    schema: { tags: ['operator'], summary: 'The human queue, urgent first then by SLA due time', querystring: TicketListQuerySchema, response: { 200: TicketsResponseSchema, ...ERROR_RESPONSES } },
  }, async (request) => {
    requireOperator(request);
    const { status, queue, priority, limit } = request.query;
    const tickets = await runtime.database.tickets.list({ ...(status ? { status } : {}), ...(queue ? { queue } : {}) });
    return { tickets: tickets.filter((ticket) => priority === undefined || ticket.priority === priority).slice(0, limit) };
  });

  app.post('/v1/tickets/:ticketId/claim', {
    schema: { tags: ['operator'], summary: 'Claim an open ticket; the bot goes silent in its conversation', params: TicketParamsSchema, response: { 200: TicketResponseSchema, ...ERROR_RESPONSES } },
  }, async (request) => {
    const { operatorId } = requireOperator(request);
    const ticket = await claimTicket({ ports, ticketId: request.params.ticketId, operatorId });
    if (!ticket) throw new SwitchboardError('CONFLICT', 'The ticket is not open any more (another operator claimed or resolved it)', { details: { ticketId: request.params.ticketId } });
    return { ticket };
  });

  app.post('/v1/tickets/:ticketId/reply', {
    schema: { tags: ['operator'], summary: 'Reply to the customer as the operator holding the ticket', params: TicketParamsSchema, body: OperatorReplyBodySchema, response: { 200: DecisionResponseSchema.pick({ message: true }).required(), ...ERROR_RESPONSES } },
  }, async (request) => {
    const { operatorId } = requireOperator(request);
    const message = await replyAsOperator({ ports, ticketId: request.params.ticketId, operatorId, text: request.body.text });
    await announce(message);
    return { message };
  });

  app.post('/v1/tickets/:ticketId/resolve', {
    schema: { tags: ['operator'], summary: 'Resolve the ticket and the conversation', params: TicketParamsSchema, body: ResolveBodySchema, response: { 200: TicketResponseSchema, ...ERROR_RESPONSES } },
  }, async (request) => {
    const { operatorId } = requireOperator(request);
    const { note } = request.body;
    return { ticket: await resolveTicket({ ports, ticketId: request.params.ticketId, operatorId, ...(note ? { note } : {}) }) };
  });

  app.post('/v1/tickets/:ticketId/return', {
    schema: { tags: ['operator'], summary: 'Hand the conversation back to the bot with a note', params: TicketParamsSchema, body: ReturnToBotBodySchema, response: { 200: TicketResponseSchema, ...ERROR_RESPONSES } },
  }, async (request) => {
    const { operatorId } = requireOperator(request);
    const { ticketId } = request.params;
    const { note, verifiedCustomerId, resumeIntent } = request.body;
    await returnToBot({ ports, ticketId, operatorId, note, ...(verifiedCustomerId ? { verifiedCustomerId } : {}), ...(resumeIntent ? { resumeIntent } : {}) });
    const ticket = await runtime.database.tickets.get(ticketId);
    if (!ticket) throw new NotFoundError('NOT_FOUND', 'No such ticket', { details: { ticketId } });
    return { ticket };
  });

  app.get('/v1/approvals', {
    schema: { tags: ['operator'], summary: 'Approvals (held write actions, shadow-mode replies), oldest first', querystring: ApprovalListQuerySchema, response: { 200: ApprovalsResponseSchema, ...ERROR_RESPONSES } },
  }, async (request) => {
    requireOperator(request);
    const { status, conversationId } = request.query;
    return { approvals: await runtime.database.approvals.list({ ...(status ? { status } : {}), ...(conversationId ? { conversationId } : {}) }) };
  });

  app.post('/v1/approvals/:approvalId/decision', {
    schema: { tags: ['operator'], summary: 'Approve or deny; an approved action runs once and the customer is told', params: ApprovalParamsSchema, body: DecisionBodySchema, response: { 200: DecisionResponseSchema, ...ERROR_RESPONSES } },
  }, async (request) => {
    const { operatorId } = requireOperator(request);
    const { status, note, editedReply } = request.body;
    const outcome = await decideApproval({
      ports: { approvals: runtime.database.approvals, conversations: runtime.ports.conversations, events: runtime.ports.events, tools: runtime.ports.tools, clock: runtime.ports.clock, ids: runtime.ports.ids },
      approvalId: request.params.approvalId,
      decision: { status, operatorId, ...(note ? { note } : {}), ...(editedReply ? { editedReply } : {}) },
    });
    if (outcome.message) await announce(outcome.message);
    return { approval: outcome.approval, ...(outcome.message ? { message: outcome.message } : {}) };
  });
}
