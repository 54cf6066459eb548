/**
 * Resilience at the model boundary (issue 7 item 5): timeouts, retries with backoff only on
 * retryable errors, the per-provider circuit breaker (open after 3 failures, half-open probe),
 * the token budget, and the fallback that still answers the customer during an outage.
 */
import { generateText, APICallError } from 'ai';
import { describe, expect, it } from 'vitest';
import { createCircuitBreakers, EngineError, LimitExceededError } from '@switchboard/core';
import { createManualClock, ScriptedEngine } from '@switchboard/core/testing';
import { createCostLedger } from './ledger.js';
import { ResilientModel, providerBreakerKey } from './resilience.js';
import { reply } from './scripted.js';
import { agentAnswer, createHarness, mockModel, triageAnswer } from './test-fixtures.js';
import type { LanguageModelV3 } from './types.js';

const context = { role: 'specialist' as const, conversationId: 'conv_1', agentId: 'orders' };
const limits = { callTimeoutMs: 50, maxRetries: 2, retryBaseDelayMs: 100 };

function apiError(statusCode: number): APICallError {
  return new APICallError({ message: `HTTP ${statusCode}`, url: 'http://127.0.0.1/v1/chat/completions', requestBodyValues: {}, statusCode, isRetryable: statusCode === 429 || statusCode >= 500 });
}

function setup(model: LanguageModelV3, options: { budget?: number } = {}) {
  const clock = createManualClock();
  const breakers = createCircuitBreakers({ clock, failureThreshold: 3, cooldownMs: 30_000 });
  const ledger = createCostLedger({ conversationTokenBudget: options.budget ?? 100_000 });
  const sleeps: number[] = [];
  const dependencies = { breakers, ledger, limits, sleep: (ms: number) => { sleeps.push(ms); return Promise.resolve(); }, random: () => 0.5 };
  const wrapped = () => new ResilientModel({ model, dependencies, context });
  const call = () => generateText({ model: wrapped(), prompt: 'hi', maxRetries: 0 });
  return { clock, breakers, ledger, sleeps, call };
}

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  const error: unknown = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(EngineError);
  return error as EngineError;
}

