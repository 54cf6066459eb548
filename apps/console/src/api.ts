/**
 * The console app's only door to the desk: typed calls to the `/v1` HTTP API and its
 * Server-Sent Event streams. Every response body and every stream frame is parsed with the
 * protocol schemas of `@switchboard/core/protocol`; anything else becomes an {@link ApiError}
 * with a stable code, never a crash. Not for server-side code: it uses `fetch` and `EventSource`.
 */
import { z } from 'zod';
import {
  AlertsResponseSchema,
  ApprovalsResponseSchema,
  ConversationEventsResponseSchema,
  ConversationListResponseSchema,
  CreateConversationResponseSchema,
  DecisionResponseSchema,
  DeskGraphResponseSchema,
  ErrorResponseSchema,
  FeedbackResponseSchema,
  MessageViewSchema,
  MetricsSummaryResponseSchema,
  PostMessageResponseSchema,
  TicketResponseSchema,
  TicketsResponseSchema,
  TranscriptResponseSchema,
  TurnFrameSchema,
} from '@switchboard/core/protocol';

export type Message = z.infer<typeof MessageViewSchema>;
export type Ticket = z.infer<typeof TicketResponseSchema>['ticket'];
export type Approval = z.infer<typeof ApprovalsResponseSchema>['approvals'][number];
export type AgentEvent = z.infer<typeof ConversationEventsResponseSchema>['events'][number];
export type TurnFrame = z.infer<typeof TurnFrameSchema>;
export type Transcript = z.infer<typeof TranscriptResponseSchema>;
export type ConversationView = Transcript['conversation'];
export type ConversationSummary = z.infer<typeof ConversationListResponseSchema>['conversations'][number];
export type DeskGraph = z.infer<typeof DeskGraphResponseSchema>;
export type MetricsSummary = z.infer<typeof MetricsSummaryResponseSchema>;
export type Alert = z.infer<typeof AlertsResponseSchema>['alerts'][number];

/** A code from the server's closed list (docs/errors.md). */
export type ServerErrorCode = z.infer<typeof ErrorResponseSchema>['error']['code'];
/**
 * {@link ServerErrorCode}s, plus two the client raises itself: `NETWORK_FAILED` (no answer:
 * offline, server down) and `RESPONSE_INVALID` (an answer that does not match the protocol).
 */
export type ApiErrorCode = ServerErrorCode | 'NETWORK_FAILED' | 'RESPONSE_INVALID';

