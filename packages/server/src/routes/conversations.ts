/**
 * Customer routes: create a conversation (→ its token), post a message (202 with a turn id, or
 * the replies with `?wait=true`), read a turn, the transcript, CSAT feedback; and the audit
 * events of a conversation for operators.
 */
import { NotFoundError, startConversation } from '@switchboard/core';
import type { CustomerIdentity } from '@switchboard/core';
import { acceptMessage, readTurn, TurnWaiter } from '../accept.js';
import { conversationView, requireConversationAccess, requireOperator, turnView } from '../access.js';
import type { App } from '../access.js';
import type { ServiceContext } from '../context.js';
import {
  ConversationEventsResponseSchema,
  ConversationParamsSchema,
  CreateConversationBodySchema,
  CreateConversationResponseSchema,
  ERROR_RESPONSES,
  FeedbackBodySchema,
  FeedbackResponseSchema,
  IdempotencyHeadersSchema,
  PostMessageBodySchema,
  PostMessageQuerySchema,
  PostMessageResponseSchema,
  TranscriptResponseSchema,
  TurnParamsSchema,
  TurnViewSchema,
} from '../protocol.js';

const conversationNotFound = (conversationId: string) => new NotFoundError('CONVERSATION_NOT_FOUND', 'No such conversation', { details: { conversationId } });

/** Registers the customer routes. */
export function registerConversationRoutes(app: App, context: ServiceContext): void {
  const { runtime } = context;

  app.post('/v1/conversations', {
    schema: { tags: ['customer'], summary: 'Start a conversation; returns its customer token', body: CreateConversationBodySchema, response: { 201: CreateConversationResponseSchema, ...ERROR_RESPONSES } },
  }, async (request, reply) => {
    const { channel, customer } = request.body;
    let identity: CustomerIdentity | undefined;
    if (customer && request.principal?.kind === 'operator') {
      const customerId = await runtime.database.commerce.findUserIdByEmail(customer.email);
      if (customerId === undefined) throw new NotFoundError('NOT_FOUND', 'No customer with that email in the store');
      identity = { customerId, verifiedBy: 'channel' };
    }
    const conversation = await startConversation({
      ports: runtime.ports,
      channel,
      ...(identity ? { identity } : customer ? { claimedEmail: customer.email } : {}),
    });
    return reply.code(201).send({ conversation: conversationView(conversation), token: context.auth.customerToken(conversation.id) });
  });

  app.get('/v1/conversations/:conversationId', {
    schema: { tags: ['customer'], summary: 'The conversation and its transcript, oldest message first', params: ConversationParamsSchema, response: { 200: TranscriptResponseSchema, ...ERROR_RESPONSES } },
  }, async (request) => {
    const { conversationId } = request.params;
    requireConversationAccess(request, conversationId);
    const conversation = await runtime.database.conversations.get(conversationId);
    if (!conversation) throw conversationNotFound(conversationId);
    return { conversation: conversationView(conversation), messages: await runtime.database.conversations.listMessages(conversationId) };
  });

  app.post('/v1/conversations/:conversationId/messages', {
    schema: {
      tags: ['customer'],
      summary: 'Send a customer message: 202 with the queued turn, or 200 with its replies when ?wait=true',
      params: ConversationParamsSchema,
      querystring: PostMessageQuerySchema,
      headers: IdempotencyHeadersSchema,
      body: PostMessageBodySchema,
      response: { 200: PostMessageResponseSchema, 202: PostMessageResponseSchema, ...ERROR_RESPONSES },
    },
  }, async (request, reply) => {
    const { conversationId } = request.params;
    requireConversationAccess(request, conversationId);
    const wait = request.query.wait === 'true' || request.query.wait === '1';
    const waiter = wait ? new TurnWaiter(context.bus, conversationId) : undefined;
    try {
      const idempotencyKey = request.headers['idempotency-key'];
      const accepted = await acceptMessage(context, { conversationId, text: request.body.text, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) });
      const result = waiter
        ? await waiter.wait(runtime, { accepted, timeoutMs: Math.min(request.query.timeoutMs ?? context.config.maxWaitMs, context.config.maxWaitMs) })
        : { turn: accepted.turn, replies: [] };
      const turn = turnView(result ?? { turn: accepted.turn, replies: [] });
      const finished = turn.status === 'done' || turn.status === 'failed';
      return reply.code(finished && wait ? 200 : 202).send({ turn, message: accepted.message });
    } finally {
      waiter?.close();
    }
  });

  app.get('/v1/turns/:turnId', {
    schema: { tags: ['customer'], summary: 'A turn: its status and, once done, its replies', params: TurnParamsSchema, response: { 200: TurnViewSchema, ...ERROR_RESPONSES } },
  }, async (request) => {
    const result = await readTurn(runtime, request.params.turnId);
    if (!result) throw new NotFoundError('NOT_FOUND', 'No such turn', { details: { turnId: request.params.turnId } });
    requireConversationAccess(request, result.turn.conversationId);
    return turnView(result);
  });

  app.post('/v1/conversations/:conversationId/feedback', {
    schema: { tags: ['customer'], summary: 'Rate the conversation (CSAT 1–5); a later rating replaces it', params: ConversationParamsSchema, body: FeedbackBodySchema, response: { 200: FeedbackResponseSchema, ...ERROR_RESPONSES } },
  }, async (request) => {
    const { conversationId } = request.params;
    requireConversationAccess(request, conversationId);
    if (!(await runtime.database.conversations.get(conversationId))) throw conversationNotFound(conversationId);
    const { rating, comment } = request.body;
    const stored = await runtime.database.feedback.upsert({ conversationId, rating, ...(comment ? { comment } : {}), at: runtime.ports.clock.now().toISOString() });
    context.metrics.observeFeedback(rating);
    return { conversationId, rating: stored.rating, ...(stored.comment === undefined ? {} : { comment: stored.comment }), updatedAt: stored.updatedAt };
  });

  app.get('/v1/conversations/:conversationId/events', {
    schema: { tags: ['operator'], summary: 'The audit events of a conversation (operators)', params: ConversationParamsSchema, response: { 200: ConversationEventsResponseSchema, ...ERROR_RESPONSES } },
  }, async (request) => {
    requireOperator(request);
    return { events: await runtime.database.events.list(request.params.conversationId) };
  });
}
