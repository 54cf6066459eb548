/**
 * The widget's conversation state: the session (kept in `sessionStorage`, so a reload comes back
 * to the same conversation), the messages (merged by id from the transcript and the live stream,
 * so reconnects never lose or duplicate one), turns in flight (the typing indicator), the
 * conversation's status, and sending with an idempotency key that a retry reuses.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, customerApi, CustomerSessionSchema, openEventStream } from '../api.js';
import type { ApiError, ConversationView, CustomerSession, Message, StreamState } from '../api.js';
import { mergeMessages } from '../shared/format.js';
import { newIdempotencyKey } from '../shared/ids.js';

const STORAGE_KEY = 'switchboard.widget.session';
/** While a human holds the conversation, how often its status is re-read (resolution has no stream frame), in milliseconds. */
const STATUS_POLL_MS = 10_000;
/** The typing indicator gives up after this long without the turn's frame, in milliseconds. */
const TYPING_TIMEOUT_MS = 60_000;

function loadSession(): CustomerSession | undefined {
  try {
    const stored = window.sessionStorage.getItem(STORAGE_KEY);
    if (stored === null) return undefined;
    const parsed = CustomerSessionSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // storage disabled or a corrupt entry: start afresh
  }
}

function saveSession(session: CustomerSession | undefined): void {
  try {
    if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage disabled: the conversation lasts as long as the page
  }
}

/** A message that could not be sent; retrying reuses its idempotency key, so it is never sent twice. */
export interface FailedSend {
  text: string;
  idempotencyKey: string;
  error: ApiError;
}

export interface ConversationState {
  session: CustomerSession | undefined;
  conversation: ConversationView | undefined;
  messages: readonly Message[];
  /** A turn is running: show the typing indicator. */
  typing: boolean;
  /** Outcome of the last finished turn (`resolved`, `escalated`, `clarify`…). */
  lastOutcome: string | undefined;
  connection: StreamState;
  error: ApiError | undefined;
  failedSend: FailedSend | undefined;
  starting: boolean;
  start: () => Promise<void>;
  send: (text: string, idempotencyKey?: string) => Promise<boolean>;
  /** Forgets this conversation (a new one starts on the next `start`). */
  reset: () => void;
}

/** The widget's state machine; see the module comment. */
export function useConversation(): ConversationState {
  const [session, setSession] = useState<CustomerSession | undefined>(loadSession);
  const [conversation, setConversation] = useState<ConversationView>();
  const [messages, setMessages] = useState<readonly Message[]>([]);
  const [pendingTurns, setPendingTurns] = useState<ReadonlySet<string>>(new Set());
  const [lastOutcome, setLastOutcome] = useState<string>();
  const [connection, setConnection] = useState<StreamState>('closed');
  const [error, setError] = useState<ApiError>();
  const [failedSend, setFailedSend] = useState<FailedSend>();
  const [starting, setStarting] = useState(false);
  const wasOpen = useRef(false);
  /** Turns whose frame already came (it can beat the POST's answer): never shown as typing. */
  const finishedTurns = useRef(new Set<string>());

  const refresh = useCallback(async (current: CustomerSession) => {
    try {
      const transcript = await customerApi.transcript(current);
      setConversation(transcript.conversation);
      setMessages((existing) => mergeMessages(existing, transcript.messages));
      setError(undefined);
    } catch (caught) {
      const failure = asApiError(caught);
      if (failure.code === 'CONVERSATION_NOT_FOUND' || failure.code === 'UNAUTHENTICATED' || failure.code === 'FORBIDDEN') {
        saveSession(undefined);
        setSession(undefined);
      }
      setError(failure);
    }
  }, []);

  useEffect(() => {
    if (!session) return undefined;
    void refresh(session);
    const stream = openEventStream({
      path: `/v1/conversations/${encodeURIComponent(session.conversationId)}/stream`,
      token: session.token,
      handlers: {
        onMessage: (message) => {
          setMessages((existing) => mergeMessages(existing, [message]));
          if (message.role === 'operator') void refresh(session);
        },
        onTurn: (turn) => {
          finishedTurns.current.add(turn.turnId);
          setPendingTurns((pending) => new Set([...pending].filter((id) => id !== turn.turnId)));
          setLastOutcome(turn.outcome);
          setMessages((existing) => mergeMessages(existing, turn.replies));
          void refresh(session);
        },
        onState: (state) => {
          setConnection(state);
          // Back after a loss: re-read the transcript too, in case the server could not replay.
          if (state === 'open' && wasOpen.current) void refresh(session);
          if (state === 'open') wasOpen.current = true;
        },
      },
    });
    return () => stream.close();
  }, [session, refresh]);

  const status = conversation?.status;
  useEffect(() => {
    if (!session || (status !== 'human' && status !== 'escalated')) return undefined;
    const timer = setInterval(() => void refresh(session), STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [session, status, refresh]);

  useEffect(() => {
    if (pendingTurns.size === 0) return undefined;
    const timer = setTimeout(() => setPendingTurns(new Set()), TYPING_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [pendingTurns]);

  const start = useCallback(async () => {
    setStarting(true);
    try {
      const started = await customerApi.start();
      saveSession(started.session);
      wasOpen.current = false;
      setMessages([]);
      setConversation(started.conversation);
      setLastOutcome(undefined);
      setSession(started.session);
      setError(undefined);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setStarting(false);
    }
  }, []);

  const send = useCallback(async (text: string, idempotencyKey: string = newIdempotencyKey()) => {
    if (!session) return false;
    setFailedSend(undefined);
    try {
      const accepted = await customerApi.send({ session, text, idempotencyKey });
      setMessages((existing) => mergeMessages(existing, [accepted.message, ...accepted.turn.replies]));
      const finished = accepted.turn.status === 'done' || accepted.turn.status === 'failed';
      if (!finished && !finishedTurns.current.has(accepted.turn.id)) setPendingTurns((pending) => new Set([...pending, accepted.turn.id]));
      setLastOutcome(undefined);
      return true;
    } catch (caught) {
      setFailedSend({ text, idempotencyKey, error: asApiError(caught) });
      return false;
    }
  }, [session]);

  const reset = useCallback(() => {
    saveSession(undefined);
    setSession(undefined);
    setConversation(undefined);
    setMessages([]);
    setPendingTurns(new Set());
    setLastOutcome(undefined);
    setFailedSend(undefined);
  }, []);

  return { session, conversation, messages, typing: pendingTurns.size > 0, lastOutcome, connection, error, failedSend, starting, start, send, reset };
}
