/**
 * The human queue: tickets grouped by queue, urgent first then by SLA due time (the server's
 * order), with live SLA countdowns and filters by status and priority; claim from the list, or
 * open a ticket beside it.
 */
import { useCallback, useState } from 'react';
import { asApiError } from '../../api.js';
import type { ApiError, OperatorClient, Ticket } from '../../api.js';
import { ErrorPanel } from '../../shared/ErrorPanel.js';
import { agentLabel, slaCountdown } from '../../shared/format.js';
import { useNow } from '../../shared/useNow.js';
import { useResource } from '../../shared/useResource.js';
import { useFeedEvents, useRefreshMs } from '../feed.js';
import type { FeedEvent } from '../feed.js';
import { Link } from '../Link.js';
import { navigate } from '../router.js';
import { TicketPanel } from './TicketPanel.js';

const STATUS_FILTERS = { active: 'Open and assigned', open: 'Open', assigned: 'Assigned', pending: 'Pending', resolved: 'Resolved' } as const;
type StatusFilter = keyof typeof STATUS_FILTERS;
const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

export function SlaCountdown(props: { dueAt: string; nowMs: number }) {
  const countdown = slaCountdown(props.dueAt, props.nowMs);
  return (
    <time className={`sla sla-${countdown.state}`} dateTime={props.dueAt} title={`SLA due ${new Date(props.dueAt).toLocaleString()}`}>
      {countdown.label}
    </time>
  );
}

function groupByQueue(tickets: readonly Ticket[]): [string, Ticket[]][] {
  const groups = new Map<string, Ticket[]>();
  for (const ticket of tickets) groups.set(ticket.queue, [...(groups.get(ticket.queue) ?? []), ticket]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function Inbox(props: { client: OperatorClient; ticketId?: string }) {
  const { client, ticketId } = props;
  const [status, setStatus] = useState<StatusFilter>('active');
  const [priority, setPriority] = useState<Ticket['priority'] | ''>('');
  const [actionError, setActionError] = useState<ApiError>();
  const nowMs = useNow(1000);
  const load = useCallback(async () => {
    const { tickets } = await client.tickets({ limit: 500, ...(status === 'active' ? {} : { status }) });
    return tickets.filter((ticket) => (status === 'active' ? ticket.status === 'open' || ticket.status === 'assigned' : true));
  }, [client, status]);
  const tickets = useResource(load, { refreshMs: useRefreshMs() });
  const { reload } = tickets;
  useFeedEvents(useCallback((event: FeedEvent) => {
    if (event.kind === 'ticket' || (event.kind === 'turn' && event.turn.ticketId)) reload();
  }, [reload]));

  const claim = async (ticket: Ticket) => {
    try {
      await client.claim(ticket.id);
      setActionError(undefined);
      reload();
      navigate({ screen: 'inbox', ticketId: ticket.id });
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  };

  const shown = (tickets.data ?? []).filter((ticket) => priority === '' || ticket.priority === priority);
  return (
    <div className={ticketId ? 'split' : undefined}>
      <section aria-labelledby="inbox-title" className="inbox">
        <div className="screen-title">
          <h1 id="inbox-title">Inbox</h1>
          <div className="filters">
            <label>
              Status{' '}
              <select value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
                {Object.entries(STATUS_FILTERS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Priority{' '}
              <select value={priority} onChange={(event) => setPriority(event.target.value as Ticket['priority'] | '')}>
                <option value="">All</option>
                {PRIORITIES.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={reload}>
              Refresh
            </button>
          </div>
        </div>
        {tickets.error && <ErrorPanel error={tickets.error} what="The inbox" onRetry={reload} />}
        {actionError && <ErrorPanel error={actionError} what="The claim" />}
        {tickets.data && shown.length === 0 && <p className="empty">No tickets here. Escalated conversations appear as they arrive.</p>}
        {groupByQueue(shown).map(([queue, queueTickets]) => (
          <section key={queue} aria-label={`Queue ${queue}`} className="queue">
            <h2>
              {agentLabel(queue)} <span className="count">{queueTickets.length}</span>
            </h2>
            <table className="tickets">
              <thead>
                <tr>
                  <th scope="col">Priority</th>
                  <th scope="col">Summary</th>
                  <th scope="col">SLA</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {queueTickets.map((ticket) => (
                  <tr key={ticket.id} data-ticket-id={ticket.id} aria-selected={ticket.id === ticketId}>
                    <td>
                      <span className={`priority priority-${ticket.priority}`}>{ticket.priority}</span>
                    </td>
                    <td className="summary">
                      <Link to={{ screen: 'inbox', ticketId: ticket.id }}>{ticket.summary}</Link>
                      <span className="muted"> · {ticket.trigger.replaceAll('_', ' ')}</span>
                    </td>
                    <td>{ticket.status === 'resolved' ? '—' : <SlaCountdown dueAt={ticket.slaDueAt} nowMs={nowMs} />}</td>
                    <td>{ticket.assignee ? `${ticket.status} · ${ticket.assignee}` : ticket.status}</td>
                    <td>
                      {ticket.status === 'open' && (
                        <button type="button" onClick={() => void claim(ticket)} aria-label={`Claim ticket ${ticket.id}`}>
                          Claim
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </section>
      {ticketId && <TicketPanel key={ticketId} client={client} ticketId={ticketId} onChanged={reload} />}
    </div>
  );
}
