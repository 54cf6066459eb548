/** τ-bench retail: its store files, task files and expected end states. */
export { loadTauRetailStore, readJsonFile, TAU_RETAIL_FILES } from './load.js';
export {
  readTauTasks,
  readTauExpected,
  TauActionSchema,
  TauTaskSchema,
  TauExpectedSchema,
  type TauAction,
  type TauTask,
  type TauExpected,
} from './tasks.js';
export { tauFixtureSnapshot } from './fixture.js';
