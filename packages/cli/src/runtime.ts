/** The desk's composition root moved to the server (DESIGN.md §2); re-exported so CLI imports keep working. */
export { createDeskRuntime, openSeededDatabase, type DeskRuntime, type RuntimeOptions } from '@switchboard/server';
