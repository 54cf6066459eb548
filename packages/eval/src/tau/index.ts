/** `eval tau-tools`: τ-bench gold actions through our tools, compared with τ's reference outcome. `eval tau`: the desk against a scripted customer. */
export { runTauTools, compareState, type TauToolsOptions, type TauToolsReport, type TauMismatch } from './tau-tools.js';
export { createMemoryTauStore, createDatabaseTauStore, type TauEvalStore, type TauTaskStore } from './stores.js';
export { diffJson, type FieldDiff } from './compare.js';
export { runTau, runTauTrial, passHat, trialSeed, MAX_CUSTOMER_TURNS, type TauOptions, type TauReport, type TauTrial, type TauEngineReport } from './tau-eval.js';
export { createTauDesk, openTauConversation, type TauDesk, type TauConversation, type TauEngineSelection } from './desk.js';
export { ScriptedCustomer, checkSummary, type CustomerState } from './customer/customer.js';
export { personaOf, type Persona, type Goal, type GoalItem } from './customer/knowledge.js';
