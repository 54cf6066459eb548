/**
 * Resilience at the model boundary: the token budget, a circuit breaker per provider, a timeout
 * per attempt, retries with exponential backoff on retryable failures only, and one cost record
 * per successful call. Wraps any AI SDK v3 model, so every role and the SDK's own loop get it.
 */
import { APICallError } from 'ai';
import { EngineError, SwitchboardError, type CircuitBreakers } from '@switchboard/core';
import type { CallContext, CostLedger } from './ledger.js';
import type { LanguageModelV3, ModelCallOptions, ModelGenerateResult, ModelStreamResult, ModelUsage } from './types.js';

/** Retry and timeout limits of one model call. */
export interface CallLimits {
  /** Upper bound on one attempt (until the response, or the stream's start), in milliseconds. */
  callTimeoutMs: number;
  /** Retries after a retryable failure (0–5). */
  maxRetries: number;
  /** First retry delay in milliseconds; doubles per retry, ±20 % jitter. */
  retryBaseDelayMs: number;
}

/** What the resilient wrapper shares across calls: breakers, ledger, limits, and the sleep and jitter sources. */
export interface ResilienceDependencies {
  breakers: CircuitBreakers;
  ledger: CostLedger;
  limits: CallLimits;
  /** Waits `ms` milliseconds. @defaultValue a timer */
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1) for jitter. @defaultValue Math.random */
  random?: () => number;
}

/** Why a model call failed, without message text: `timeout`, `http_<status>`, `network`, `circuit_open` or `other`. */
export type ModelFailureReason = 'timeout' | 'network' | 'circuit_open' | 'other' | `http_${number}`;

/** The breaker key of a provider's models. */
export const providerBreakerKey = (provider: string): string => `provider:${provider.split('.')[0] ?? provider}`;