/** A failed call: `status` is the HTTP status (0 when no answer came); switch on `code`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly isRetryable: boolean;
  readonly requestId: string | undefined;

  constructor(init: { code: ApiErrorCode; status: number; message: string; isRetryable?: boolean; requestId?: string }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.isRetryable = init.isRetryable ?? false;
    this.requestId = init.requestId;
  }

  toJSON(): { code: ApiErrorCode; status: number; message: string; isRetryable: boolean; requestId?: string } {
    return { code: this.code, status: this.status, message: this.message, isRetryable: this.isRetryable, ...(this.requestId ? { requestId: this.requestId } : {}) };
  }
}

/** Any thrown value as an {@link ApiError} (unknown failures become `RESPONSE_INVALID`). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ code: 'RESPONSE_INVALID', status: 0, message: error instanceof Error ? error.message : 'Unexpected failure' });
}

interface RequestOptions {
  path: string;
  method?: 'GET' | 'POST';
  /** Customer token or operator key, sent as `Authorization: Bearer …`. */
  token?: string;
  body?: unknown;
  query?: Readonly<Record<string, string | number | undefined>>;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) parameters.set(name, String(value));
  const search = parameters.toString();
  return search === '' ? path : `${path}?${search}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // the schema check below turns this into RESPONSE_INVALID
  }
}

/**
 * One HTTP call, its answer parsed with `schema`.
 * @throws ApiError with the server's code for an error answer; `NETWORK_FAILED` when no answer came; `RESPONSE_INVALID` when the body does not match.
 */
async function request<Schema extends z.ZodType>(schema: Schema, options: RequestOptions): Promise<z.output<Schema>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(withQuery(options.path, options.query), {
      method: options.method ?? 'GET',
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ code: 'NETWORK_FAILED', status: 0, message: 'The desk cannot be reached. Check the connection and try again.', isRetryable: true });
  }
  const json = await readJson(response);
  if (!response.ok) {
    const wire = ErrorResponseSchema.safeParse(json);
    if (!wire.success) throw new ApiError({ code: 'RESPONSE_INVALID', status: response.status, message: `The desk answered ${response.status} without an error body` });
    const { code, message, isRetryable, requestId } = wire.data.error;
    throw new ApiError({ code, status: response.status, message, isRetryable, ...(requestId ? { requestId } : {}) });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError({ code: 'RESPONSE_INVALID', status: response.status, message: `Unexpected answer from ${options.path}: ${parsed.error.issues[0]?.message ?? 'wrong shape'}` });
  return parsed.data;
}

/** What the widget keeps to come back to its conversation: the id and its customer token. */
export const CustomerSessionSchema = z.object({ conversationId: z.string().min(1), token: z.string().min(1) });
export type CustomerSession = z.infer<typeof CustomerSessionSchema>;

const conversationPath = (conversationId: string) => `/v1/conversations/${encodeURIComponent(conversationId)}`;

/** Customer calls: each takes the session its conversation was started with. */
export const customerApi = {
  /** Starts a conversation on the `web` channel. @returns the session (keep it: the token is not shown again) and the conversation. */
  async start(): Promise<{ session: CustomerSession; conversation: ConversationView }> {
    const created = await request(CreateConversationResponseSchema, { path: '/v1/conversations', method: 'POST', body: { channel: 'web' } });
    return { session: { conversationId: created.conversation.id, token: created.token }, conversation: created.conversation };
  },
  /** Sends a message (202: replies arrive on the stream). The same `idempotencyKey` never creates a second turn. */
  send: (input: { session: CustomerSession; text: string; idempotencyKey: string }) =>
    request(PostMessageResponseSchema, { path: `${conversationPath(input.session.conversationId)}/messages`, method: 'POST', token: input.session.token, body: { text: input.text }, idempotencyKey: input.idempotencyKey }),
  /** The conversation and every message, oldest first. */
  transcript: (session: CustomerSession) => request(TranscriptResponseSchema, { path: conversationPath(session.conversationId), token: session.token }),
  /** CSAT: `rating` 1–5; a later rating replaces the earlier one. */
  rate: (input: { session: CustomerSession; rating: number; comment?: string }) =>
    request(FeedbackResponseSchema, { path: `${conversationPath(input.session.conversationId)}/feedback`, method: 'POST', token: input.session.token, body: { rating: input.rating, ...(input.comment ? { comment: input.comment } : {}) } }),
};

/**
 * Operator calls with one operator API key (`sbk_…`, from `switchboard operators create` or `npm start`).
 * @example
 * ```ts
 * const desk = createOperatorClient(key);
 * const { tickets } = await desk.tickets({ status: 'open' });
 * ```
 */
export function createOperatorClient(key: string) {
  const get = <Schema extends z.ZodType>(schema: Schema, path: string, query?: RequestOptions['query']) => request(schema, { path, token: key, ...(query ? { query } : {}) });
  const post = <Schema extends z.ZodType>(schema: Schema, path: string, body: unknown = {}) => request(schema, { path, method: 'POST', token: key, body });
  const ticketPath = (ticketId: string) => `/v1/tickets/${encodeURIComponent(ticketId)}`;
  return {
    key,
    tickets: (query: { status?: Ticket['status']; limit?: number } = {}) => get(TicketsResponseSchema, '/v1/tickets', query),
    claim: (ticketId: string) => post(TicketResponseSchema, `${ticketPath(ticketId)}/claim`),
    reply: (input: { ticketId: string; text: string }) => post(z.object({ message: MessageViewSchema }), `${ticketPath(input.ticketId)}/reply`, { text: input.text }),
    resolve: (input: { ticketId: string; note?: string }) => post(TicketResponseSchema, `${ticketPath(input.ticketId)}/resolve`, input.note ? { note: input.note } : {}),
    returnToBot: (input: { ticketId: string; note: string }) => post(TicketResponseSchema, `${ticketPath(input.ticketId)}/return`, { note: input.note }),
    approvals: (query: { status?: Approval['status']; conversationId?: string } = {}) => get(ApprovalsResponseSchema, '/v1/approvals', query),
    decide: (input: { approvalId: string; status: 'approved' | 'denied'; note?: string }) =>
      post(DecisionResponseSchema, `/v1/approvals/${encodeURIComponent(input.approvalId)}/decision`, { status: input.status, ...(input.note ? { note: input.note } : {}) }),
    transcript: (conversationId: string) => get(TranscriptResponseSchema, conversationPath(conversationId)),
    events: (conversationId: string) => get(ConversationEventsResponseSchema, `${conversationPath(conversationId)}/events`),
    conversations: (query: { status?: ConversationView['status']; limit?: number } = {}) => get(ConversationListResponseSchema, '/v1/conversations', query),
    deskGraph: () => get(DeskGraphResponseSchema, '/v1/desk/graph'),
    /** @param windowMinutes - 1–43,200. */
    metrics: (windowMinutes: number) => get(MetricsSummaryResponseSchema, '/v1/metrics/summary', { windowMinutes }),
    alerts: () => get(AlertsResponseSchema, '/v1/alerts'),
  };
}
export type OperatorClient = ReturnType<typeof createOperatorClient>;

/** `connecting` (first attempt), `open`, `reconnecting` (after a loss; messages missed meanwhile are replayed), `closed` (by the caller). */
export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** What a stream delivers. Each message id is delivered once, however often the stream reconnects. */
export interface StreamHandlers {
  onMessage?: (message: Message) => void;
  onTurn?: (turn: TurnFrame) => void;
  /** `event: audit` frames (operator callers only). */
  onAudit?: (event: AgentEvent) => void;
  /** `event: ticket` frames (the desk-wide operator stream). */
  onTicket?: (ticket: Ticket) => void;
  onState?: (state: StreamState) => void;
  /** A frame that does not match the protocol (`RESPONSE_INVALID`); the stream goes on. */
  onInvalidFrame?: (error: ApiError) => void;
}

/** An open stream; `close()` stops it and its reconnects. */
export interface EventStream {
  close: () => void;
}

/** Reconnect back-off after the browser gives up on a stream, in milliseconds: doubles from `minMs` to `maxMs`. */
export const RECONNECT_DELAY_MS = Object.freeze({ minMs: 500, maxMs: 10_000 });
/** How many delivered message ids a stream remembers to drop replays (oldest forgotten first). */
const SEEN_MESSAGE_IDS = 5000;

const frameSchemas = {
  message: MessageViewSchema,
  turn: TurnFrameSchema,
  audit: ConversationEventsResponseSchema.shape.events.element,
  ticket: TicketResponseSchema,
} as const;

/**
 * Opens a Server-Sent Events stream — a conversation's (`/v1/conversations/{id}/stream`, customer
 * token or operator key) or the desk's (`/v1/stream`, operator key) — and keeps it open: the
 * browser reconnects on its own with `Last-Event-ID`; when it gives up (the server restarted, a
 * proxy answered an error), a new `EventSource` resumes with `?after=<last message id>`. Replayed
 * messages are dropped by id, so none is lost or shown twice.
 * @param options.path - The stream path, without query.
 * @param options.token - Sent as `?access_token=` (EventSource cannot send headers).
 */
export function openEventStream(options: { path: string; token: string; handlers: StreamHandlers }): EventStream {
  const { handlers } = options;
  const seen = new Set<string>();
  let lastMessageId: string | undefined;
  let source: EventSource | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let delayMs: number = RECONNECT_DELAY_MS.minMs;
  let closed = false;

  const parseFrame = <Kind extends keyof typeof frameSchemas>(kind: Kind, event: MessageEvent<unknown>): z.output<(typeof frameSchemas)[Kind]> | undefined => {
    let data: unknown;
    try {
      data = JSON.parse(String(event.data)) as unknown;
    } catch {
      data = undefined;
    }
    const parsed = frameSchemas[kind].safeParse(data);
    if (parsed.success) return parsed.data as z.output<(typeof frameSchemas)[Kind]>;
    handlers.onInvalidFrame?.(new ApiError({ code: 'RESPONSE_INVALID', status: 200, message: `An "${kind}" frame did not match the protocol` }));
    return undefined;
  };

  const connect = (state: StreamState) => {
    handlers.onState?.(state);
    const query = new URLSearchParams({ access_token: options.token });
    if (lastMessageId) query.set('after', lastMessageId);
    const current = new EventSource(`${options.path}?${query.toString()}`);
    source = current;
    current.addEventListener('open', () => {
      delayMs = RECONNECT_DELAY_MS.minMs;
      handlers.onState?.('open');
    });
    current.addEventListener('message', (event) => {
      const message = parseFrame('message', event);
      if (!message || seen.has(message.id)) return;
      seen.add(message.id);
      if (seen.size > SEEN_MESSAGE_IDS) seen.delete(seen.values().next().value ?? '');
      lastMessageId = message.id;
      handlers.onMessage?.(message);
    });
    current.addEventListener('turn', (event) => {
      const turn = parseFrame('turn', event);
      if (turn) handlers.onTurn?.(turn);
    });
    current.addEventListener('audit', (event) => {
      const audit = parseFrame('audit', event);
      if (audit) handlers.onAudit?.(audit);
    });
    current.addEventListener('ticket', (event) => {
      const frame = parseFrame('ticket', event);
      if (frame) handlers.onTicket?.(frame.ticket);
    });
    current.addEventListener('error', () => {
      if (closed) return;
      handlers.onState?.('reconnecting');
      if (current.readyState !== EventSource.CLOSED) return; // the browser retries by itself, with Last-Event-ID
      retryTimer = setTimeout(() => connect('reconnecting'), delayMs);
      delayMs = Math.min(delayMs * 2, RECONNECT_DELAY_MS.maxMs);
    });
  };

  connect('connecting');
  return {
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      source?.close();
      handlers.onState?.('closed');
    },
  };
}
