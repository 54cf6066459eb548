/** @switchboard/eval — evaluation: replay of labeled or real customer text, the triage eval (`switchboard eval triage`) and benchmark (`switchboard bench triage`). */
export { readTextRows, type TextRow, type ReadTextRowsOptions } from './data-files.js';
export { replayRows, type ReplayDesk, type ReplayOptions, type ReplayReport } from './replay.js';
export { createPlaceholderFiller } from './placeholders.js';
export { percentile, latencySummary } from './stats.js';
export * from './triage/index.js';
export * from './tau/index.js';
export * from './qa/index.js';
export * from './scenarios/index.js';
export { runOrchestrationBench, DEFAULT_ROUNDS, DEFAULT_WARMUP_RUNS, ORCHESTRATION_TARGET_RATIO, DOCUMENTED_AGENTS_BASELINE_MS, type OrchestrationBenchOptions, type OrchestrationBenchReport, type SideResult } from './bench/orchestration.js';
