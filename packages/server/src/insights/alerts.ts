/**
 * The console's alert rules (`GET /v1/alerts`), evaluated now over the audit log, CSAT ratings,
 * open tickets and circuit breakers. Pure: the route loads the records.
 *
 * Source of the rules: the multi-agent support write-up in `../shared/reference` ("Alert
 * Conditions": escalation rate jumps > 25 % in an hour; a ticket bouncing between agents 3+
 * times; average resolution time doubling; satisfaction below 3.5 for any agent), plus the desk's
 * own SLA due times (issue 5) and circuit breakers.
 */
import type { AgentEvent, DeskConfig, Ticket } from '@switchboard/core';
import type { FeedbackRecord } from '@switchboard/stores';
import type { z } from 'zod';
import type { AlertSchema } from '../protocol.js';
import { conversationsOf, turnsOf } from './facts.js';
import type { TurnFacts } from './facts.js';
import { mean, rate } from './stats.js';

export type Alert = z.infer<typeof AlertSchema>;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Thresholds of the rules; {@link ALERT_RULES} holds the defaults. */
export interface AlertThresholds {
  /** Escalation rate of the last hour above this multiple of the previous 24 h rate (> 25 %). */
  escalationSpikeRatio: number;
  /** Escalated conversations in the last hour needed before a spike alerts (one ticket never does). */
  escalationSpikeMinCount: number;
  /** Handoffs in one turn that make a routing loop (3+ bounces). */
  loopHops: number;
  /** Mean resolution time of the last hour at or above this multiple of the previous 24 h ("doubles"). */
  resolutionCreepRatio: number;
  /** Resolved conversations needed in each of the two periods before the creep rule compares them. */
  resolutionCreepMinCount: number;
  /** An agent's mean CSAT (1–5) below this alerts… */
  csatFloor: number;
  /** …over at least this many ratings. */
  csatMinRatings: number;
}

/** Default thresholds (see the module comment for their source). */
export const ALERT_RULES: Readonly<AlertThresholds> = Object.freeze({
  escalationSpikeRatio: 1.25,
  escalationSpikeMinCount: 3,
  loopHops: 3,
  resolutionCreepRatio: 2,
  resolutionCreepMinCount: 3,
  csatFloor: 3.5,
  csatMinRatings: 3,
});

