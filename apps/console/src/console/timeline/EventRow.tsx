/**
 * One audit event on the timeline: a one-line summary per event type (the fields the turn driver
 * records, see `packages/core/src/orchestrator/driver.ts`), its latency, tokens and cost, and the
 * whole `data` object (handoff payloads, tool arguments and results) behind a disclosure.
 */
import type { AgentEvent } from '../../api.js';
import { agentLabel, formatMs, formatTime, formatUsd } from '../../shared/format.js';

const TYPE_LABEL: Record<AgentEvent['type'], string> = {
  triage: 'Triage',
  route: 'Route',
  agent_invoke: 'Agent',
  tool_call: 'Tool call',
  handoff: 'Handoff',
  qa_review: 'QA review',
  guardrail: 'Guardrail',
  escalation: 'Escalation',
  approval: 'Approval',
  resolution: 'Resolution',
  operator: 'Operator',
  error: 'Error',
};

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : value === undefined || value === null ? '—' : JSON.stringify(value));
const percent = (value: unknown): string => (typeof value === 'number' ? `${Math.round(value * 100)} %` : '—');

/** The event's one-line summary. */
export function eventSummary(event: AgentEvent): string {
  const data = event.data;
  const agent = event.agentId ? agentLabel(event.agentId) : undefined;
  switch (event.type) {
    case 'triage':
      return `intent ${text(data.intent)} · confidence ${percent(data.confidence)} · urgency ${text(data.urgency)} · sentiment ${text(data.sentiment)}`;
    case 'route':
      return data.silent === true ? `bot silent (${text(data.reason)})` : `to ${agentLabel(text(data.agentId))} (${text(data.reason)})${data.fromAgentId ? ` from ${agentLabel(text(data.fromAgentId))}` : ''}`;
    case 'agent_invoke':
      return `${agent ?? 'agent'} answered: ${text(data.status)}, confidence ${percent(data.confidence)}${data.handoffTo ? `, hands off to ${agentLabel(text(data.handoffTo))}` : ''}`;
    case 'tool_call':
      return `${text(data.tool)} ${data.ok === false ? `failed (${text(data.code)})` : 'succeeded'}`;
    case 'handoff': {
      const payload = (data.payload ?? {}) as Record<string, unknown>;
      return `${agentLabel(text(payload.fromAgent))} → ${agentLabel(text(payload.toAgent))}: ${text(payload.handoffReason ?? payload.summary)}`;
    }
    case 'qa_review':
      return `verdict ${text(data.verdict)} → ${text(data.action)}${Array.isArray(data.codes) && data.codes.length > 0 ? ` (${data.codes.map(text).join(', ')})` : ''}`;
    case 'guardrail':
      return data.guard === 'tool_gateway' ? `tool gateway ${text(data.outcome)}: ${text(data.tool)}${data.code ? ` (${text(data.code)})` : ''}` : `${text(data.stage)} ${text(data.action)}${Array.isArray(data.reasons) && data.reasons.length > 0 ? `: ${data.reasons.map(text).join(', ')}` : ''}`;
    case 'escalation':
      return `${text(data.trigger)} → ${text(data.queue)} queue, ${text(data.priority)} priority, ticket ${text(data.ticketId)}`;
    case 'approval':
      return `${text(data.kind)} ${text(data.status)}${data.approvalId ? ` (${text(data.approvalId)})` : ''}`;
    case 'resolution':
      return `outcome ${text(data.outcome)}, conversation ${text(data.status)}`;
    case 'operator':
      return `${text(data.action ?? data.type)} by ${text(data.operatorId ?? event.agentId)}`;
    case 'error':
      return `${text(data.code)} at ${text(data.stage)}`;
  }
}

export function EventRow(props: { event: AgentEvent }) {
  const { event } = props;
  return (
    <li className={`event event-${event.type}`} data-event-type={event.type}>
      <span className="event-head">
        <span className="event-type">{TYPE_LABEL[event.type]}</span>
        {event.agentId && <span className="event-agent">{agentLabel(event.agentId)}</span>}
        <time dateTime={event.time}>{formatTime(event.time)}</time>
        {event.latencyMs !== undefined && <span className="muted">{formatMs(event.latencyMs)}</span>}
        {event.tokens && (
          <span className="muted">
            {event.tokens.input}+{event.tokens.output} tokens
          </span>
        )}
        {event.costUsd !== undefined && <span className="muted">{formatUsd(event.costUsd)}</span>}
      </span>
      <span className="event-summary">{eventSummary(event)}</span>
      <details>
        <summary>Details</summary>
        <pre>{JSON.stringify(event.data, null, 2)}</pre>
      </details>
    </li>
  );
}
