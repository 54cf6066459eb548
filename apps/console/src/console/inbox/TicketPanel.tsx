/**
 * One ticket beside the inbox: the escalation packet (trigger, reason, summary, actions taken,
 * sentiment, recommended resolution, account flags), the live transcript, and the operator's
 * actions — claim, reply, resolve, return to the bot.
 */
import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { asApiError } from '../../api.js';
import type { ApiError, OperatorClient, Ticket } from '../../api.js';
import { ErrorPanel } from '../../shared/ErrorPanel.js';
import { agentLabel } from '../../shared/format.js';
import { useNow } from '../../shared/useNow.js';
import { useResource } from '../../shared/useResource.js';
import { Link } from '../Link.js';
import { LiveTranscript } from '../LiveTranscript.js';
import { SlaCountdown } from './Inbox.js';

function Packet(props: { ticket: Ticket }) {
  const { ticket } = props;
  const packet = ticket.packet;
  return (
    <dl className="facts">
      <dt>Trigger</dt>
      <dd>{ticket.trigger.replaceAll('_', ' ')}</dd>
      <dt>Reason</dt>
      <dd>{ticket.reason}</dd>
      {ticket.intent && (
        <>
          <dt>Intent</dt>
          <dd>{ticket.intent}</dd>
        </>
      )}
      {packet && (
        <>
          <dt>Sentiment</dt>
          <dd>
            {packet.customerSentiment.label}, frustration {Math.round(packet.customerSentiment.frustration * 100)} %
          </dd>
          <dt>Recommended</dt>
          <dd>{packet.recommendedResolution}</dd>
          <dt>Actions taken</dt>
          <dd>{packet.actionsTaken.length === 0 ? 'none' : packet.actionsTaken.join('; ')}</dd>
          <dt>Account flags</dt>
          <dd>{packet.accountFlags.length === 0 ? 'none' : packet.accountFlags.join(', ')}</dd>
          <dt>Agents</dt>
          <dd>{packet.handoffChain.length === 0 ? '—' : packet.handoffChain.map(agentLabel).join(' → ')}</dd>
        </>
      )}
    </dl>
  );
}

function Actions(props: { client: OperatorClient; ticket: Ticket; onChanged: () => void }) {
  const { client, ticket, onChanged } = props;
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    try {
      await action();
      setError(undefined);
      after?.();
      onChanged();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const sendReply = (event: FormEvent) => {
    event.preventDefault();
    if (reply.trim() !== '') void run(() => client.reply({ ticketId: ticket.id, text: reply.trim() }), () => setReply(''));
  };

  if (ticket.status === 'resolved') return <p className="notice">This ticket is resolved.</p>;
  if (ticket.status === 'open') {
    return (
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void run(() => client.claim(ticket.id))}>
          Claim ticket
        </button>
        {error && <ErrorPanel error={error} what="The action" />}
      </div>
    );
  }
  return (
    <div className="actions">
      <form onSubmit={sendReply} className="reply-form">
        <label htmlFor="operator-reply">Reply to the customer</label>
        <textarea id="operator-reply" rows={3} maxLength={4000} value={reply} onChange={(event) => setReply(event.target.value)} />
        <button type="submit" className="primary" disabled={busy || reply.trim() === ''}>
          Send reply
        </button>
      </form>
      <label htmlFor="operator-note">Note (required to return to the bot)</label>
      <input id="operator-note" maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void run(() => client.resolve({ ticketId: ticket.id, ...(note.trim() ? { note: note.trim() } : {}) }))}>
          Resolve
        </button>
        <button type="button" disabled={busy || note.trim() === ''} onClick={() => void run(() => client.returnToBot({ ticketId: ticket.id, note: note.trim() }))}>
          Return to bot
        </button>
      </div>
      {error && <ErrorPanel error={error} what="The action" />}
    </div>
  );
}

export function TicketPanel(props: { client: OperatorClient; ticketId: string; onChanged: () => void }) {
  const { client, ticketId, onChanged } = props;
  const nowMs = useNow(1000);
  const load = useCallback(async () => {
    const { tickets } = await client.tickets({ limit: 500 });
    return tickets.find((ticket) => ticket.id === ticketId) ?? null;
  }, [client, ticketId]);
  const resource = useResource(load);
  const { data: ticket, reload } = resource;
  const changed = useCallback(() => {
    reload();
    onChanged();
  }, [reload, onChanged]);

  return (
    <section className="ticket-panel panel" aria-labelledby="ticket-title">
      <div className="screen-title">
        <h2 id="ticket-title">Ticket {ticketId}</h2>
        <Link to={{ screen: 'inbox' }}>Close</Link>
      </div>
      {resource.error && <ErrorPanel error={resource.error} what="The ticket" onRetry={resource.reload} />}
      {ticket === null && <p className="empty">No ticket {ticketId} in the queue.</p>}
      {ticket && (
        <>
          <p className="ticket-meta">
            <span className={`priority priority-${ticket.priority}`}>{ticket.priority}</span> {agentLabel(ticket.queue)} queue · {ticket.status}
            {ticket.assignee ? ` to ${ticket.assignee}` : ''} · {ticket.status === 'resolved' ? 'closed' : <SlaCountdown dueAt={ticket.slaDueAt} nowMs={nowMs} />}
          </p>
          <p className="summary-text">{ticket.summary}</p>
          <Packet ticket={ticket} />
          <p>
            <Link to={{ screen: 'timeline', conversationId: ticket.conversationId }}>Open the conversation timeline</Link>
          </p>
          <LiveTranscript client={client} conversationId={ticket.conversationId} />
          <Actions client={client} ticket={ticket} onChanged={changed} />
        </>
      )}
    </section>
  );
}
