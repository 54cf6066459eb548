/**
 * @switchboard/stores/testing — the storage conformance suite (vitest) that every adapter runs.
 */
export { runStoreConformance, type StoreConformanceOptions } from './conformance.js';
export { dropPostgresSchema } from './postgres-schema.js';