describe('the resilient model', () => {
  it('times out a hung call, retries it with exponential backoff, then fails with reason timeout', async () => {
    const hung = mockModel([() => new Promise(() => undefined), () => new Promise(() => undefined), () => new Promise(() => undefined)]);
    const { call, sleeps } = setup(hung);
    const error = await failure(call());
    expect(error.code).toBe('ENGINE_FAILED');
    expect(error.details).toMatchObject({ reason: 'timeout', attempts: 3 });
    expect(error.isRetryable).toBe(true);
    expect(sleeps).toEqual([100, 200]);
    expect(hung.doGenerateCalls).toHaveLength(3);
  });

  it('aborts the provider request of a timed-out attempt (the signal a provider reads fires with the timeout)', async () => {
    const aborted: unknown[] = [];
    const hangUntilAborted = (call: { abortSignal?: AbortSignal }) =>
      new Promise<never>((_resolve, reject) => {
        call.abortSignal?.addEventListener('abort', () => {
          aborted.push(call.abortSignal?.reason);
          reject(new Error('aborted'));
        });
      });
    const hung = mockModel([hangUntilAborted, hangUntilAborted, hangUntilAborted]);
    const { call } = setup(hung);
    const error = await failure(call());
    expect(error.details).toMatchObject({ reason: 'timeout', attempts: 3 });
    expect(aborted).toHaveLength(3);
    expect(String(aborted[0])).toContain('exceeded 50 ms');
  });

  it('retries a retryable provider error (503) and succeeds', async () => {
    const model = mockModel([reply.error(apiError(503)), reply.text('hello', { input: 7, output: 3 })]);
    const { call, ledger, sleeps } = setup(model);
    expect((await call()).text).toBe('hello');
    expect(sleeps).toHaveLength(1);
    expect(ledger.recentCalls()[0]).toMatchObject({ attempts: 2, tokens: { input: 7, output: 3 } });
  });

  it('does not retry a non-retryable error (400)', async () => {
    const model = mockModel([reply.error(apiError(400))]);
    const { call, sleeps, breakers } = setup(model);
    const error = await failure(call());
    expect(error.details).toMatchObject({ reason: 'http_400', status: 400, attempts: 1 });
    expect(sleeps).toEqual([]);
    expect(breakers.state(providerBreakerKey('mock'))).toBe('closed');
  });

  it('opens the provider breaker after 3 consecutive failures, fails fast while open, and closes after a successful half-open probe', async () => {
    const model = mockModel([reply.error(apiError(503)), reply.error(apiError(503)), reply.error(apiError(503)), reply.text('recovered')]);
    const { call, clock, breakers } = setup(model);
    const first = await failure(call());
    expect(first.details).toMatchObject({ reason: 'http_503', attempts: 3 });
    expect(breakers.state('provider:mock')).toBe('open');

    const open = await failure(call());
    expect(open.details).toMatchObject({ reason: 'circuit_open' });
    expect(model.doGenerateCalls).toHaveLength(3);

    clock.advance(30_000);
    expect(breakers.state('provider:mock')).toBe('half_open');
    expect((await call()).text).toBe('recovered');
    expect(breakers.state('provider:mock')).toBe('closed');
  });

  it('re-opens the breaker when the half-open probe fails', async () => {
    const model = mockModel([reply.error(apiError(503)), reply.error(apiError(503)), reply.error(apiError(503)), reply.error(apiError(503))]);
    const { call, clock, breakers } = setup(model);
    await failure(call());
    clock.advance(30_000);
    const probe = await failure(call());
    expect(probe.details).toMatchObject({ reason: 'http_503', attempts: 1 });
    expect(breakers.state('provider:mock')).toBe('open');
  });

  it('refuses calls once the conversation spent its token budget', async () => {
    const model = mockModel([reply.text('one', { input: 60, output: 50 })]);
    const { call } = setup(model, { budget: 100 });
    await call();
    const error: unknown = await call().then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(LimitExceededError);
    expect((error as LimitExceededError).details).toMatchObject({ limit: 'conversationTokenBudget', spentTokens: 110 });
    expect(model.doGenerateCalls).toHaveLength(1);
  });
});

describe('a provider outage on the desk', () => {
  it('still answers every customer: LLM triage and agents fall back to the local ones, and the breaker spares the dead provider', async () => {
    const down = () => reply.error(apiError(503));
    const triage = mockModel(Array.from({ length: 9 }, down));
    const specialist = mockModel(Array.from({ length: 9 }, down));
    const localEngine = new ScriptedEngine(Array.from({ length: 3 }, () => ({ result: { reply: 'Our order desk will check that.', status: 'resolved' as const, confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } })));
    const { ScriptedTriager } = await import('@switchboard/core/testing');
    const localTriager = new ScriptedTriager(Array.from({ length: 3 }, () => ({ intent: 'track_order', category: 'ORDER' })));
    const harness = await createHarness({ models: { triage, specialist }, localEngine, localTriager });
    for (let turn = 0; turn < 3; turn += 1) {
      const outcome = await harness.say('where is my order?');
      expect(outcome.replies[0]?.text).toBe('Our order desk will check that.');
    }
    // Triage and specialists share the provider "mock": its breaker opened after 3 failed attempts,
    // so later calls failed fast without reaching the provider.
    expect(triage.doGenerateCalls.length + specialist.doGenerateCalls.length).toBe(3);
    expect(localTriager.calls).toHaveLength(3);
  });

  it('keeps the LLM answer when the provider recovers on retry', async () => {
    const triage = mockModel([reply.error(apiError(429)), reply.json(triageAnswer('track_order'))]);
    const specialist = mockModel([reply.json(agentAnswer('Could you share your order number?', { status: 'needs_info', awaiting: 'order_id' }))]);
    const harness = await createHarness({ models: { triage, specialist } });
    const outcome = await harness.say('where is my order?');
    expect(outcome.triage?.decidedBy).toBe('llm');
    expect(outcome.outcome).toBe('needs_info');
  });
});
