/**
 * The customer chat widget (served at `/`): start a conversation, live replies with the agent's
 * name and handoff announcements, a typing indicator, "talk to a human", CSAT at resolution,
 * and a connection badge while the stream reconnects. Usable from 320 px wide.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { Message } from '../api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { agentLabel, formatTime } from '../shared/format.js';
import { Csat } from './Csat.js';
import { useConversation } from './useConversation.js';

/** What "talk to a human" sends: an explicit human request, which the escalation policy always honours (DESIGN.md §1 step 4). */
export const HUMAN_REQUEST_TEXT = "I'd like to talk to a human, please.";
const MAX_MESSAGE_CHARS = 4000;

function authorName(message: Message): string {
  switch (message.role) {
    case 'customer':
      return 'You';
    case 'agent':
      return agentLabel(message.author);
    case 'operator':
      return `${agentLabel(message.author)} (support team)`;
    case 'system':
      return 'Switchboard';
  }
}

/** Who answers now: the last agent or operator who wrote. */
function currentResponder(messages: readonly Message[]): Message | undefined {
  return messages.findLast((message) => message.role === 'agent' || message.role === 'operator');
}

function MessageList(props: { messages: readonly Message[] }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollIntoView, which must not become the effect's cleanup.
    void end.current?.scrollIntoView({ block: 'end' });
  }, [props.messages.length]);
  let previousResponder: string | undefined;
  return (
    <ol className="chat-log" aria-live="polite" aria-relevant="additions" aria-label="Conversation">
      {props.messages.map((message) => {
        const responder = message.role === 'agent' || message.role === 'operator' ? `${message.role}:${message.author}` : undefined;
        const changed = responder !== undefined && previousResponder !== undefined && responder !== previousResponder;
        if (responder) previousResponder = responder;
        return [
          changed ? (
            <li key={`${message.id}-handoff`} className="announcement">
              Now talking with {authorName(message)}
            </li>
          ) : null,
          <li key={message.id} className={`bubble ${message.role}`} data-message-id={message.id}>
            <span className="author">
              {authorName(message)} · <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
            </span>
            <span className="text">{message.text}</span>
          </li>,
        ];
      })}
      <li ref={end} className="sr-only" aria-hidden="true" />
    </ol>
  );
}

function Composer(props: { disabled: boolean; onSend: (text: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '' || sending) return;
    setSending(true);
    const sent = await props.onSend(trimmed);
    setSending(false);
    if (sent) setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) void submit(event);
  };
  return (
    <form className="composer" onSubmit={(event) => void submit(event)}>
      <label htmlFor="chat-text" className="sr-only">
        Your message
      </label>
      <textarea
        id="chat-text"
        rows={2}
        value={text}
        maxLength={MAX_MESSAGE_CHARS}
        placeholder="Ask about an order, a refund, the return policy…"
        disabled={props.disabled}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" disabled={props.disabled || sending || text.trim() === ''}>
        Send
      </button>
    </form>
  );
}

const CONNECTION_TEXT = { connecting: 'Connecting…', open: 'Live', reconnecting: 'Reconnecting…', closed: 'Offline' } as const;

export function Widget() {
  const chat = useConversation();
  const { session, conversation, messages, typing } = chat;
  const responder = currentResponder(messages);
  const withHuman = conversation?.status === 'human' || conversation?.status === 'escalated';
  const resolved = conversation?.status === 'resolved' || chat.lastOutcome === 'resolved';

  return (
    <main className="widget">
      <header className="widget-header">
        <div>
          <h1>Support chat</h1>
          <p className="muted" data-testid="responder">
            {responder ? <>You are talking with <strong>{authorName(responder)}</strong></> : 'Our assistants and team are here to help.'}
          </p>
        </div>
        {session && (
          <span className={`badge connection-${chat.connection}`} role="status" aria-label={`Connection: ${CONNECTION_TEXT[chat.connection]}`}>
            {CONNECTION_TEXT[chat.connection]}
          </span>
        )}
      </header>

      {chat.error && <ErrorPanel error={chat.error} what="The conversation" />}

      {!session ? (
        <section className="intro" aria-labelledby="intro-title">
          <h2 id="intro-title">Hi! How can we help?</h2>
          <p>Ask about an order, a delivery, a return or refund, a payment, or your account. An assistant answers right away; a person from our team takes over whenever you like.</p>
          <button type="button" className="primary" onClick={() => void chat.start()} disabled={chat.starting}>
            Start a conversation
          </button>
        </section>
      ) : (
        <>
          <MessageList messages={messages} />
          <p className="typing" role="status" aria-live="polite">
            {typing ? `${responder && responder.role === 'agent' ? authorName(responder) : 'The assistant'} is typing…` : ''}
          </p>
          {withHuman && conversation.ticketId && (
            <p className="notice" role="status">
              A person from our team has your conversation (ticket <code>{conversation.ticketId}</code>). Their replies appear here.
            </p>
          )}
          {chat.failedSend && (
            <div className="panel error" role="alert" data-error-code={chat.failedSend.error.code}>
              <p>
                Your message was not sent — {chat.failedSend.error.message} (<code>{chat.failedSend.error.code}</code>)
              </p>
              <button type="button" onClick={() => void chat.send(chat.failedSend?.text ?? '', chat.failedSend?.idempotencyKey)}>
                Retry sending
              </button>
            </div>
          )}
          {resolved && <Csat key={conversation?.id} session={session} />}
          <Composer disabled={false} onSend={(text) => chat.send(text)} />
          <div className="widget-actions">
            <button type="button" onClick={() => void chat.send(HUMAN_REQUEST_TEXT)} disabled={withHuman}>
              Talk to a human
            </button>
            <button type="button" className="link" onClick={chat.reset}>
              New conversation
            </button>
          </div>
        </>
      )}
    </main>
  );
}
