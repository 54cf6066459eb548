/** Live conversations (`GET /v1/conversations`), most recently updated first, each opening its timeline. */
import { useCallback, useState } from 'react';
import type { ConversationView, OperatorClient } from '../api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { agentLabel, formatTime } from '../shared/format.js';
import { useResource } from '../shared/useResource.js';
import { useFeedEvents, useRefreshMs } from './feed.js';
import type { FeedEvent } from './feed.js';
import { Link } from './Link.js';

const STATUSES = ['open', 'waiting_customer', 'escalated', 'human', 'resolved', 'abandoned'] as const;

export function Conversations(props: { client: OperatorClient }) {
  const { client } = props;
  const [status, setStatus] = useState<ConversationView['status'] | ''>('');
  const load = useCallback(() => client.conversations({ limit: 100, ...(status ? { status } : {}) }), [client, status]);
  const conversations = useResource(load, { refreshMs: useRefreshMs() });
  const { reload } = conversations;
  useFeedEvents(useCallback((event: FeedEvent) => {
    if (event.kind === 'turn' || event.kind === 'ticket') reload();
  }, [reload]));
  return (
    <section aria-labelledby="conversations-title">
      <div className="screen-title">
        <h1 id="conversations-title">Conversations</h1>
        <label>
          Status{' '}
          <select value={status} onChange={(event) => setStatus(event.target.value as ConversationView['status'] | '')}>
            <option value="">All</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {value.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
      </div>
      {conversations.error && <ErrorPanel error={conversations.error} what="The conversation list" onRetry={reload} />}
      {conversations.data && conversations.data.conversations.length === 0 && <p className="empty">No conversations yet.</p>}
      {conversations.data && conversations.data.conversations.length > 0 && (
        <table className="conversations">
          <thead>
            <tr>
              <th scope="col">Conversation</th>
              <th scope="col">Status</th>
              <th scope="col">Agent</th>
              <th scope="col">Last message</th>
              <th scope="col">Messages</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {conversations.data.conversations.map((conversation) => (
              <tr key={conversation.id}>
                <td>
                  <Link to={{ screen: 'timeline', conversationId: conversation.id }}>{conversation.id}</Link>
                </td>
                <td>
                  <span className={`status status-${conversation.status}`}>{conversation.status.replace('_', ' ')}</span>
                  {conversation.priority !== 'normal' && <span className={`priority priority-${conversation.priority}`}>{conversation.priority}</span>}
                </td>
                <td>{conversation.currentAgentId ? agentLabel(conversation.currentAgentId) : '—'}</td>
                <td className="summary">{conversation.lastMessage ?? ''}</td>
                <td>{conversation.messageCount}</td>
                <td>
                  <time dateTime={conversation.updatedAt}>{formatTime(conversation.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
