/**
 * Prometheus metrics (`/metrics`): HTTP requests, turns and their latency, per-agent latency,
 * escalations, handoffs, tokens, queue depth, CSAT. One registry per service instance, so several
 * instances (tests) never share counters.
 */
import type { AgentEvent } from '@switchboard/core';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds: 5 ms … 60 s (turns include engine time; LLM turns take seconds). */
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5, 10, 20, 30, 60];

/** The service's metrics. */
export interface DeskMetrics {
  readonly registry: Registry;
  /** One HTTP request: method, route pattern (never the raw URL), status, duration in seconds. */
  observeRequest(input: { method: string; route: string; status: number; seconds: number }): void;
  /** One finished turn: its outcome (`failed` when it failed), duration in seconds, and the audit events it wrote. */
  observeTurn(input: { outcome: string; seconds: number; events: readonly AgentEvent[] }): void;
  /** One CSAT rating (1–5). */
  observeFeedback(rating: number): void;
}

/**
 * Creates the metrics.
 * @param options.queueDepth - Read at each scrape: queued and running turns.
 * @param options.defaultMetrics - Also collect Node process metrics. @defaultValue true
 */
export function createMetrics(options: { queueDepth: () => Promise<{ queued: number; running: number }>; defaultMetrics?: boolean }): DeskMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'switchboard_' });
  const requests = new Counter({ name: 'switchboard_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const requestSeconds = new Histogram({ name: 'switchboard_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route'], buckets: SECONDS_BUCKETS, registers: [registry] });
  const turns = new Counter({ name: 'switchboard_turns_total', help: 'Finished turns by outcome', labelNames: ['outcome'], registers: [registry] });
  const turnSeconds = new Histogram({ name: 'switchboard_turn_duration_seconds', help: 'Turn duration from claim to reply', labelNames: ['outcome'], buckets: SECONDS_BUCKETS, registers: [registry] });
  const agentSeconds = new Histogram({ name: 'switchboard_agent_duration_seconds', help: 'Agent run duration per agent', labelNames: ['agent'], buckets: SECONDS_BUCKETS, registers: [registry] });
  const escalations = new Counter({ name: 'switchboard_escalations_total', help: 'Escalations to the human queue by queue', labelNames: ['queue'], registers: [registry] });
  const handoffs = new Counter({ name: 'switchboard_handoffs_total', help: 'Agent-to-agent handoffs', registers: [registry] });
  const qaVerdicts = new Counter({ name: 'switchboard_qa_verdicts_total', help: 'QA gate verdicts on drafted replies, per agent', labelNames: ['agent', 'verdict'], registers: [registry] });
  const tokens = new Counter({ name: 'switchboard_tokens_total', help: 'Model tokens by direction', labelNames: ['direction'], registers: [registry] });
  const feedback = new Histogram({ name: 'switchboard_csat_rating', help: 'CSAT ratings (1-5)', buckets: [1, 2, 3, 4, 5], registers: [registry] });
  new Gauge({
    name: 'switchboard_queue_depth',
    help: 'Turns waiting (queued) and being processed (running)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const depth = await options.queueDepth().catch(() => undefined);
      if (depth === undefined) return;
      this.set({ state: 'queued' }, depth.queued);
      this.set({ state: 'running' }, depth.running);
    },
  });

  return {
    registry,
    observeRequest({ method, route, status, seconds }) {
      requests.inc({ method, route, status: String(status) });
      requestSeconds.observe({ method, route }, seconds);
    },
    observeTurn({ outcome, seconds, events }) {
      turns.inc({ outcome });
      turnSeconds.observe({ outcome }, seconds);
      for (const event of events) {
        if (event.type === 'agent_invoke' && event.agentId !== undefined && event.latencyMs !== undefined) agentSeconds.observe({ agent: event.agentId }, event.latencyMs / 1000);
        if (event.type === 'handoff') handoffs.inc();
        if (event.type === 'qa_review') qaVerdicts.inc({ agent: event.agentId ?? 'unknown', verdict: typeof event.data.verdict === 'string' ? event.data.verdict : 'unknown' });
        if (event.type === 'escalation') escalations.inc({ queue: typeof event.data.queue === 'string' ? event.data.queue : 'unknown' });
        if (event.tokens) {
          tokens.inc({ direction: 'input' }, event.tokens.input);
          tokens.inc({ direction: 'output' }, event.tokens.output);
        }
      }
    },
    observeFeedback: (rating) => feedback.observe(rating),
  };
}
