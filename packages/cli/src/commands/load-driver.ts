/**
 * The load generator behind `switchboard bench load`: an HTTP client of the public API only.
 */

/** What one load run measured. Latencies in milliseconds; throughput in turns per second. */
export interface LoadReport {
  conversations: number;
  turnsPerConversation: number;
  engineLatencyMs: number;
  turns: number;
  errors: number;
  /** Failed turns by reason (`http_503`, `turn_queued` (not done within the wait), `no_reply`, `network_<code>`). */
  errorsByReason: Record<string, number>;
  elapsedSeconds: number;
  throughput: number;
  /** conversations / engine latency: every conversation always has a turn in the engine. */
  idealThroughput: number | null;
  /** throughput / idealThroughput (target ≥ 0.95). */
  throughputRatio: number | null;
  /** Round-trip time of `POST …/messages?wait=true` minus the engine latency (target p99 ≤ 50 ms). */
  addedLatencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
}

/** Questions every run answers from the knowledge base (each turn runs one agent). */
const QUESTIONS = [
  "what's your return policy?",
  'how long does shipping take?',
  'do you ship internationally?',
  'what payment methods do you accept?',
  'how do I contact customer service?',
  'can I exchange an item for a different size?',
];

function percentile(sorted: readonly number[], quantile: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1))] ?? 0;
}

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${url}/readyz`).then((response) => response.ok, () => false);
    if (ok) return;
    if (performance.now() > deadline) throw new Error(`the server at ${url} was not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function createConversation(url: string): Promise<{ id: string; token: string }> {
  const response = await fetch(`${url}/v1/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'load' }) });
  if (response.status !== 201) throw new Error(`creating a conversation failed with HTTP ${response.status}`);
  const body = (await response.json()) as { conversation: { id: string }; token: string };
  return { id: body.conversation.id, token: body.token };
}

type TurnSample = { ok: true; ms: number } | { ok: false; reason: string };

async function sendTurn(url: string, input: { conversation: { id: string; token: string }; text: string }): Promise<TurnSample> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/v1/conversations/${input.conversation.id}/messages?wait=true&timeoutMs=60000`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${input.conversation.token}` },
      body: JSON.stringify({ text: input.text }),
    });
    const body = (await response.json()) as { turn?: { status: string; replies: unknown[] } };
    const ms = performance.now() - started;
    if (response.status !== 200) return { ok: false, reason: `http_${response.status}` };
    if (body.turn?.status !== 'done') return { ok: false, reason: `turn_${body.turn?.status ?? 'missing'}` };
    if (body.turn.replies.length === 0) return { ok: false, reason: 'no_reply' };
    return { ok: true, ms };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ((error.cause as Error & { code?: string }).code ?? error.cause.name) : 'unknown';
    return { ok: false, reason: `network_${cause}` };
  }
}

/** Runs `tasks` with at most `limit` at once. */
async function inBatches<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}

/**
 * Drives the API at `url` (see the module comment of `bench-load.ts`).
 * @param options.conversations - Concurrent conversations (N).
 * @param options.turns - Messages per conversation, sequential.
 * @param options.engineLatencyMs - The engine latency the server simulates (X), subtracted from each round trip.
 */
export async function runLoad(options: { url: string; conversations: number; turns: number; engineLatencyMs: number }): Promise<LoadReport> {
  const { url, conversations, turns, engineLatencyMs } = options;
  await waitUntilReady(url, 120_000);
  const warmup = await createConversation(url);
  await sendTurn(url, { conversation: warmup, text: QUESTIONS[0] ?? 'hello' });
  const sessions = await inBatches(Array.from({ length: conversations }, () => () => createConversation(url)), 100);

  const samples: TurnSample[] = [];
  const started = performance.now();
  await Promise.all(
    sessions.map(async (conversation, index) => {
      for (let turn = 0; turn < turns; turn += 1) samples.push(await sendTurn(url, { conversation, text: QUESTIONS[(index + turn) % QUESTIONS.length] ?? 'hello' }));
    }),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;

  const added = samples.flatMap((sample) => (sample.ok ? [sample.ms - engineLatencyMs] : [])).sort((a, b) => a - b);
  const errorsByReason: Record<string, number> = {};
  for (const sample of samples) if (!sample.ok) errorsByReason[sample.reason] = (errorsByReason[sample.reason] ?? 0) + 1;
  const throughput = added.length / elapsedSeconds;
  const idealThroughput = engineLatencyMs > 0 ? conversations / (engineLatencyMs / 1000) : null;
  return {
    conversations,
    turnsPerConversation: turns,
    engineLatencyMs,
    turns: samples.length,
    errors: samples.length - added.length,
    errorsByReason,
    elapsedSeconds: round(elapsedSeconds, 2),
    throughput: round(throughput),
    idealThroughput: idealThroughput === null ? null : round(idealThroughput),
    throughputRatio: idealThroughput === null ? null : round(throughput / idealThroughput, 3),
    addedLatencyMs: {
      p50: round(percentile(added, 0.5)),
      p95: round(percentile(added, 0.95)),
      p99: round(percentile(added, 0.99)),
      max: round(added.at(-1) ?? 0),
      mean: round(added.reduce((sum, value) => sum + value, 0) / Math.max(1, added.length)),
    },
  };
}

/** A readable summary of a {@link LoadReport}. */
export function loadReportText(report: LoadReport): string {
  return [
    `${report.conversations} conversations × ${report.turnsPerConversation} turns, engine latency ${report.engineLatencyMs} ms`,
    `throughput ${report.throughput} turns/s${report.idealThroughput === null ? '' : ` (ideal ${report.idealThroughput}, ratio ${report.throughputRatio})`}`,
    `added latency p50 ${report.addedLatencyMs.p50} ms, p95 ${report.addedLatencyMs.p95} ms, p99 ${report.addedLatencyMs.p99} ms, max ${report.addedLatencyMs.max} ms`,
    `errors ${report.errors}${report.errors > 0 ? ` ${JSON.stringify(report.errorsByReason)}` : ''} in ${report.elapsedSeconds} s`,
  ].join('\n');
}
