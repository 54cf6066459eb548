/**
 * Simulated engine latency, for load benchmarks and crash tests: the first agent run of each turn
 * takes `latencyMs` longer, after the agent has acted (its tool calls are done) and before its
 * reply is returned — where a model's final generation would be.
 */
import type { Engine, Message } from '@switchboard/core';

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
