/**
 * The load generator of `switchboard bench load`, against a real service on loopback with the
 * simulated engine: every turn is counted and answered (a turn without a reply is an error), the added latency excludes the engine's,
 * and throughput is counted over the window in which every conversation is active.
 */
import { createService } from '@switchboard/server';
import type { Service } from '@switchboard/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from './load-driver.js';

const ENGINE_LATENCY_MS = 100;
let service: Service;
let url: string;

beforeAll(async () => {
  service = await createService({ runtime: { inMemory: true }, server: { port: 0, rateLimitDisabled: true }, logger: { level: 'silent' }, engine: 'simulated', engineLatencyMs: ENGINE_LATENCY_MS });
  url = await service.listen();
});
afterAll(() => service?.close());

describe('runLoad', () => {
  it('sends every turn of every conversation, each answered after the simulated engine latency', async () => {
    const report = await runLoad({ url, conversations: 6, turns: 4, engineLatencyMs: ENGINE_LATENCY_MS, rampMs: ENGINE_LATENCY_MS });
    expect(report).toMatchObject({ conversations: 6, turnsPerConversation: 4, turns: 24, errors: 0, errorsByReason: {}, rampMs: ENGINE_LATENCY_MS, idealThroughput: 60 });
    // Added latency is what the platform adds on top of the engine: never negative, well under the engine's own.
    expect(report.addedLatencyMs.p50).toBeGreaterThanOrEqual(0);
    expect(report.addedLatencyMs.p50).toBeLessThan(ENGINE_LATENCY_MS);
    // The steady window starts when the last conversation started (after the ramp) and ends when the first finished.
    expect(report.steadyWindow).not.toBeNull();
    expect(report.steadyWindow?.fromSeconds).toBeGreaterThanOrEqual(((ENGINE_LATENCY_MS / 1000) * 5) / 6 - 0.02);
    expect(report.steadyWindow?.toSeconds).toBeGreaterThan(report.steadyWindow?.fromSeconds ?? Infinity);
    expect(report.throughput).toBeGreaterThan(0);
    expect(report.throughput).toBeLessThanOrEqual(report.idealThroughput ?? 0);
    expect(report.throughputRatio).toBeCloseTo(report.throughput / 60, 2);
  });

  it('sends all first messages at once without a ramp, and counts throughput over the whole run when there is no steady window', async () => {
    const report = await runLoad({ url, conversations: 3, turns: 1, engineLatencyMs: ENGINE_LATENCY_MS, rampMs: 0 });
    expect(report).toMatchObject({ turns: 3, errors: 0, rampMs: 0, steadyWindow: null });
    expect(report.throughput).toBe(report.overallThroughput);
  });
});
