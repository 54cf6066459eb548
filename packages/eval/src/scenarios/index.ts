/** Scenario suite (issue 5, item 9): the file format, the loader and the runner behind `switchboard eval scenarios`. */
export * from './schema.js';
export { loadScenarios, parseScenario, type LoadedScenario, type LoadedSuite } from './loader.js';
export { createStoreFacts, fillPlaceholders, loadPlaceholderContext, type FactsCommerce, type FactsCustomer, type PlaceholderContext, type StoreFacts } from './facts.js';
export { checkState, checkTurn, type Fill, type Mismatch, type StateObservation, type TurnObservation } from './checks.js';
export { withAgentDoubles, withToolDoubles, withTriageOverride } from './doubles.js';
export { runScenario, runScenarios, type RunScenariosOptions, type ScenarioRuntime } from './runner.js';
