/** @switchboard/cli — the `switchboard` command and the offline desk's composition root. */
export { createDeskRuntime, type DeskRuntime, type RuntimeOptions } from './runtime.js';
export { buildProgram, main } from './main.js';
