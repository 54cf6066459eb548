/**
 * The load generator behind `switchboard bench load`: an HTTP client of the public API only,
 * on `node:http` with one keep-alive connection per conversation (lighter than `fetch`, so the
 * client's own CPU — reported as `clientCpuMs` — stays small next to the server's).
 */
import { Agent, request } from 'node:http';

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
  /** How the conversations' first turns were spread: over `rampMs` milliseconds (0: all at once). */
  rampMs: number;
  /**
   * Turns per second in the steady window — from the moment every conversation has started to
   * the moment the first one finished (all N conversations active); the whole run when that
   * window is shorter than one engine latency (too few turns) or `rampMs` is 0.
   */
  throughput: number;
  /** The window `throughput` was counted over: seconds since the first turn was sent, and how many turns finished in it. */
  steadyWindow: { fromSeconds: number; toSeconds: number; turns: number } | null;
  /** Turns completed over the whole run (ramp-up and ramp-down included) per second. */
  overallThroughput: number;
  /** conversations / engine latency: every conversation always has a turn in the engine. */
  idealThroughput: number | null;
  /** throughput / idealThroughput (target ≥ 0.95). */
  throughputRatio: number | null;
  /** Round-trip time of `POST …/messages?wait=true` minus the engine latency (target p99 ≤ 50 ms). */
  addedLatencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** CPU time of this client process (user + system) during the measured turns, in milliseconds, and per turn. */
  clientCpuMs: { total: number; perTurn: number };
  /** CPU time of the server process during the measured turns (when `runLoad` was given `serverCpuMs`), in milliseconds, and per turn. */
  serverCpuMs?: { total: number; perTurn: number };
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

/** One JSON request over `agent`. Network failures reject with the socket error (`code` set). */
function requestJson(agent: Agent, input: { url: string; method: 'GET' | 'POST'; token?: string; body?: unknown }): Promise<{ status: number; body: unknown }> {
  const payload = input.body === undefined ? undefined : JSON.stringify(input.body);
  return new Promise((resolve, reject) => {
    const outgoing = request(input.url, {
      agent,
      method: input.method,
      headers: {
        ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        ...(input.token === undefined ? {} : { authorization: `Bearer ${input.token}` }),
      },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: response.statusCode ?? 0, body: text.length > 0 ? (JSON.parse(text) as unknown) : undefined });
        } catch (error) {
          reject(error instanceof Error ? error : new Error('unreadable response'));
        }
      });
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${url}/readyz`).then((response) => response.ok, () => false);
    if (ok) return;
    if (performance.now() > deadline) throw new Error(`the server at ${url} was not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function createConversation(agent: Agent, url: string): Promise<{ id: string; token: string }> {
  const response = await requestJson(agent, { url: `${url}/v1/conversations`, method: 'POST', body: { channel: 'load' } });
  if (response.status !== 201) throw new Error(`creating a conversation failed with HTTP ${response.status}`);
  const body = response.body as { conversation: { id: string }; token: string };
  return { id: body.conversation.id, token: body.token };
}

/** One turn: its round trip (`ms`) and when it finished (`endMs`, milliseconds since the run started). */
type TurnSample = { ok: true; ms: number; endMs: number } | { ok: false; reason: string };

