/**
 * Active alerts (`GET /v1/alerts`) under the console header: escalation spikes, routing loops,
 * resolution-time creep, CSAT drops, SLA breaches, open circuits — each one sentence to act on.
 * Re-read every 30 s; an older server without alerts shows nothing here.
 */
import { useCallback } from 'react';
import type { OperatorClient } from '../api.js';
import { formatTime } from '../shared/format.js';
import { useResource } from '../shared/useResource.js';
import { Link } from './Link.js';

const ALERTS_REFRESH_MS = 30_000;

export function AlertsBar(props: { client: OperatorClient }) {
  const { client } = props;
  const load = useCallback(() => client.alerts(), [client]);
  const alerts = useResource(load, { refreshMs: ALERTS_REFRESH_MS });
  const list = alerts.data?.alerts ?? [];
  if (list.length === 0) return null;
  return (
    <section className="alerts" aria-label={`Active alerts: ${list.length}`}>
      <ul>
        {list.map((alert) => (
          <li key={alert.id} className={`alert alert-${alert.severity}`} data-alert-rule={alert.rule}>
            <strong>{alert.severity === 'critical' ? 'Critical' : 'Warning'}:</strong> {alert.message}{' '}
            <span className="muted">
              (value {alert.value}, threshold {alert.threshold}, since {formatTime(alert.since)})
            </span>
            {alert.conversationId && (
              <>
                {' '}
                <Link to={{ screen: 'timeline', conversationId: alert.conversationId }}>open conversation</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
