/**
 * The markdown part of the triage report (`report.md`).
 */
import type { TriageEvaluation, TriagePrediction } from '../evaluate.js';
import { OOS_LABEL } from '../labels.js';

/** Options of {@link renderTriageMarkdown}. */
export interface TriageMarkdownOptions {
  evaluation: TriageEvaluation;
  /** The command that produced the report, shown verbatim. */
  command?: string;
  /** How many highest-confidence errors to list. @defaultValue 50 */
  worstErrors?: number;
}

/**
 * Renders `report.md`: summary table, per-label table (worst F1 first), the most confused label
 * pairs, links to `confusion.svg` and `confidence.svg`, and the highest-confidence errors.
 *
 * @returns Markdown text ending with a newline.
 */
export function renderTriageMarkdown(options: TriageMarkdownOptions): string {
  const { report, predictions, thresholds } = options.evaluation;
  const lines = ['# Triage evaluation', ''];
  if (options.command !== undefined) lines.push('```', options.command, '```', '');
  lines.push('## Summary', '', '| metric | value |', '| --- | --- |');
  lines.push(`| test rows (n) | ${report.n} |`, `| labels (true ∪ predicted) | ${report.labels.length} |`, `| accuracy (oos as one more class) | ${fixed(report.accuracy)} |`, `| macro F1 | ${fixed(report.macroF1)} |`);
  if (report.inScopeAccuracy !== undefined) lines.push(`| in-scope accuracy | ${fixed(report.inScopeAccuracy)} |`);
  if (report.oosRecall !== undefined) lines.push(`| OOS recall | ${fixed(report.oosRecall)} |`);
  if (report.oosPrecision !== undefined) lines.push(`| OOS precision | ${fixed(report.oosPrecision)} |`);
  const inScope = predictions.filter((row) => row.truth !== OOS_LABEL);
  const predictedOos = predictions.filter((row) => row.predicted === OOS_LABEL).length;
  lines.push(
    `| closed-set top-1 accuracy on in-scope rows (threshold ignored; diagnostic) | ${fixed(share(inScope.filter((row) => row.topLabel === row.truth).length, inScope.length))} |`,
    `| predicted out-of-scope | ${predictedOos} (${fixed(share(predictedOos, predictions.length))}) |`,
    `| out-of-scope threshold | ${thresholdText(thresholds)} |`,
    `| train ms | ${report.trainMs} |`,
    `| predict ms per message p50 / p95 / p99 | ${report.predictMs.p50} / ${report.predictMs.p95} / ${report.predictMs.p99} |`,
    '',
  );
  lines.push('## Confusion matrix', '', '![confusion matrix](confusion.svg)', '', '## Confidence of correct and wrong predictions', '', '![confidence histogram](confidence.svg)', '');
  lines.push('## Per label (worst F1 first)', '', '| label | precision | recall | F1 | support |', '| --- | --- | --- | --- | --- |');
  const byF1 = Object.entries(report.perLabel).sort(([leftLabel, left], [rightLabel, right]) => left.f1 - right.f1 || leftLabel.localeCompare(rightLabel));
  for (const [label, scores] of byF1) lines.push(`| ${cell(label)} | ${fixed(scores.precision)} | ${fixed(scores.recall)} | ${fixed(scores.f1)} | ${scores.support} |`);
  lines.push('', ...confusedPairs(options.evaluation), '', ...worstErrors(predictions, options.worstErrors ?? 50));
  return `${lines.join('\n')}\n`;
}

function confusedPairs(evaluation: TriageEvaluation): string[] {
  const { labels, matrix } = evaluation.report.confusion;
  const pairs: { truth: string; predicted: string; count: number }[] = [];
  for (const [row, counts] of matrix.entries()) {
    for (const [column, count] of counts.entries()) {
      if (row !== column && count > 0) pairs.push({ truth: labels[row] as string, predicted: labels[column] as string, count });
    }
  }
  pairs.sort((left, right) => right.count - left.count || left.truth.localeCompare(right.truth) || left.predicted.localeCompare(right.predicted));
  const lines = ['## Most confused pairs (top 20)', '', '| true | predicted | count |', '| --- | --- | --- |'];
  for (const pair of pairs.slice(0, 20)) lines.push(`| ${cell(pair.truth)} | ${cell(pair.predicted)} | ${pair.count} |`);
  if (pairs.length === 0) lines.push('| — | — | 0 |');
  return lines;
}

function worstErrors(predictions: readonly TriagePrediction[], limit: number): string[] {
  const errors = predictions.filter((row) => row.predicted !== row.truth).sort((left, right) => right.confidence - left.confidence);
  const lines = [`## ${Math.min(limit, errors.length)} worst errors (highest-confidence wrong predictions, of ${errors.length})`, '', '| # | text | true | predicted | confidence |', '| --- | --- | --- | --- | --- |'];
  for (const [index, row] of errors.slice(0, limit).entries()) {
    lines.push(`| ${index + 1} | ${cell(row.text)} | ${cell(row.truth)} | ${cell(row.predicted)} | ${row.confidence.toFixed(3)} |`);
  }
  return lines;
}

/** Text safe inside a markdown table cell: one line, pipes escaped, at most 200 characters. */
function cell(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const clipped = oneLine.length > 200 ? `${oneLine.slice(0, 199)}…` : oneLine;
  return clipped.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

function fixed(value: number): string {
  return value.toFixed(4);
}

function share(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

function thresholdText(thresholds: readonly number[]): string {
  if (thresholds.length === 0) return '—';
  if (thresholds.length === 1) return (thresholds[0] as number).toFixed(4);
  const mean = thresholds.reduce((total, value) => total + value, 0) / thresholds.length;
  return `${mean.toFixed(4)} (mean of ${thresholds.length} folds: ${thresholds.map((value) => value.toFixed(3)).join(', ')})`;
}
