/**
 * Turning driver failures and bad records into core's typed errors, without customer data.
 *
 * Driver errors carry the SQL text, its parameters (drizzle's `DrizzleQueryError.params`) and
 * messages that quote values (`invalid input syntax for type …: "<value>"`). None of that may
 * reach a message, a log or a `cause`: a wrapped error keeps only the SQLSTATE and the names of
 * the constraint/table involved.
 */
import { InvalidInputError, StoreError, SwitchboardError } from '@switchboard/core';

/** A customer-data-free summary of a driver error, kept as the `cause` of a {@link StoreError}. */
export interface DriverFailure {
  readonly name: string;
  /** Five-character SQLSTATE (`23505`), or a Node system error code (`ECONNREFUSED`). */
  readonly code?: string;
  readonly constraint?: string;
  readonly table?: string;
}

function readString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

/** Finds the innermost error that has a `code` (drizzle wraps the driver's error in `cause`). */
function innermostCoded(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (readString(current, 'code') !== undefined) return current;
    current = current.cause;
  }
  return error;
}

/** Summarizes a driver error without its message, query or parameters. */
export function describeDriverFailure(error: unknown): DriverFailure {
  const coded = innermostCoded(error);
  const failure: { name: string; code?: string; constraint?: string; table?: string } = {
    name: coded instanceof Error ? coded.name : typeof coded,
  };
  const code = readString(coded, 'code');
  const constraint = readString(coded, 'constraint');
  const table = readString(coded, 'table');
  if (code !== undefined) failure.code = code;
  if (constraint !== undefined) failure.constraint = constraint;
  if (table !== undefined) failure.table = table;
  return Object.freeze(failure);
}

/**
 * SQLSTATE classes that will fail again on retry: 22 data exception, 23 integrity violation,
 * 42 syntax error or access rule violation.
 * @see https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
const PERMANENT_SQLSTATE_CLASSES = new Set(['22', '23', '42']);

/** Wraps an unexpected driver failure as `StoreError` (`STORE_FAILED`); Switchboard errors pass through. */
export function toStoreError(error: unknown, operation: string): SwitchboardError {
  if (error instanceof SwitchboardError) return error;
  const failure = describeDriverFailure(error);
  const isSqlState = failure.code !== undefined && /^[0-9A-Z]{5}$/.test(failure.code);
  const isRetryable = !(isSqlState && PERMANENT_SQLSTATE_CLASSES.has(failure.code.slice(0, 2)));
  return new StoreError(`Storage operation ${operation} failed`, {
    details: { operation, errorCode: failure.code, constraint: failure.constraint },
    cause: failure,
    isRetryable,
  });
}

/**
 * Runs one storage operation and rethrows any driver failure as a `StoreError`.
 * @param operation - A stable name for logs and `details.operation` (`conversations.save`).
 */
export async function guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStoreError(error, operation);
  }
}

/** The id already exists: `SwitchboardError` with code `CONFLICT`. */
export function conflict(entity: string, id: string): SwitchboardError {
  return new SwitchboardError('CONFLICT', `${entity} already exists`, { details: { entity, id } });
}

/** The part of a zod schema used here (structural, so stores needs no direct zod dependency). */
export interface RecordSchema<Output> {
  safeParse(value: unknown): { success: true; data: Output } | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } };
}

/** Issue paths of a zod error (`dialog.slots`), never the offending values. */
function issuePaths(error: { issues: readonly { path: readonly PropertyKey[] }[] }): string[] {
  return error.issues.map((issue) => (issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.')));
}

/** Validates a record the caller is about to write. @throws InvalidInputError `INVALID_INPUT`. */
export function parseInput<Output>(schema: RecordSchema<Output>, value: unknown, entity: string): Output {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputError('INVALID_INPUT', `Invalid ${entity}`, { details: { entity, fields: issuePaths(result.error) } });
}

/** Validates a record read back from the database. @throws StoreError `STORE_FAILED` (corrupt row). */
export function parseStored<Output>(schema: RecordSchema<Output>, value: unknown, entity: string): Output {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new StoreError(`Stored ${entity} does not match its schema`, {
    details: { entity, fields: issuePaths(result.error) },
    isRetryable: false,
  });
}

/**
 * Parses an ISO 8601 time for a timestamptz column.
 * @throws InvalidInputError `INVALID_INPUT` naming `field` when it is not a valid time.
 */
export function toDate(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidInputError('INVALID_INPUT', `${field} is not an ISO 8601 time`, { details: { field } });
  }
  return date;
}
