/**
 * A conversation's messages as the operator sees them, live: the transcript, then its stream
 * (operator key) — new messages merged by id, `turn` and `audit` frames passed on.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, openEventStream } from '../api.js';
import type { AgentEvent, ApiError, Message, OperatorClient, StreamState, TurnFrame } from '../api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { agentLabel, formatTime, mergeMessages } from '../shared/format.js';

/** Follows one conversation: its messages, and callbacks for its finished turns and audit events. */
export function useLiveConversation(options: { client: OperatorClient; conversationId: string; onTurn?: (turn: TurnFrame) => void; onAudit?: (event: AgentEvent) => void }) {
  const { client, conversationId, onTurn, onAudit } = options;
  const [messages, setMessages] = useState<readonly Message[]>([]);
  const [error, setError] = useState<ApiError>();
  const [connection, setConnection] = useState<StreamState>('connecting');
  const refresh = useCallback(async () => {
    try {
      const transcript = await client.transcript(conversationId);
      setMessages((existing) => mergeMessages(existing, transcript.messages));
      setError(undefined);
    } catch (caught) {
      setError(asApiError(caught));
    }
  }, [client, conversationId]);

  useEffect(() => {
    setMessages([]);
    void refresh();
    let opened = false;
    const stream = openEventStream({
      path: `/v1/conversations/${encodeURIComponent(conversationId)}/stream`,
      token: client.key,
      handlers: {
        onMessage: (message) => setMessages((existing) => mergeMessages(existing, [message])),
        onTurn: (turn) => onTurn?.(turn),
        onAudit: (event) => onAudit?.(event),
        onState: (state) => {
          setConnection(state);
          if (state === 'open' && opened) void refresh();
          if (state === 'open') opened = true;
        },
      },
    });
    return () => stream.close();
  }, [client, conversationId, refresh, onTurn, onAudit]);

  return { messages, error, connection, refresh };
}

export function MessageRow(props: { message: Message }) {
  const { message } = props;
  const who = message.role === 'customer' ? 'Customer' : message.role === 'operator' ? `${message.author} (operator)` : message.role === 'system' ? 'System' : agentLabel(message.author);
  return (
    <li className={`bubble ${message.role}`} data-message-id={message.id}>
      <span className="author">
        {who} · <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
      </span>
      <span className="text">{message.text}</span>
    </li>
  );
}

export function LiveTranscript(props: { client: OperatorClient; conversationId: string }) {
  const live = useLiveConversation(props);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [live.messages.length]);
  return (
    <section aria-label="Transcript" className="transcript">
      <h3>
        Transcript <span className={`badge connection-${live.connection}`}>{live.connection === 'open' ? 'live' : live.connection}</span>
      </h3>
      {live.error && <ErrorPanel error={live.error} what="The transcript" onRetry={() => void live.refresh()} />}
      <ol ref={list} className="chat-log compact" aria-live="polite" aria-relevant="additions">
        {live.messages.map((message) => (
          <MessageRow key={message.id} message={message} />
        ))}
      </ol>
    </section>
  );
}
