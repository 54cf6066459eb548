/**
 * The HTTP protocol of `/v1`: the schemas live in `@switchboard/core/protocol`; this module adds
 * what only the server needs (the error responses of every route, for the OpenAPI document).
 */
import { ErrorResponseSchema } from '@switchboard/core/protocol';

export * from '@switchboard/core/protocol';

/** Standard error responses of authenticated routes. */
export const ERROR_RESPONSES = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema, 413: ErrorResponseSchema, 422: ErrorResponseSchema, 429: ErrorResponseSchema, 503: ErrorResponseSchema } as const;
