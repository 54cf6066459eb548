/**
 * @switchboard/stores — storage adapters for core's ports on PGlite (embedded default) and
 * PostgreSQL, one drizzle schema and numbered SQL migrations. The shared conformance suite is at
 * `@switchboard/stores/testing`.
 */
export { openDatabase, DEFAULT_DATA_DIR, type OpenDatabaseOptions } from './open.js';
export type { Database, DatabaseKind } from './database.js';
export type { TurnAcceptClaim, TurnAcceptInput, TurnClaim, TurnCompletion, TurnCompletionResult, TurnRecord, TurnStatus, TurnStore } from './adapters/turns.js';
export type { FeedbackRecord, FeedbackStore, OperatorKeyRecord, OperatorKeyStore, SettingsStore } from './adapters/service.js';
