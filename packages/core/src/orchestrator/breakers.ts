import type { Clock } from '../ports.js';

/**
 * Circuit breakers keyed by name (`agent:orders`, `tool:get_order_details`): after
 * `failureThreshold` consecutive failures a breaker opens and stays open for `cooldownMs`; then
 * it lets one probe through (half-open): a success closes it, a failure opens it again.
 * State lives in the process (each worker has its own), which is the usual scope for breakers.
 */
export interface CircuitBreakers {
  /** Whether calls to `key` should be skipped now. A half-open breaker allows exactly one probe. */
  isOpen(key: string): boolean;
  recordSuccess(key: string): void;
  recordFailure(key: string): void;
  /** Current state of `key`. */
  state(key: string): 'closed' | 'open' | 'half_open';
}

interface BreakerState {
  failures: number;
  openedAtMs?: number;
  probing: boolean;
}

/**
 * In-process {@link CircuitBreakers}.
 * @param options.failureThreshold - consecutive failures that open a breaker (≥ 1). Source: issue 5 (3).
 * @param options.cooldownMs - milliseconds a breaker stays open before a half-open probe.
 */
export function createCircuitBreakers(options: { clock: Clock; failureThreshold: number; cooldownMs: number }): CircuitBreakers {
  const states = new Map<string, BreakerState>();
  const get = (key: string): BreakerState => {
    let state = states.get(key);
    if (!state) {
      state = { failures: 0, probing: false };
      states.set(key, state);
    }
    return state;
  };
  const phase = (state: BreakerState): 'closed' | 'open' | 'half_open' => {
    if (state.openedAtMs === undefined) return 'closed';
    return options.clock.now().getTime() - state.openedAtMs >= options.cooldownMs ? 'half_open' : 'open';
  };
  return {
    isOpen(key) {
      const state = get(key);
      const current = phase(state);
      if (current === 'closed') return false;
      if (current === 'half_open' && !state.probing) {
        state.probing = true;
        return false;
      }
      return true;
    },
    recordSuccess(key) {
      const state = states.get(key);
      // Runs after every successful call: leave a closed, failure-free breaker untouched.
      if (state !== undefined && state.failures === 0 && state.openedAtMs === undefined && !state.probing) return;
      states.set(key, { failures: 0, probing: false });
    },
    recordFailure(key) {
      const state = get(key);
      state.failures += 1;
      if (state.probing || state.failures >= options.failureThreshold) {
        state.openedAtMs = options.clock.now().getTime();
        state.probing = false;
      }
    },
    state(key) {
      return phase(get(key));
    },
  };
}