async function sendTurn(agent: Agent, url: string, input: { conversation: { id: string; token: string }; text: string }): Promise<TurnSample> {
  const started = performance.now();
  try {
    const response = await requestJson(agent, { url: `${url}/v1/conversations/${input.conversation.id}/messages?wait=true&timeoutMs=60000`, method: 'POST', token: input.conversation.token, body: { text: input.text } });
    const ms = performance.now() - started;
    const body = response.body as { turn?: { status: string; replies: unknown[] } } | undefined;
    if (response.status !== 200) return { ok: false, reason: `http_${response.status}` };
    if (body?.turn?.status !== 'done') return { ok: false, reason: `turn_${body?.turn?.status ?? 'missing'}` };
    if (body.turn.replies.length === 0) return { ok: false, reason: 'no_reply' };
    return { ok: true, ms, endMs: performance.now() };
  } catch (error) {
    const code = error instanceof Error ? ((error as Error & { code?: string }).code ?? error.name) : 'unknown';
    return { ok: false, reason: `network_${code}` };
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

/** Options of {@link runLoad}. */
export interface LoadOptions {
  url: string;
  /** Concurrent conversations (N). */
  conversations: number;
  /** Messages per conversation, sent one after another. */
  turns: number;
  /** The engine latency the server simulates (X, milliseconds), subtracted from each round trip. */
  engineLatencyMs: number;
  /**
   * Conversation `i` sends its first message `i × rampMs / N` milliseconds after the run starts,
   * so arrivals are spread as in a live desk instead of N messages in the same millisecond.
   * @defaultValue `engineLatencyMs`; 0 sends every first message at once.
   */
  rampMs?: number;
  /** CPU time of the server process so far, in milliseconds (when the caller can read it). */
  serverCpuMs?: () => number | undefined;
}

/**
 * Drives the API at `url` (see the module comment of `bench-load.ts`): creates N conversations,
 * then each sends `turns` messages one after another with `?wait=true`.
 * @returns the {@link LoadReport}; failed turns are counted in `errors`, never thrown.
 * @throws Error when the server is not ready within 120 s or a conversation cannot be created.
 */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const { url, conversations, turns } = options;
  const rampMs = Math.max(0, options.rampMs ?? options.engineLatencyMs);
  await waitUntilReady(url, 120_000);
  // One keep-alive connection per conversation, kept open longer than any wait.
  const agent = new Agent({ keepAlive: true, keepAliveMsecs: 1000, maxSockets: conversations + 1, maxFreeSockets: conversations + 1, timeout: 120_000 });
  try {
    const warmup = await createConversation(agent, url);
    await sendTurn(agent, url, { conversation: warmup, text: QUESTIONS[0] ?? 'hello' });
    const sessions = await inBatches(Array.from({ length: conversations }, () => () => createConversation(agent, url)), 100);
    const serverBefore = options.serverCpuMs?.();
    const measured = await measure(sessions, (conversation, text) => sendTurn(agent, url, { conversation, text }), { turns, rampMs });
    const serverAfter = options.serverCpuMs?.();
    const report = summarize({ ...options, rampMs, ...measured });
    if (serverBefore === undefined || serverAfter === undefined) return report;
    const serverMs = serverAfter - serverBefore;
    return { ...report, serverCpuMs: { total: round(serverMs), perTurn: round(serverMs / Math.max(1, report.turns), 3) } };
  } finally {
    agent.destroy();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Measured {
  samples: TurnSample[];
  elapsedSeconds: number;
  cpu: NodeJS.CpuUsage;
  /** Milliseconds since the start when the last conversation sent its first message, and when the first conversation finished. */
  allStartedMs: number;
  firstFinishedMs: number;
}

/** Every conversation sends its turns one after another; conversation `i` starts `i × rampMs / N` ms in. */
async function measure(sessions: readonly { id: string; token: string }[], send: (conversation: { id: string; token: string }, text: string) => Promise<TurnSample>, plan: { turns: number; rampMs: number }): Promise<Measured> {
  const samples: TurnSample[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let allStartedMs = 0;
  let firstFinishedMs = Number.POSITIVE_INFINITY;
  await Promise.all(
    sessions.map(async (conversation, index) => {
      const offset = sessions.length > 1 ? (index * plan.rampMs) / sessions.length : 0;
      if (offset > 0) await sleep(offset);
      allStartedMs = Math.max(allStartedMs, performance.now() - started);
      for (let turn = 0; turn < plan.turns; turn += 1) {
        const sample = await send(conversation, QUESTIONS[(index + turn) % QUESTIONS.length] ?? 'hello');
        samples.push(sample.ok ? { ...sample, endMs: sample.endMs - started } : sample);
      }
      firstFinishedMs = Math.min(firstFinishedMs, performance.now() - started);
    }),
  );
  return { samples, elapsedSeconds: (performance.now() - started) / 1000, cpu: process.cpuUsage(cpuBefore), allStartedMs, firstFinishedMs };
}

function summarize(input: { conversations: number; turns: number; engineLatencyMs: number; rampMs: number } & Measured): LoadReport {
  const { conversations, turns, engineLatencyMs, samples, elapsedSeconds } = input;
  const clientCpuMs = (input.cpu.user + input.cpu.system) / 1000;

  const succeeded = samples.flatMap((sample) => (sample.ok ? [sample] : []));
  const added = succeeded.map((sample) => sample.ms - engineLatencyMs).sort((a, b) => a - b);
  const errorsByReason: Record<string, number> = {};
  for (const sample of samples) if (!sample.ok) errorsByReason[sample.reason] = (errorsByReason[sample.reason] ?? 0) + 1;
  const overallThroughput = succeeded.length / elapsedSeconds;
  // The steady window: every conversation active. Needs at least one engine latency to mean anything.
  const windowMs = input.firstFinishedMs - input.allStartedMs;
  const steady = input.rampMs > 0 && windowMs >= Math.max(1, engineLatencyMs)
    ? { fromMs: input.allStartedMs, toMs: input.firstFinishedMs, turns: succeeded.filter((sample) => sample.endMs > input.allStartedMs && sample.endMs <= input.firstFinishedMs).length }
    : undefined;
  const throughput = steady ? steady.turns / ((steady.toMs - steady.fromMs) / 1000) : overallThroughput;
  const idealThroughput = engineLatencyMs > 0 ? conversations / (engineLatencyMs / 1000) : null;
  return {
    conversations,
    turnsPerConversation: turns,
    engineLatencyMs,
    turns: samples.length,
    errors: samples.length - succeeded.length,
    errorsByReason,
    elapsedSeconds: round(elapsedSeconds, 2),
    rampMs: input.rampMs,
    throughput: round(throughput),
    steadyWindow: steady ? { fromSeconds: round(steady.fromMs / 1000, 2), toSeconds: round(steady.toMs / 1000, 2), turns: steady.turns } : null,
    overallThroughput: round(overallThroughput),
    idealThroughput: idealThroughput === null ? null : round(idealThroughput),
    throughputRatio: idealThroughput === null ? null : round(throughput / idealThroughput, 3),
    addedLatencyMs: {
      p50: round(percentile(added, 0.5)),
      p95: round(percentile(added, 0.95)),
      p99: round(percentile(added, 0.99)),
      max: round(added.at(-1) ?? 0),
      mean: round(added.reduce((sum, value) => sum + value, 0) / Math.max(1, added.length)),
    },
    clientCpuMs: { total: round(clientCpuMs), perTurn: round(clientCpuMs / Math.max(1, samples.length), 3) },
  };
}

/** A readable summary of a {@link LoadReport}. */
export function loadReportText(report: LoadReport): string {
  return [
    `${report.conversations} conversations × ${report.turnsPerConversation} turns, engine latency ${report.engineLatencyMs} ms`,
    `throughput ${report.throughput} turns/s${report.idealThroughput === null ? '' : ` (ideal ${report.idealThroughput}, ratio ${report.throughputRatio})`}${report.steadyWindow ? ` over the steady window ${report.steadyWindow.fromSeconds}–${report.steadyWindow.toSeconds} s` : ''}; overall ${report.overallThroughput} turns/s, ramp-up ${report.rampMs} ms`,
    `added latency p50 ${report.addedLatencyMs.p50} ms, p95 ${report.addedLatencyMs.p95} ms, p99 ${report.addedLatencyMs.p99} ms, max ${report.addedLatencyMs.max} ms`,
    `errors ${report.errors}${report.errors > 0 ? ` ${JSON.stringify(report.errorsByReason)}` : ''} in ${report.elapsedSeconds} s`,
    `client CPU ${report.clientCpuMs.total} ms (${report.clientCpuMs.perTurn} ms per turn)${report.serverCpuMs ? `, server CPU ${report.serverCpuMs.total} ms (${report.serverCpuMs.perTurn} ms per turn)` : ''}`,
  ].join('\n');
}
