/**
 * An OpenAI-compatible Chat Completions endpoint exposing the whole desk as one "model", so
 * existing chat front ends and the official `openai` clients can talk to it.
 *
 * - The desk keeps the history: only the last `user` message of `messages` is sent as the turn.
 * - The conversation rides in the `X-Switchboard-Conversation` header or the `user` field: an
 *   existing conversation id is used as is; any other value names a conversation of its own
 *   (created on first use). Without either, each request starts a new conversation. The response
 *   header `X-Switchboard-Conversation` says which one was used. A customer token always uses its
 *   own conversation.
 * - `stream: true` answers with `chat.completion.chunk` events and `data: [DONE]`.
 */
import { createHash } from 'node:crypto';
import { InvalidInputError, startConversation, SwitchboardError } from '@switchboard/core';
import type { Message } from '@switchboard/core';
import { z } from 'zod';
import { acceptMessage, TurnWaiter } from '../accept.js';
import type { Principal } from '../auth.js';
import type { App } from '../access.js';
import type { ServiceContext } from '../context.js';
import { ERROR_RESPONSES } from '../protocol.js';

/** The model name the desk answers to (any name is accepted and echoed). */
export const DESK_MODEL_ID = 'switchboard-desk';

const ContentPartSchema = z.object({ type: z.string(), text: z.string().optional() }).loose();
const ChatCompletionBodySchema = z
  .object({
    model: z.string().max(256),
    messages: z.array(z.object({ role: z.string(), content: z.union([z.string(), z.array(ContentPartSchema), z.null()]).optional() }).loose()).min(1).max(500),
    user: z.string().max(256).optional(),
    stream: z.boolean().optional(),
  })
  .loose();
const ChatCompletionResponseSchema = z.object({ id: z.string(), object: z.literal('chat.completion'), created: z.number().int(), model: z.string(), choices: z.array(z.object({}).loose()) }).loose().describe('An OpenAI chat.completion (or, with stream: true, text/event-stream of chat.completion.chunk)');
const ConversationHeaderSchema = z.object({ 'x-switchboard-conversation': z.string().max(256).optional() }).loose();

function lastUserText(messages: z.infer<typeof ChatCompletionBodySchema>['messages']): string {
  const last = [...messages].reverse().find((message) => message.role === 'user');
  const content = last?.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('\n');
  throw new InvalidInputError('INVALID_INPUT', 'messages must contain a user message with text content', { details: { field: 'messages' } });
}

/** The conversation a request talks to (see the module comment). */
async function conversationFor(context: ServiceContext, input: { principal: Principal; key: string | undefined }): Promise<string> {
  const { runtime } = context;
  if (input.principal.kind === 'customer') return input.principal.conversationId;
  if (input.key !== undefined && input.key.startsWith('conv_') && (await runtime.database.conversations.get(input.key))) return input.key;
  if (input.key === undefined) return (await startConversation({ ports: runtime.ports, channel: 'openai' })).id;
  const id = `conv_oai_${createHash('sha256').update(`${input.principal.keyId}:${input.key}`).digest('hex').slice(0, 24)}`;
  if (await runtime.database.conversations.get(id)) return id;
  try {
    await startConversation({ ports: { ...runtime.ports, ids: { next: () => id } }, channel: 'openai' });
  } catch (error) {
    if (!(error instanceof SwitchboardError && error.code === 'CONFLICT')) throw error; // created concurrently
  }
  return id;
}

const replyText = (replies: readonly Message[]): string => replies.map((reply) => reply.text).join('\n\n');

/** Registers `POST /v1/chat/completions` and `GET /v1/models`. */
export function registerOpenAiRoutes(app: App, context: ServiceContext): void {
  app.get('/v1/models', { schema: { tags: ['openai'], summary: 'The desk, as the one model of this API' } }, () => ({
    object: 'list',
    data: [{ id: DESK_MODEL_ID, object: 'model', created: 0, owned_by: 'switchboard' }],
  }));

  app.post('/v1/chat/completions', {
    schema: { tags: ['openai'], summary: 'OpenAI-compatible chat completion answered by the desk', headers: ConversationHeaderSchema, body: ChatCompletionBodySchema, response: { 200: ChatCompletionResponseSchema, ...ERROR_RESPONSES } },
  }, async (request, reply) => {
    const principal = request.principal;
    if (!principal) throw new SwitchboardError('UNAUTHENTICATED', 'Send an operator API key or a customer token as the API key');
    const body = request.body;
    const text = lastUserText(body.messages);
    const conversationId = await conversationFor(context, { principal, key: request.headers['x-switchboard-conversation'] ?? body.user });
    const waiter = new TurnWaiter(context.bus, conversationId);
    let replies: Message[];
    let turnId: string;
    try {
      const accepted = await acceptMessage(context, { conversationId, text });
      turnId = accepted.turn.id;
      const result = await waiter.wait(context.runtime, { accepted, timeoutMs: context.config.maxWaitMs });
      if (!result || (result.turn.status !== 'done' && result.turn.status !== 'failed')) {
        throw new SwitchboardError('UNAVAILABLE', 'The desk did not answer in time; the reply will appear in the conversation', { details: { turnId, conversationId }, isRetryable: true });
      }
      if (result.turn.status === 'failed') throw new SwitchboardError('ENGINE_FAILED', 'The desk could not answer', { details: { turnId } });
      replies = result.replies;
    } finally {
      waiter.close();
    }
    const id = `chatcmpl-${turnId}`;
    const created = Math.floor(context.runtime.ports.clock.now().getTime() / 1000);
    const content = replyText(replies);
    reply.header('x-switchboard-conversation', conversationId);
    if (body.stream !== true) {
      return reply.send({
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        system_fingerprint: null,
      });
    }
    const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] })}\n\n`;
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-switchboard-conversation': conversationId });
    reply.raw.write(chunk({ role: 'assistant', content: '' }, null));
    replies.forEach((message, index) => reply.raw.write(chunk({ content: index === 0 ? message.text : `\n\n${message.text}` }, null)));
    reply.raw.write(chunk({}, 'stop'));
    reply.raw.end('data: [DONE]\n\n');
    return reply;
  });
}
