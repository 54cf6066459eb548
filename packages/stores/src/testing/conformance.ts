/**
 * The storage conformance suite every adapter runs (STYLE.md: "one shared conformance suite").
 */
import { InternalError } from '@switchboard/core';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Database } from '../database.js';
import type { SuiteContext } from './context.js';
import { createIds } from './fixtures.js';
import { describeApprovals } from './suites/approvals.js';
import { describeCommerce } from './suites/commerce.js';
import { describeConversations } from './suites/conversations.js';
import { describeErrors } from './suites/errors.js';
import { describeEvents } from './suites/events.js';
import { describeMessaging } from './suites/messaging.js';
import { describePersistence, describeReset } from './suites/lifecycle.js';
import { describeTickets } from './suites/tickets.js';
import { describeToolCalls } from './suites/tool-calls.js';
import { describeService } from './suites/service.js';
import { describeTurns } from './suites/turns.js';

/** Options of {@link runStoreConformance}. */
export interface StoreConformanceOptions {
  /**
   * Opens a handle on one durable store — the same store on every call (a PGlite directory, a
   * PostgreSQL schema). When given, a restart test writes through one handle, closes it and reads
   * through a second. Leave it out for in-memory adapters.
   */
  openDurable?: () => Promise<Database>;
}

/**
 * Registers the vitest conformance tests for a {@link Database} under `describe(name)`.
 *
 * `open` is called once, in `beforeAll`, and the handle is closed in `afterAll`: open a single
 * instance per test file (PGlite takes seconds to start). Tests use unique ids and work on a
 * database that already holds data, except that commerce tests replace the whole store and the
 * last test empties every table with `dangerouslyResetForTests`, so never point it at data you keep.
 *
 * @param name - Suite title, for example `'PGlite (in memory)'`.
 * @param open - Opens the database under test.
 * @param options - See {@link StoreConformanceOptions}.
 * @example
 * ```ts
 * runStoreConformance('PGlite (in memory)', () => openDatabase({ inMemory: true }));
 * ```
 */
export function runStoreConformance(name: string, open: () => Promise<Database>, options: StoreConformanceOptions = {}): void {
  describe(name, () => {
    let database: Database | undefined;
    const ids = createIds();
    const context: SuiteContext = {
      database() {
        if (database === undefined) throw new InternalError('The conformance database is not open (did beforeAll fail?)');
        return database;
      },
      id: (prefix) => ids.next(prefix),
    };

    beforeAll(async () => {
      database = await open();
    });
    afterAll(async () => {
      await database?.close();
    });

    describeConversations(context);
    describeEvents(context);
    describeTickets(context);
    describeCommerce(context);
    describeToolCalls(context);
    describeApprovals(context);
    describeTurns(context);
    describeService(context);
    describeMessaging(context);
    describeErrors(context);
    if (options.openDurable !== undefined) describePersistence(context, options.openDurable);
    describeReset(context);
  });
}
