/** The QA gate benchmark: drafted replies from the demo store, half with one planted ungrounded fact. */
export { generateQaDrafts, type GenerateQaDraftsOptions, type QaDraft } from './generate.js';
export { runQaBench, summarizeQaBench, type QaBenchFailure, type QaBenchReport, type QaBenchSummary, type RunQaBenchOptions } from './bench.js';
export { QA_PLANTS, plantFact, type PlantedFact, type QaPlantKind, type PlantContext } from './plants.js';
export { QA_SCENARIOS, buildScenario, type QaScenario, type ScenarioContext } from './scenarios.js';
