/**
 * Engine doubles for load benchmarks and crash tests.
 *
 * - {@link withSimulatedLatency}: the real engine, with each turn's first agent run returning
 *   `latencyMs` later — after the agent has acted (its tool calls are done), where a model's final
 *   generation would be.
 * - {@link createSimulatedEngine}: no dialogue work at all; every agent run waits `latencyMs` and
 *   answers with a fixed reply. It stands in for an LLM engine whose time is spent waiting on the
 *   provider, so `switchboard bench load` measures what the platform adds around the engine
 *   (HTTP, accept-time triage, queue, storage, the turn driver with its QA gate and audit events,
 *   streams) — not the local engine's own CPU.
 */
import type { Engine, Message } from '@switchboard/core';

/** Which engine a benchmark server runs: the local dialogue engine, or {@link createSimulatedEngine}. */
export type BenchEngine = 'local' | 'simulated';

/** The reply every run of {@link createSimulatedEngine} gives. */
export const SIMULATED_REPLY = 'Thanks for your message. This reply comes from the simulated engine of a load benchmark.';

/**
 * Wraps `engine` so each turn's first agent run returns `latencyMs` later.
 * @param latencyMs - Added wall time per turn, in milliseconds (≥ 0).
 */
export function withSimulatedLatency(engine: Engine, latencyMs: number): Engine {
  const delayed = new WeakSet<Message>();
  return {
    id: engine.id,
    async runAgent(input) {
      const output = await engine.runAgent(input);
      if (latencyMs > 0 && !delayed.has(input.message)) {
        delayed.add(input.message);
        await new Promise((resolve) => setTimeout(resolve, latencyMs));
      }
      return output;
    },
  };
}

/**
 * An engine that does no dialogue work: each agent run resolves after `latencyMs` with
 * {@link SIMULATED_REPLY} (status `resolved`, confidence 0.9, no actions, no sources) and the
 * conversation's dialogue state unchanged.
 * @param latencyMs - Wall time per agent run, in milliseconds (≥ 0).
 */
export function createSimulatedEngine(latencyMs: number): Engine {
  return {
    id: 'simulated',
    async runAgent(input) {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      return {
        result: { reply: SIMULATED_REPLY, status: 'resolved', confidence: 0.9, actions: [], sources: [] },
        dialog: input.conversation.dialog,
      };
    },
  };
}
