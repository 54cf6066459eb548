/**
 * An in-process {@link ToolCallLog}: the gateway's default, and the double for tests.
 */
import type { Clock, ToolCallClaim, ToolCallLog } from '../ports.js';
import type { ToolCallResult } from './tool.js';

interface Entry {
  toolName: string;
  argsJson: string;
  status: 'pending' | 'completed';
  result?: ToolCallResult;
  /** Milliseconds since the epoch, from the clock; absent without a clock (never expires). */
  leaseExpiresAtMs?: number;
}

/** Options of {@link createMemoryToolCallLog}. */
export interface MemoryToolCallLogOptions {
  /** Reads "now" for claim leases. @defaultValue none: claims never expire (a crash ends the process anyway) */
  clock?: Clock;
}

/**
 * A {@link ToolCallLog} held in a map: same claim / complete / release behaviour as the SQL adapter
 * (`@switchboard/stores`, table `tool_calls`), nothing persisted. Use it in tests and single-process
 * demos; a desk with a database passes `database.toolCalls` to the gateway instead, so a retry after
 * a crash or on another worker is still answered from the log.
 *
 * `size` is the number of keys held (claimed or completed), for assertions.
 * @example
 * ```ts
 * const log = createMemoryToolCallLog();
 * const gateway = createToolGateway({ tools, agents, toolCalls: log });
 * ```
 */
export function createMemoryToolCallLog(options: MemoryToolCallLogOptions = {}): ToolCallLog & { readonly size: number } {
  const entries = new Map<string, Entry>();
  const nowMs = (): number | undefined => options.clock?.now().getTime();
  return {
    get size() {
      return entries.size;
    },
    claim(request) {
      const existing = entries.get(request.idempotencyKey);
      const now = nowMs();
      const lease = now === undefined ? {} : { leaseExpiresAtMs: now + request.leaseMs };
      if (existing === undefined) {
        entries.set(request.idempotencyKey, { toolName: request.toolName, argsJson: request.argsJson, status: 'pending', ...lease });
        return Promise.resolve({ status: 'claimed' });
      }
      if (existing.status === 'completed' && existing.result !== undefined) {
        return Promise.resolve({ status: 'completed', toolName: existing.toolName, argsJson: existing.argsJson, result: structuredClone(existing.result) });
      }
      const sameCall = existing.toolName === request.toolName && existing.argsJson === request.argsJson;
      const expired = now !== undefined && existing.leaseExpiresAtMs !== undefined && existing.leaseExpiresAtMs < now;
      if (sameCall && expired) {
        entries.set(request.idempotencyKey, { ...existing, ...lease });
        return Promise.resolve({ status: 'claimed' });
      }
      const pending: ToolCallClaim = { status: 'pending', toolName: existing.toolName, argsJson: existing.argsJson };
      return Promise.resolve(pending);
    },
    complete({ idempotencyKey, result }) {
      const existing = entries.get(idempotencyKey);
      if (existing !== undefined) entries.set(idempotencyKey, { toolName: existing.toolName, argsJson: existing.argsJson, status: 'completed', result: structuredClone(result) });
      return Promise.resolve();
    },
    release(idempotencyKey) {
      if (entries.get(idempotencyKey)?.status === 'pending') entries.delete(idempotencyKey);
      return Promise.resolve();
    },
  };
}