/** What {@link evaluateAlerts} reads. Times are epoch milliseconds. */
export interface AlertInput {
  desk: Pick<DeskConfig, 'agents'>;
  /** Audit events of (at least) the last 25 hours: the last hour and the 24 hours before it. */
  events: readonly AgentEvent[];
  /** CSAT ratings of the last 24 hours. */
  feedback: readonly FeedbackRecord[];
  /** Agents that answered each rated conversation whose turns are not in `events` (older conversations). */
  ratedAgents?: ReadonlyMap<string, readonly string[]>;
  /** Open tickets (status `open`: no operator has taken them). */
  openTickets: readonly Ticket[];
  /** Breaker keys (`agent:<id>`, `tool:<name>`) that are open now. */
  openCircuits: readonly string[];
  nowMs: number;
  thresholds?: Partial<AlertThresholds>;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

function escalationSpike(turns: readonly TurnFacts[], input: { nowMs: number; rules: AlertThresholds }): Alert[] {
  const { nowMs, rules } = input;
  const recent = [...conversationsOf(turns.filter((turn) => turn.startMs >= nowMs - HOUR_MS)).values()];
  const baseline = [...conversationsOf(turns.filter((turn) => turn.startMs < nowMs - HOUR_MS && turn.startMs >= nowMs - 25 * HOUR_MS)).values()];
  const escalated = recent.filter((facts) => facts.escalated).length;
  const recentRate = rate(escalated, recent.length);
  const threshold = rules.escalationSpikeRatio * rate(baseline.filter((facts) => facts.escalated).length, baseline.length);
  if (escalated < rules.escalationSpikeMinCount || recentRate <= threshold) return [];
  return [{
    id: 'escalation_spike',
    rule: 'escalation_spike',
    severity: recentRate >= 2 * threshold ? 'critical' : 'warning',
    message: `Escalation rate in the last hour is ${Math.round(recentRate * 100)} % (${escalated} of ${recent.length} conversations), above ${Math.round(threshold * 100)} % (1.25 × the previous 24 h): check for an outage or a failing agent.`,
    value: round(recentRate),
    threshold: round(threshold),
    since: iso(nowMs - HOUR_MS),
  }];
}

/** A→B then B→A among the transfers, in order. */
function pingPong(handoffs: readonly { from: string; to: string }[]): boolean {
  return handoffs.some((first, position) => handoffs.slice(position + 1).some((later) => later.from === first.to && later.to === first.from));
}

function routingLoops(turns: readonly TurnFacts[], input: { nowMs: number; rules: AlertThresholds }): Alert[] {
  const recent = turns.filter((turn) => turn.endMs >= input.nowMs - HOUR_MS);
  const byConversation = new Map<string, TurnFacts[]>();
  for (const turn of recent) {
    const turns = byConversation.get(turn.conversationId);
    if (turns) turns.push(turn);
    else byConversation.set(turn.conversationId, [turn]);
  }
  const alerts: Alert[] = [];
  for (const [conversationId, conversationTurns] of byConversation) {
    const handoffs = conversationTurns.flatMap((turn) => turn.handoffs);
    const mostHops = Math.max(0, ...conversationTurns.map((turn) => turn.handoffs.length));
    const stoppedByDesk = conversationTurns.some((turn) => turn.escalationTriggers.some((trigger) => trigger === 'handoff_loop' || trigger === 'max_hops'));
    if (mostHops < input.rules.loopHops && !pingPong(handoffs) && !stoppedByDesk) continue;
    const first = conversationTurns[0];
    alerts.push({
      id: `routing_loop:${conversationId}`,
      rule: 'routing_loop',
      severity: 'warning',
      message: `A conversation bounced between agents (${handoffs.length} handoffs in the last hour${mostHops >= input.rules.loopHops ? `, ${mostHops} in one turn` : ', back and forth'}): review its timeline and the agents' handoff rules.`,
      value: Math.max(mostHops, handoffs.length),
      threshold: input.rules.loopHops,
      since: iso(first?.startMs ?? input.nowMs),
      conversationId,
    });
  }
  return alerts;
}

function resolutionCreep(turns: readonly TurnFacts[], input: { nowMs: number; rules: AlertThresholds }): Alert[] {
  const { nowMs, rules } = input;
  const resolved = [...conversationsOf(turns).values()].filter((facts) => facts.resolvedAtMs !== undefined);
  const durations = (fromMs: number, toMs: number) => resolved.filter((facts) => (facts.resolvedAtMs ?? 0) >= fromMs && (facts.resolvedAtMs ?? 0) < toMs).map((facts) => (facts.resolvedAtMs ?? 0) - facts.firstMs);
  const recent = durations(nowMs - HOUR_MS, nowMs + 1);
  const baseline = durations(nowMs - 25 * HOUR_MS, nowMs - HOUR_MS);
  if (recent.length < rules.resolutionCreepMinCount || baseline.length < rules.resolutionCreepMinCount) return [];
  const recentMean = mean(recent) ?? 0;
  const threshold = rules.resolutionCreepRatio * (mean(baseline) ?? 0);
  if (recentMean < threshold || recentMean === 0) return [];
  return [{
    id: 'resolution_time_creep',
    rule: 'resolution_time_creep',
    severity: 'warning',
    message: `Mean resolution time in the last hour is ${Math.round(recentMean / 1000)} s, at least twice the previous 24 h (${Math.round(threshold / 2000)} s): find the agent or category causing it.`,
    value: Math.round(recentMean),
    threshold: Math.round(threshold),
    since: iso(nowMs - HOUR_MS),
  }];
}

function csatDrops(turns: readonly TurnFacts[], input: AlertInput & { rules: AlertThresholds }): Alert[] {
  const answered = conversationsOf(turns);
  const byAgent = new Map<string, { ratings: number[]; sinceMs: number }>();
  for (const record of input.feedback) {
    const agents = answered.get(record.conversationId)?.answeredBy ?? new Set(input.ratedAgents?.get(record.conversationId) ?? []);
    for (const agentId of agents) {
      const entry = byAgent.get(agentId) ?? { ratings: [], sinceMs: Date.parse(record.updatedAt) };
      entry.ratings.push(record.rating);
      entry.sinceMs = Math.min(entry.sinceMs, Date.parse(record.updatedAt));
      byAgent.set(agentId, entry);
    }
  }
  const alerts: Alert[] = [];
  for (const [agentId, { ratings, sinceMs }] of byAgent) {
    const average = mean(ratings) ?? 5;
    if (ratings.length < input.rules.csatMinRatings || average >= input.rules.csatFloor) continue;
    alerts.push({
      id: `csat_drop:${agentId}`,
      rule: 'csat_drop',
      severity: 'warning',
      message: `Customers rate agent ${agentId} ${average.toFixed(2)} on average over ${ratings.length} ratings in the last 24 h (below ${input.rules.csatFloor}): review its recent conversations.`,
      value: round(average, 2),
      threshold: input.rules.csatFloor,
      since: iso(sinceMs),
      agentId,
    });
  }
  return alerts;
}

function slaBreaches(input: AlertInput): Alert[] {
  return input.openTickets
    .filter((ticket) => ticket.status === 'open' && Date.parse(ticket.slaDueAt) <= input.nowMs)
    .map((ticket) => {
      const overdueMinutes = Math.floor((input.nowMs - Date.parse(ticket.slaDueAt)) / MINUTE_MS);
      return {
        id: `sla_breach:${ticket.id}`,
        rule: 'sla_breach' as const,
        severity: ticket.priority === 'urgent' || ticket.priority === 'high' ? ('critical' as const) : ('warning' as const),
        message: `Ticket ${ticket.id} (${ticket.priority}, queue ${ticket.queue}) is past its SLA by ${overdueMinutes} min and nobody has claimed it.`,
        value: overdueMinutes,
        threshold: 0,
        since: ticket.slaDueAt,
        ticketId: ticket.id,
        conversationId: ticket.conversationId,
      };
    });
}

function openCircuits(input: AlertInput): Alert[] {
  return input.openCircuits.map((key) => {
    const [kind, name = key] = key.split(':', 2);
    const isAgent = kind === 'agent';
    return {
      id: `circuit_open:${key}`,
      rule: 'circuit_open' as const,
      severity: 'critical' as const,
      message: `The circuit breaker of ${isAgent ? 'agent' : 'tool'} ${name} is open after repeated failures: its requests are escalated or refused until it cools down.`,
      value: 1,
      threshold: 1,
      // Breakers do not record when they opened: the evaluation time is the best bound.
      since: iso(input.nowMs),
      ...(isAgent ? { agentId: name } : {}),
    };
  });
}

/**
 * Evaluates every rule now.
 * @returns Active alerts, most severe first (critical, then warning), each with a stable `id`
 *   (`<rule>` or `<rule>:<subject>`) so a client can de-duplicate between polls; an empty list
 *   when all is well.
 */
export function evaluateAlerts(input: AlertInput): Alert[] {
  const rules: AlertThresholds = { ...ALERT_RULES, ...input.thresholds };
  const turns = turnsOf(input.events.filter((event) => Date.parse(event.time) <= input.nowMs)).filter((turn) => turn.desk);
  const context = { nowMs: input.nowMs, rules };
  const alerts = [
    ...escalationSpike(turns, context),
    ...routingLoops(turns, context),
    ...resolutionCreep(turns, context),
    ...csatDrops(turns.filter((turn) => turn.startMs >= input.nowMs - 25 * HOUR_MS), { ...input, rules }),
    ...slaBreaches(input),
    ...openCircuits(input),
  ];
  return alerts.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1));
}
