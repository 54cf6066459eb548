/** Test doubles: in-memory ports, a manual clock, sequential ids, scripted engine and triager. */
export * from './memory-ports.js';
export * from './scripted.js';
export { createTestDesk } from './desk-fixture.js';
