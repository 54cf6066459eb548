/**
 * Typed errors for every Switchboard package.
 *
 * One base class, {@link SwitchboardError}; subclasses say who is at fault: the caller or the
 * configuration ({@link InvalidInputError}, {@link ConfigurationError}, {@link NotFoundError}), the
 * system ({@link InternalError}, {@link LimitExceededError}), a tool or third party
 * ({@link ToolError}), or an engine/model ({@link EngineError}). Codes are a closed list
 * ({@link ERROR_CODES}); never classify an error by its message text, switch on `code`.
 *
 * Messages must never carry customer data (emails, addresses, card digits): put identifiers in
 * structured `details` fields that the wire layer may redact.
 */

/** The closed list of stable, UPPER_SNAKE error codes. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'MESSAGE_EMPTY',
  'MESSAGE_TOO_LARGE',
  'NOT_FOUND',
  'CONVERSATION_NOT_FOUND',
  'CONVERSATION_CLOSED',
  'CONFLICT',
  'POLICY_REFUSED',
  'CONFIG_INVALID',
  'LIMIT_EXCEEDED',
  'TOOL_NOT_FOUND',
  'TOOL_SCOPE_DENIED',
  'TOOL_INVALID_ARGUMENTS',
  'TOOL_INVALID_OUTPUT',
  'TOOL_TIMEOUT',
  'TOOL_FAILED',
  'TOOL_CIRCUIT_OPEN',
  'APPROVAL_REQUIRED',
  'APPROVAL_INVALID',
  'ENGINE_FAILED',
  'UNEXPECTED_ENGINE_CALL',
  'STORE_FAILED',
  'DATA_MISSING',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'IDEMPOTENCY_KEY_REUSED',
  'UNAVAILABLE',
  'CONSOLE_NOT_BUILT',
  'INTERNAL',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Structured, customer-data-free fields attached to an error. */
export type ErrorDetails = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** Options shared by every Switchboard error constructor. */
export interface SwitchboardErrorOptions {
  /** Structured fields (ids, limits, names). Never customer text. */
  details?: ErrorDetails;
  /** The underlying error, kept for logs; never serialized to the wire. */
  cause?: unknown;
  /** Whether retrying the same operation may succeed. @defaultValue false */
  isRetryable?: boolean;
}

/**
 * Base class of every error Switchboard throws on purpose.
 *
 * @example
 * ```ts
 * try { … } catch (error) {
 *   if (error instanceof SwitchboardError && error.code === 'MESSAGE_TOO_LARGE') …
 * }
 * ```
 */
export class SwitchboardError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  readonly isRetryable: boolean;

  constructor(code: ErrorCode, message: string, options: SwitchboardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = Object.freeze({ ...(options.details ?? {}) });
    this.isRetryable = options.isRetryable ?? false;
  }

  /** Wire form: `{ name, code, message, details, isRetryable }`. No stack, no cause. */
  toJSON(): { name: string; code: ErrorCode; message: string; details: ErrorDetails; isRetryable: boolean } {
    return { name: this.name, code: this.code, message: this.message, details: this.details, isRetryable: this.isRetryable };
  }
}

/** The caller sent something invalid (empty or oversized message, malformed arguments). */
export class InvalidInputError extends SwitchboardError {}

/** Desk configuration is invalid or incomplete; the message names the field and the fix. */
export class ConfigurationError extends SwitchboardError {
  constructor(message: string, options: SwitchboardErrorOptions = {}) {
    super('CONFIG_INVALID', message, options);
  }
}

/** A referenced record (conversation, ticket, order) does not exist or is not visible to the caller. */
export class NotFoundError extends SwitchboardError {}

/** A configured limit (`maxHops`, `maxAgentSteps`, `maxMessageChars`…) was exceeded. */
export class LimitExceededError extends SwitchboardError {
  constructor(message: string, options: SwitchboardErrorOptions = {}) {
    super('LIMIT_EXCEEDED', message, options);
  }
}

/**
 * A tool call failed: unknown tool, denied scope, invalid arguments, timeout or tool failure; or a
 * business rule refused it (`POLICY_REFUSED`, with the rule's name in `details.rule`, such as
 * `order_not_pending` or `insufficient_gift_card_balance`).
 */
export class ToolError extends SwitchboardError {}

/** An engine (local playbooks, LLM, scripted double) failed to produce a valid result. */
export class EngineError extends SwitchboardError {}

/** Storage or queue failure. Usually retryable. */
export class StoreError extends SwitchboardError {
  constructor(message: string, options: SwitchboardErrorOptions = {}) {
    super('STORE_FAILED', message, { isRetryable: true, ...options });
  }
}

/** A bug or an unexpected condition inside Switchboard. */
export class InternalError extends SwitchboardError {
  constructor(message: string, options: SwitchboardErrorOptions = {}) {
    super('INTERNAL', message, options);
  }
}

/**
 * Normalizes anything thrown into a {@link SwitchboardError}; unknown errors become `INTERNAL`
 * with the original kept as `cause` (and never exposed on the wire).
 */
export function toSwitchboardError(error: unknown): SwitchboardError {
  if (error instanceof SwitchboardError) return error;
  return new InternalError('Unexpected internal error', { cause: error });
}
