/**
 * Writes the triage report directory: `report.md`, `confusion.svg`, `confidence.svg`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '@switchboard/core';
import type { TriageEvaluation } from '../evaluate.js';
import { renderConfusionSvg } from './confusion-svg.js';
import { renderConfidenceSvg } from './histogram-svg.js';
import { renderTriageMarkdown } from './markdown.js';

/** Options of {@link writeTriageReport}. */
export interface WriteTriageReportOptions {
  /** Output directory; created (with parents) when missing; existing report files are overwritten. */
  dir: string;
  evaluation: TriageEvaluation;
  /** The command line to show at the top of `report.md`. */
  command?: string;
}

/**
 * Writes a Rasa-style (`rasa test nlu`) report of one evaluation: `report.md` (summary,
 * per-label table, most confused pairs, the 50 highest-confidence errors), `confusion.svg`
 * (heat map; top 40 labels by errors when there are more) and `confidence.svg` (histogram of
 * confidence for correct vs wrong predictions).
 *
 * @returns Absolute or relative paths (as `dir` was given) of the three files written.
 * @throws InvalidInputError `INVALID_INPUT` when the directory or a file cannot be written.
 */
export function writeTriageReport(options: WriteTriageReportOptions): string[] {
  const { dir, evaluation } = options;
  const files = {
    'report.md': renderTriageMarkdown({ evaluation, ...(options.command === undefined ? {} : { command: options.command }) }),
    'confusion.svg': renderConfusionSvg(evaluation.report.confusion),
    'confidence.svg': renderConfidenceSvg({
      correct: evaluation.predictions.filter((row) => row.predicted === row.truth).map((row) => row.confidence),
      wrong: evaluation.predictions.filter((row) => row.predicted !== row.truth).map((row) => row.confidence),
      thresholds: evaluation.thresholds,
    }),
  };
  try {
    mkdirSync(dir, { recursive: true });
    return Object.entries(files).map(([name, content]) => {
      const path = join(dir, name);
      writeFileSync(path, content, 'utf8');
      return path;
    });
  } catch (error) {
    throw new InvalidInputError('INVALID_INPUT', `Cannot write the report to ${dir}`, { cause: error, details: { path: dir } });
  }
}
