/**
 * Who may do what, checked in route handlers: a customer token opens its own conversation only;
 * an operator key opens every conversation and the operator endpoints. Also the views routes
 * return (what of a record a client may see).
 */
import { SwitchboardError } from '@switchboard/core';
import type { Conversation, Message } from '@switchboard/core';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TurnResult } from './accept.js';
import type { Principal } from './auth.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller, if any (set by the auth hook). */
    principal: Principal | undefined;
  }
}

/** The fastify instance routes are registered on: zod schemas for validation and OpenAPI. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

const unauthenticated = (): SwitchboardError =>
  new SwitchboardError('UNAUTHENTICATED', 'Send a customer token or an operator API key as "Authorization: Bearer <token>"');

/**
 * The caller, who must be the conversation's customer or an operator.
 * @throws SwitchboardError `UNAUTHENTICATED` without credentials; `FORBIDDEN` for another conversation's token.
 */
export function requireConversationAccess(request: FastifyRequest, conversationId: string): Principal {
  const principal = request.principal;
  if (!principal) throw unauthenticated();
  if (principal.kind === 'customer' && principal.conversationId !== conversationId) {
    throw new SwitchboardError('FORBIDDEN', 'This token opens another conversation', { details: { conversationId } });
  }
  return principal;
}

/**
 * The calling operator.
 * @throws SwitchboardError `UNAUTHENTICATED` without credentials; `FORBIDDEN` for a customer token.
 */
export function requireOperator(request: FastifyRequest): Extract<Principal, { kind: 'operator' }> {
  const principal = request.principal;
  if (!principal) throw unauthenticated();
  if (principal.kind !== 'operator') throw new SwitchboardError('FORBIDDEN', 'This endpoint needs an operator API key');
  return principal;
}

/** A conversation as clients see it. */
export function conversationView(conversation: Conversation) {
  return {
    id: conversation.id,
    status: conversation.status,
    channel: conversation.channel,
    priority: conversation.priority,
    ...(conversation.currentAgentId === undefined ? {} : { currentAgentId: conversation.currentAgentId }),
    ...(conversation.ticketId === undefined ? {} : { ticketId: conversation.ticketId }),
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
  };
}

/** A turn as clients see it. */
export function turnView(result: TurnResult): { id: string; conversationId: string; messageId: string; status: 'queued' | 'running' | 'done' | 'failed'; priority: Conversation['priority']; outcome?: string; errorCode?: string; replies: Message[]; createdAt: string; finishedAt?: string } {
  const { turn, replies } = result;
  return {
    id: turn.id,
    conversationId: turn.conversationId,
    messageId: turn.messageId,
    status: turn.status,
    priority: turn.priority,
    ...(turn.outcome === undefined ? {} : { outcome: turn.outcome }),
    ...(turn.errorCode === undefined ? {} : { errorCode: turn.errorCode }),
    replies,
    createdAt: turn.createdAt,
    ...(turn.finishedAt === undefined ? {} : { finishedAt: turn.finishedAt }),
  };
}
