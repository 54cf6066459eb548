/** Test doubles: in-memory ports, a manual clock, sequential ids, scripted engine and triager. */
export * from './memory-ports.js';
export * from './scripted.js';
export { createTestDesk } from './desk-fixture.js';
export { createMemoryEmailOutbox, createMemoryNewsletterSubscriptions } from './memory-messaging.js';
export { createMemoryToolCallLog, type MemoryToolCallLogOptions } from '../tools/memory-tool-call-log.js';