/** Marks our own timeout, so it is never confused with another abort. */
class AttemptTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Model call exceeded ${timeoutMs} ms`);
  }
}

function classify(error: unknown): { reason: ModelFailureReason; retryable: boolean; status?: number } {
  if (error instanceof AttemptTimeout) return { reason: 'timeout', retryable: true };
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined) return { reason: 'network', retryable: error.isRetryable };
    return { reason: `http_${status}`, retryable: error.isRetryable, status };
  }
  return { reason: 'other', retryable: false };
}

function tokensOf(usage: ModelUsage): { input: number; output: number } {
  return { input: usage.inputTokens.total ?? 0, output: usage.outputTokens.total ?? 0 };
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wraps `model` for one run (`context` says for whom): budget check, provider breaker, timeout,
 * retries, cost record. Create one per agent run; the dependencies are shared by the desk.
 *
 * @throws LimitExceededError `LIMIT_EXCEEDED` (from the ledger) when the conversation's budget is spent.
 * @throws EngineError `ENGINE_FAILED` with `details.reason` (`circuit_open`, `timeout`, `http_503`…),
 *   `details.provider` and `isRetryable` after the last attempt; a `SwitchboardError` thrown by the
 *   model itself (a scripted double) passes through unchanged.
 */
export class ResilientModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider: string;
  readonly modelId: string;
  private readonly inner: LanguageModelV3;
  private readonly dependencies: ResilienceDependencies;
  private readonly context: CallContext;
  private readonly breakerKey: string;

  constructor(options: { model: LanguageModelV3; dependencies: ResilienceDependencies; context: CallContext }) {
    this.inner = options.model;
    this.dependencies = options.dependencies;
    this.context = options.context;
    this.provider = options.model.provider;
    this.modelId = options.model.modelId;
    this.breakerKey = providerBreakerKey(options.model.provider);
  }

  get supportedUrls(): LanguageModelV3['supportedUrls'] {
    return this.inner.supportedUrls;
  }

  doGenerate(options: ModelCallOptions): Promise<ModelGenerateResult> {
    return this.attempt((signal) => this.inner.doGenerate(withSignal(options, signal)), options.abortSignal).then((done) => {
      this.record(done.value.usage, done);
      return done.value;
    });
  }

  async doStream(options: ModelCallOptions): Promise<ModelStreamResult> {
    const started = performance.now();
    const { value, attempts } = await this.attempt((signal) => this.inner.doStream(withSignal(options, signal)), options.abortSignal);
    const record = (usage: ModelUsage): void => this.record(usage, { latencyMs: performance.now() - started, attempts });
    const metered = value.stream.pipeThrough(
      new TransformStream({
        transform(part, controller) {
          if (part.type === 'finish') record(part.usage);
          controller.enqueue(part);
        },
      }),
    );
    return { ...value, stream: metered };
  }

  private record(usage: ModelUsage, done: { latencyMs: number; attempts: number }): void {
    // Field by field, not `...this.context`: the object spread was the costliest step of a call.
    const { role, conversationId, agentId, turnId, promptId } = this.context;
    this.dependencies.ledger.record({
      role,
      conversationId,
      agentId,
      turnId,
      promptId,
      provider: this.provider,
      modelId: this.modelId,
      tokens: tokensOf(usage),
      latencyMs: done.latencyMs,
      attempts: done.attempts,
    });
  }

  /** Budget check, then the first attempt; failures go to {@link retry}. A plain promise chain: this runs on every model call. */
  private attempt<T>(call: (signal: () => AbortSignal) => PromiseLike<T>, outer: AbortSignal | undefined): Promise<Attempted<T>> {
    try {
      this.dependencies.ledger.assertBudget(this.context.conversationId);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error('Budget check failed', { cause: error }));
    }
    return this.tryOnce(call, { outer, attempt: 0 });
  }

  private tryOnce<T>(call: (signal: () => AbortSignal) => PromiseLike<T>, state: { outer: AbortSignal | undefined; attempt: number }): Promise<Attempted<T>> {
    const { breakers, limits } = this.dependencies;
    if (breakers.isOpen(this.breakerKey)) {
      return Promise.reject(new EngineError('ENGINE_FAILED', `Provider "${this.provider}" is failing repeatedly; its circuit is open`, { details: { provider: this.provider, reason: 'circuit_open' } }));
    }
    const started = performance.now();
    return withTimeout({ call, timeoutMs: limits.callTimeoutMs, outer: state.outer }).then(
      (value) => {
        breakers.recordSuccess(this.breakerKey);
        return { value, latencyMs: performance.now() - started, attempts: state.attempt + 1 };
      },
      (error: unknown) => this.retry(call, { ...state, error }),
    );
  }

  /** After a failed attempt: rethrow, or wait (exponential backoff with jitter) and try again. */
  private async retry<T>(call: (signal: () => AbortSignal) => PromiseLike<T>, state: { outer: AbortSignal | undefined; attempt: number; error: unknown }): Promise<Attempted<T>> {
    const { breakers, limits } = this.dependencies;
    const { error, attempt, outer } = state;
    if (error instanceof SwitchboardError) throw error;
    const failure = classify(error);
    if (failure.retryable) breakers.recordFailure(this.breakerKey);
    const last = !failure.retryable || attempt >= limits.maxRetries || breakers.state(this.breakerKey) === 'open' || outer?.aborted === true;
    if (last) {
      throw new EngineError('ENGINE_FAILED', `Model call to "${this.provider}" failed (${failure.reason})`, {
        details: { provider: this.provider, modelId: this.modelId, reason: failure.reason, attempts: attempt + 1, ...(failure.status === undefined ? {} : { status: failure.status }) },
        isRetryable: failure.retryable,
        cause: error,
      });
    }
    const jitter = 0.8 + 0.4 * (this.dependencies.random ?? Math.random)();
    await (this.dependencies.sleep ?? defaultSleep)(Math.round(limits.retryBaseDelayMs * 2 ** attempt * jitter));
    return this.tryOnce(call, { outer, attempt: attempt + 1 });
  }
}

/** A successful attempt: the value, its latency in milliseconds, and the attempts it took (1 = no retry). */
interface Attempted<T> {
  value: T;
  latencyMs: number;
  attempts: number;
}

/**
 * The options one attempt sends: the caller's own fields, and `abortSignal` read from `signal()`
 * when (and only when) the model reads it — creating an `AbortController` costs about 3 µs, and
 * scripted models never read it. `abortSignal` is a getter on the prototype: the provider packages
 * read `options.abortSignal`, while a spread copy (`{ ...options }`) would not carry it. An own
 * getter on an object literal cost 1.5 µs per call; this costs under 0.1 µs.
 */
class AttemptCallOptions {
  readonly #signal: () => AbortSignal;

  constructor(options: ModelCallOptions, signal: () => AbortSignal) {
    const fields = this as unknown as Record<string, unknown>;
    for (const key in options) {
      if (key !== 'abortSignal' && Object.hasOwn(options, key)) fields[key] = (options as Record<string, unknown>)[key];
    }
    this.#signal = signal;
  }

  get abortSignal(): AbortSignal {
    return this.#signal();
  }
}

function withSignal(options: ModelCallOptions, signal: () => AbortSignal): ModelCallOptions {
  return new AttemptCallOptions(options, signal) as unknown as ModelCallOptions;
}

/**
 * One attempt under a timeout: its own abort signal fires after `timeoutMs` (or when `outer`
 * aborts), and the attempt rejects with {@link AttemptTimeout} even if the model ignores the
 * signal. The signal is created when the model first reads it (providers do, to cancel the
 * request; in-process doubles never do), which spares an AbortController per call where nothing
 * can be cancelled. A class rather than closures: this runs on every model call, and each named
 * closure costs an allocation (and, under tsx, a `defineProperty` for its name).
 */
class TimedAttempt<T> {
  private controller: AbortController | undefined;
  private expired: AttemptTimeout | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private onOuterAbort: (() => void) | undefined;
  private resolve!: (value: T) => void;
  private reject!: (error: Error) => void;
  private readonly outer: AbortSignal | undefined;
  private readonly timeoutMs: number;
  /** Settles with the call's outcome or the timeout, whichever comes first. */
  readonly promise: Promise<T>;

  // The callbacks below are inline arrows on purpose: tsx's keepNames names every closure bound to
  // a name (a `defineProperty` per call), and these are created on every model call.
  constructor(input: { call: (signal: () => AbortSignal) => PromiseLike<T>; timeoutMs: number; outer: AbortSignal | undefined }) {
    this.outer = input.outer;
    this.timeoutMs = input.timeoutMs;
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.timer = setTimeout(() => this.expire(), input.timeoutMs);
    let pending: PromiseLike<T>;
    try {
      pending = input.call(() => this.signal());
    } catch (error) {
      this.fail(error);
      return;
    }
    // After a timeout these are no-ops: the promise is already rejected.
    pending.then(
      (value) => {
        this.settle();
        this.resolve(value);
      },
      (error: unknown) => this.fail(error),
    );
  }

  /** The attempt's abort signal, created on first read. */
  private signal(): AbortSignal {
    if (this.controller === undefined) {
      const controller = new AbortController();
      this.controller = controller;
      const outer = this.outer;
      if (this.expired) controller.abort(this.expired);
      else if (outer?.aborted === true) controller.abort(outer.reason);
      else if (outer !== undefined) {
        this.onOuterAbort = () => controller.abort(outer.reason);
        outer.addEventListener('abort', this.onOuterAbort, { once: true });
      }
    }
    return this.controller.signal;
  }

  private expire(): void {
    this.timer = undefined;
    this.expired = new AttemptTimeout(this.timeoutMs);
    this.controller?.abort(this.expired);
    this.settle();
    this.reject(this.expired);
  }

  private fail(error: unknown): void {
    this.settle();
    this.reject(error instanceof Error ? error : new Error('Model call failed', { cause: error }));
  }

  private settle(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.onOuterAbort !== undefined) this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}

/** Runs `call` under a timeout (see {@link TimedAttempt}). */
function withTimeout<T>(input: { call: (signal: () => AbortSignal) => PromiseLike<T>; timeoutMs: number; outer: AbortSignal | undefined }): Promise<T> {
  return new TimedAttempt(input).promise;
}
