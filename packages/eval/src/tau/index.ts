/** `eval tau-tools`: τ-bench gold actions through our tools, compared with τ's reference outcome. */
export { runTauTools, type TauToolsOptions, type TauToolsReport, type TauMismatch } from './tau-tools.js';
export { createMemoryTauStore, createDatabaseTauStore, type TauEvalStore, type TauTaskStore } from './stores.js';
export { diffJson, type FieldDiff } from './compare.js';
