/**
 * Approvals: write actions held above a policy limit (or in `assisted` mode) and shadow-mode
 * replies, oldest first, each with the amount at stake, the policy reason, the exact arguments
 * or draft, and approve / deny with an optional note. An approved action runs once and the
 * customer is told (the server does both).
 */
import { useCallback, useState } from 'react';
import { asApiError } from '../api.js';
import type { ApiError, Approval, OperatorClient } from '../api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { agentLabel, formatCents, formatTime } from '../shared/format.js';
import { useResource } from '../shared/useResource.js';
import { useFeedEvents, useRefreshMs } from './feed.js';
import type { FeedEvent } from './feed.js';
import { Link } from './Link.js';

function ApprovalCard(props: { client: OperatorClient; approval: Approval; onDecided: () => void }) {
  const { client, approval, onDecided } = props;
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const decide = async (status: 'approved' | 'denied') => {
    setBusy(true);
    try {
      await client.decide({ approvalId: approval.id, status, ...(note.trim() ? { note: note.trim() } : {}) });
      setError(undefined);
      onDecided();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const title = approval.kind === 'tool_call' ? `${approval.toolName ?? 'Write action'}` : 'Reply draft (shadow mode)';
  const noteId = `note-${approval.id}`;
  return (
    <article className="approval panel" aria-labelledby={`title-${approval.id}`} data-approval-id={approval.id}>
      <header>
        <h2 id={`title-${approval.id}`}>{title}</h2>
        {approval.amountCents !== undefined && <span className="amount">{formatCents(approval.amountCents)}</span>}
        <span className={`badge approval-${approval.status}`}>{approval.status}</span>
      </header>
      <p className="reason">
        <strong>Policy:</strong> {approval.reason}
      </p>
      <p className="muted">
        Asked by {agentLabel(approval.agentId)} at {formatTime(approval.createdAt)} ·{' '}
        <Link to={{ screen: 'timeline', conversationId: approval.conversationId }}>conversation {approval.conversationId}</Link>
      </p>
      {approval.args !== undefined && (
        <details open>
          <summary>Arguments</summary>
          <pre>{JSON.stringify(approval.args, null, 2)}</pre>
        </details>
      )}
      {approval.draftReply && <blockquote className="draft">{approval.draftReply}</blockquote>}
      {approval.status === 'pending' ? (
        <div className="decision">
          <label htmlFor={noteId}>Note (optional)</label>
          <input id={noteId} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
          <div className="button-row">
            <button type="button" className="primary" disabled={busy} onClick={() => void decide('approved')}>
              Approve
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void decide('denied')}>
              Deny
            </button>
          </div>
        </div>
      ) : (
        <p className="muted">
          {approval.status} by {approval.decidedBy ?? 'an operator'}
          {approval.decidedAt ? ` at ${formatTime(approval.decidedAt)}` : ''}
          {approval.note ? ` — ${approval.note}` : ''}
        </p>
      )}
      {error && <ErrorPanel error={error} what="The decision" />}
    </article>
  );
}

export function Approvals(props: { client: OperatorClient }) {
  const { client } = props;
  const [showDecided, setShowDecided] = useState(false);
  const load = useCallback(() => client.approvals(showDecided ? {} : { status: 'pending' }), [client, showDecided]);
  const approvals = useResource(load, { refreshMs: useRefreshMs() });
  const { reload } = approvals;
  useFeedEvents(useCallback((event: FeedEvent) => {
    if (event.kind === 'turn' || (event.kind === 'audit' && event.event.type === 'approval')) reload();
  }, [reload]));
  const list = approvals.data?.approvals ?? [];
  return (
    <section aria-labelledby="approvals-title">
      <div className="screen-title">
        <h1 id="approvals-title">Approvals</h1>
        <label className="checkbox">
          <input type="checkbox" checked={showDecided} onChange={(event) => setShowDecided(event.target.checked)} /> Show decided
        </label>
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </div>
      {approvals.error && <ErrorPanel error={approvals.error} what="Approvals" onRetry={reload} />}
      {approvals.data && list.length === 0 && <p className="empty">Nothing waits for a decision.</p>}
      <div className="cards">
        {list.map((approval) => (
          <ApprovalCard key={approval.id} client={client} approval={approval} onDecided={reload} />
        ))}
      </div>
    </section>
  );
}
