/**
 * The metrics dashboard (`GET /v1/metrics/summary`): headline rates against their targets
 * (resolution > 70 %, escalation < 15 %, handoffs < 2 per conversation, CSAT > 4.2 — from the
 * multi-agent support write-up, see `packages/core/src/protocol/console.ts`), hourly activity,
 * p95 latency and resolution per agent, cost per ticket, and the routing confusion matrix.
 */
import { useCallback, useState } from 'react';
import type { MetricsSummary, OperatorClient } from '../../api.js';
import { ErrorPanel } from '../../shared/ErrorPanel.js';
import { agentLabel, formatMs, formatRate, formatUsd } from '../../shared/format.js';
import { useResource } from '../../shared/useResource.js';
import { useRefreshMs } from '../feed.js';
import { BarChart, ColumnChart } from './charts.js';
import { ConfusionMatrix } from './ConfusionMatrix.js';

const WINDOWS = [
  { minutes: 60, label: 'Last hour' },
  { minutes: 1440, label: 'Last 24 hours' },
  { minutes: 10_080, label: 'Last 7 days' },
] as const;

/** Targets of the headline numbers (see the module comment for the source). */
export const TARGETS = Object.freeze({ resolutionRate: 0.7, escalationRate: 0.15, handoffsPerConversation: 2, csat: 4.2 });

function Kpi(props: { label: string; value: string; good?: boolean; hint?: string }) {
  return (
    <div className={props.good === undefined ? 'kpi' : props.good ? 'kpi good' : 'kpi bad'}>
      <dt>{props.label}</dt>
      <dd>
        {props.value}
        {props.hint && <span className="hint">{props.hint}</span>}
      </dd>
    </div>
  );
}

function Dashboard(props: { summary: MetricsSummary }) {
  const { summary } = props;
  const csat = summary.csat.average;
  return (
    <>
      <dl className="kpis" aria-label="Headline metrics">
        <Kpi label="Resolution rate" value={formatRate(summary.resolutionRate)} good={summary.resolutionRate >= TARGETS.resolutionRate} hint="target > 70 %" />
        <Kpi label="Escalation rate" value={formatRate(summary.escalationRate)} good={summary.escalationRate <= TARGETS.escalationRate} hint="target < 15 %" />
        <Kpi label="Handoffs / conversation" value={summary.handoffsPerConversation.toFixed(2)} good={summary.handoffsPerConversation < TARGETS.handoffsPerConversation} hint="target < 2" />
        <Kpi label="CSAT" value={csat === null ? '—' : csat.toFixed(2)} {...(csat === null ? {} : { good: csat >= TARGETS.csat })} hint={`${summary.csat.count} ratings · target > 4.2`} />
        <Kpi label="Cost per ticket" value={summary.costPerTicketUsd === null ? '—' : formatUsd(summary.costPerTicketUsd)} hint={`total ${formatUsd(summary.costUsd)}`} />
        <Kpi label="Turn latency p95" value={formatMs(summary.turnLatencyMs.p95)} hint={`p50 ${formatMs(summary.turnLatencyMs.p50)}`} />
        <Kpi label="Conversations" value={String(summary.conversations)} hint={`${summary.turns} turns`} />
        <Kpi label="Open tickets" value={String(Object.values(summary.openTickets).reduce((sum, count) => sum + count, 0))} hint={Object.entries(summary.openTickets).map(([queue, count]) => `${queue} ${count}`).join(', ')} />
      </dl>
      <ColumnChart title="Turns, escalations and resolutions per hour" seriesNames={['turns', 'escalations', 'resolutions']} points={summary.series.map((bucket) => ({ start: bucket.start, values: [bucket.turns, bucket.escalations, bucket.resolutions] }))} />
      <div className="chart-grid">
        <BarChart title="p95 latency per agent" bars={summary.agents.flatMap((agent) => (agent.latencyMs.count === 0 ? [] : [{ label: agentLabel(agent.agentId), value: agent.latencyMs.p95 }]))} format={formatMs} />
        <BarChart title="Resolution rate per agent" bars={summary.agents.flatMap((agent) => (agent.conversations === 0 ? [] : [{ label: agentLabel(agent.agentId), value: agent.resolutionRate }]))} format={formatRate} target={{ value: TARGETS.resolutionRate, label: 'target 70 %' }} />
        <BarChart title="Escalation rate per agent" bars={summary.agents.flatMap((agent) => (agent.conversations === 0 ? [] : [{ label: agentLabel(agent.agentId), value: agent.escalationRate }]))} format={formatRate} target={{ value: TARGETS.escalationRate, label: 'target 15 %' }} />
        <BarChart title="CSAT per agent" bars={summary.agents.flatMap((agent) => (agent.csat === null ? [] : [{ label: agentLabel(agent.agentId), value: agent.csat }]))} format={(value) => value.toFixed(2)} target={{ value: TARGETS.csat, label: 'target 4.2' }} />
      </div>
      <ConfusionMatrix labels={summary.routing.labels} matrix={summary.routing.matrix} accuracy={summary.routing.accuracy} />
    </>
  );
}

export function Metrics(props: { client: OperatorClient }) {
  const { client } = props;
  const [windowMinutes, setWindowMinutes] = useState(1440);
  const load = useCallback(() => client.metrics(windowMinutes), [client, windowMinutes]);
  const summary = useResource(load, { refreshMs: useRefreshMs() });
  return (
    <section aria-labelledby="metrics-title">
      <div className="screen-title">
        <h1 id="metrics-title">Metrics</h1>
        <label>
          Window{' '}
          <select value={windowMinutes} onChange={(event) => setWindowMinutes(Number(event.target.value))}>
            {WINDOWS.map((option) => (
              <option key={option.minutes} value={option.minutes}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={summary.reload}>
          Refresh
        </button>
      </div>
      {summary.error && <ErrorPanel error={summary.error} what="The metrics" onRetry={summary.reload} />}
      {summary.data && <Dashboard summary={summary.data} />}
    </section>
  );
}
