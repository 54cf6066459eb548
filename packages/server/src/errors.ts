/**
 * Errors on the wire: core's closed list of codes ({@link ERROR_CODES}), one HTTP status per code
 * ({@link HTTP_STATUS}, documented in `docs/errors.md`), and the one function that turns anything
 * thrown into a response body. Internals (stacks, causes, SQL, driver messages) and customer data
 * never reach the body: 5xx errors carry a generic message and no details.
 */
import { SwitchboardError, toSwitchboardError } from '@switchboard/core';
import type { ErrorCode, ErrorDetails } from '@switchboard/core';
import { maskDeep, maskPersonalData } from './mask.js';

/** The HTTP status of every error code. A test checks `docs/errors.md` lists the same table. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = Object.freeze({
  INVALID_INPUT: 400,
  MESSAGE_EMPTY: 400,
  MESSAGE_TOO_LARGE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TOOL_SCOPE_DENIED: 403,
  APPROVAL_REQUIRED: 403,
  NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  CONVERSATION_CLOSED: 409,
  CONFLICT: 409,
  APPROVAL_INVALID: 409,
  PAYLOAD_TOO_LARGE: 413,
  POLICY_REFUSED: 422,
  TOOL_INVALID_ARGUMENTS: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  CONFIG_INVALID: 500,
  LIMIT_EXCEEDED: 500,
  TOOL_NOT_FOUND: 500,
  UNEXPECTED_ENGINE_CALL: 500,
  DATA_MISSING: 500,
  INTERNAL: 500,
  TOOL_INVALID_OUTPUT: 502,
  TOOL_FAILED: 502,
  ENGINE_FAILED: 502,
  STORE_FAILED: 503,
  TOOL_CIRCUIT_OPEN: 503,
  UNAVAILABLE: 503,
  CONSOLE_NOT_BUILT: 503,
  TOOL_TIMEOUT: 504,
});

/** The JSON body of every error response. */
export interface WireError {
  error: {
    code: ErrorCode;
    message: string;
    details: ErrorDetails;
    isRetryable: boolean;
    /** The request id, to find the request in the logs. */
    requestId?: string;
    /** Development only (`exposeStack`). */
    stack?: string;
  };
}

/** Generic messages for server-side failures: what the client may know, nothing more. */
const SERVER_MESSAGES: Partial<Record<ErrorCode, string>> = {
  STORE_FAILED: 'The service could not reach its storage. Retry later.',
  UNAVAILABLE: 'The service is not ready. Retry later.',
  ENGINE_FAILED: 'The desk could not produce a reply. Retry later.',
  CONSOLE_NOT_BUILT: 'The operator console is not built on this server: run `npm run build -w apps/console`, then reload.',
};

/** A fastify or plugin error (`statusCode`, `code`, `validation`), as far as the mapping needs it. */
interface FrameworkError {
  statusCode?: number;
  code?: string;
  validation?: readonly { instancePath?: string; path?: readonly PropertyKey[] }[];
}

const CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = { 400: 'INVALID_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'NOT_FOUND', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'INVALID_INPUT', 429: 'RATE_LIMITED', 503: 'UNAVAILABLE' };

const FRAMEWORK_MESSAGES: Partial<Record<ErrorCode, string>> = {
  INVALID_INPUT: 'The request is malformed: check the JSON body, its content type and the parameters against the OpenAPI document at /docs.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  RATE_LIMITED: 'Too many requests. Retry after the time in the Retry-After header.',
  NOT_FOUND: 'No such route.',
};

/** Paths of the fields that failed validation (`body.text`), never their values. */
function validationFields(error: FrameworkError): string[] {
  return (error.validation ?? []).map((issue) => issue.instancePath?.replace(/^\//, '').replaceAll('/', '.') || (issue.path ?? []).map(String).join('.') || '(root)');
}

/** Turns a fastify/plugin error into a {@link SwitchboardError} by its status, never by its message. */
function fromFramework(error: FrameworkError): SwitchboardError | undefined {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 600) return undefined;
  const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'INVALID_INPUT');
  const fields = validationFields(error);
  return new SwitchboardError(code, FRAMEWORK_MESSAGES[code] ?? 'The request failed.', {
    details: { ...(fields.length > 0 ? { fields } : {}), ...(error.code === undefined ? {} : { reason: error.code }) },
    isRetryable: code === 'RATE_LIMITED',
  });
}

/**
 * Turns anything thrown into a status and a {@link WireError} body.
 * @param options.requestId - Added to the body.
 * @param options.exposeStack - Include the stack (development only). @defaultValue false
 * @returns `status` from {@link HTTP_STATUS}; unknown errors become `INTERNAL` (500).
 */
export function toWireError(error: unknown, options: { requestId?: string; exposeStack?: boolean } = {}): { status: number; body: WireError } {
  const known = error instanceof SwitchboardError ? error : (fromFramework(error as FrameworkError) ?? toSwitchboardError(error));
  const status = HTTP_STATUS[known.code];
  const serverSide = status >= 500;
  const body: WireError = {
    error: {
      code: known.code,
      message: serverSide ? (SERVER_MESSAGES[known.code] ?? 'Internal error. The request id identifies it in the logs.') : maskPersonalData(known.message),
      details: serverSide ? {} : (maskDeep(known.details) as ErrorDetails),
      isRetryable: known.isRetryable,
      ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
      ...(options.exposeStack === true && error instanceof Error && error.stack !== undefined ? { stack: error.stack } : {}),
    },
  };
  return { status, body };
}
