/**
 * What every conformance sub-suite receives: the open database and an id source.
 */
import { SwitchboardError } from '@switchboard/core';
import type { ErrorCode } from '@switchboard/core';
import { expect } from 'vitest';
import type { Database } from '../database.js';

/** Shared state of one conformance run. `database()` throws if called outside a test. */
export interface SuiteContext {
  database(): Database;
  /** Unique id for this run: `id('conv')` → `conv_<run>_<n>`. */
  id(prefix: string): string;
}

/** Awaits `promise`, expects it to reject with a {@link SwitchboardError} of `code`, returns the error. */
export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<SwitchboardError> {
  const outcome = await promise.then(
    () => ({ rejected: false as const }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  expect(outcome.rejected, `expected a ${code} error`).toBe(true);
  const error = outcome.rejected ? outcome.error : undefined;
  expect(error).toBeInstanceOf(SwitchboardError);
  expect((error as SwitchboardError).code).toBe(code);
  return error as SwitchboardError;
}
