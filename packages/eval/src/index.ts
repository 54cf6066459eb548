/** @switchboard/eval — evaluation: replay of labeled or real customer text; triage eval and benchmarks later. */
export { readTextRows, type TextRow, type ReadTextRowsOptions } from './data-files.js';
export { replayRows, type ReplayDesk, type ReplayOptions, type ReplayReport } from './replay.js';
export { createPlaceholderFiller } from './placeholders.js';
export { percentile, latencySummary } from './stats.js';
