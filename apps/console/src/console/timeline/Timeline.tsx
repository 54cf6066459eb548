/**
 * A conversation's timeline: its messages and audit events in time order, grouped by turn —
 * the triage decision (intent, confidence, urgency), each agent, handoff payloads, tool calls
 * with arguments and results, QA verdicts, guardrail events, escalations, approvals — with the
 * tokens and cost of the conversation. Live: the turn frames of its stream re-read the events.
 */
import { useCallback, useMemo } from 'react';
import type { AgentEvent, Message, OperatorClient } from '../../api.js';
import { ErrorPanel } from '../../shared/ErrorPanel.js';
import { formatUsd } from '../../shared/format.js';
import { useResource } from '../../shared/useResource.js';
import { Link } from '../Link.js';
import { MessageRow, useLiveConversation } from '../LiveTranscript.js';
import { EventRow } from './EventRow.js';

type Entry = { kind: 'message'; at: string; message: Message } | { kind: 'event'; at: string; event: AgentEvent };

/** Messages and events in time order (stable for equal times: messages first). */
function entries(messages: readonly Message[], events: readonly AgentEvent[]): Entry[] {
  const all: Entry[] = [...messages.map((message): Entry => ({ kind: 'message', at: message.createdAt, message })), ...events.map((event): Entry => ({ kind: 'event', at: event.time, event }))];
  return all.sort((a, b) => a.at.localeCompare(b.at));
}

function totals(events: readonly AgentEvent[]) {
  let input = 0;
  let output = 0;
  let costUsd = 0;
  for (const event of events) {
    input += event.tokens?.input ?? 0;
    output += event.tokens?.output ?? 0;
    costUsd += event.costUsd ?? 0;
  }
  return { input, output, costUsd, turns: new Set(events.map((event) => event.turnId)).size };
}

export function Timeline(props: { client: OperatorClient; conversationId: string }) {
  const { client, conversationId } = props;
  const loadEvents = useCallback(() => client.events(conversationId), [client, conversationId]);
  const events = useResource(loadEvents);
  const { reload } = events;
  const live = useLiveConversation({ client, conversationId, onTurn: reload, onAudit: reload });
  const list = useMemo(() => events.data?.events ?? [], [events.data]);
  const sum = totals(list);
  const rows = entries(live.messages, list);

  return (
    <section aria-labelledby="timeline-title" className="timeline-screen">
      <div className="screen-title">
        <h1 id="timeline-title">Conversation {conversationId}</h1>
        <Link to={{ screen: 'conversations' }}>All conversations</Link>
      </div>
      <dl className="kpis small" aria-label="Conversation totals">
        <div>
          <dt>Turns</dt>
          <dd>{sum.turns}</dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd>{list.length}</dd>
        </div>
        <div>
          <dt>Tokens in / out</dt>
          <dd>
            {sum.input} / {sum.output}
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{formatUsd(sum.costUsd)}</dd>
        </div>
      </dl>
      {events.error && <ErrorPanel error={events.error} what="The audit events" onRetry={reload} />}
      {live.error && <ErrorPanel error={live.error} what="The transcript" onRetry={() => void live.refresh()} />}
      <ol className="timeline" aria-label="Timeline" aria-live="polite" aria-relevant="additions">
        {rows.map((entry) =>
          entry.kind === 'message' ? <MessageRow key={entry.message.id} message={entry.message} /> : <EventRow key={entry.event.id} event={entry.event} />,
        )}
      </ol>
    </section>
  );
}
