import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TriageEvaluation, TriagePrediction } from '../evaluate.js';
import { computeTriageMetrics } from '../metrics.js';
import { renderConfusionSvg } from './confusion-svg.js';
import { writeTriageReport } from './write.js';

/** Checks that every tag is closed in order (a small XML well-formedness check, no dependency). */
function expectWellFormed(svg: string): void {
  expect(svg.startsWith('<svg ')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([A-Za-z][\w:-]*)(?:\s[^<>]*?)?(\/?)>/g)) {
    if (selfClosing === '/') continue;
    if (closing === '/') expect(stack.pop()).toBe(name);
    else stack.push(name as string);
  }
  expect(stack).toEqual([]);
  expect(svg.replace(/<[^<>]*>/g, '')).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
}

function evaluationOf(predictions: TriagePrediction[]): TriageEvaluation {
  const metrics = computeTriageMetrics({ truth: predictions.map((row) => row.truth), predicted: predictions.map((row) => row.predicted) });
  return { report: { ...metrics, trainMs: 12.5, predictMs: { p50: 0.01, p95: 0.02, p99: 0.03 } }, predictions, thresholds: [0.4] };
}

describe('writeTriageReport', () => {
  it('writes report.md with the tables and well-formed SVGs naming the labels', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sb-triage-report-')), 'nested');
    const predictions: TriagePrediction[] = [
      { text: 'where is my order', truth: 'track_order', predicted: 'track_order', confidence: 0.93, topLabel: 'track_order' },
      { text: 'refund | now <please>', truth: 'get_refund', predicted: 'track_order', confidence: 0.81, topLabel: 'track_order' },
      { text: 'money back', truth: 'get_refund', predicted: 'get_refund', confidence: 0.66, topLabel: 'get_refund' },
      { text: 'tell me a joke', truth: 'oos', predicted: 'oos', confidence: 0.2, topLabel: 'get_refund' },
      { text: 'R&D <dept>', truth: 'oos', predicted: 'get_refund', confidence: 0.55, topLabel: 'get_refund' },
    ];
    const files = writeTriageReport({ dir, evaluation: evaluationOf(predictions), command: 'switchboard eval triage --train a.csv --test b.csv' });
    expect(readdirSync(dir).sort()).toEqual(['confidence.svg', 'confusion.svg', 'report.md']);
    expect(files).toHaveLength(3);
    const markdown = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(markdown).toContain('| OOS recall | 0.5000 |');
    expect(markdown).toContain('![confusion matrix](confusion.svg)');
    expect(markdown).toContain('| get_refund | 0.5000 | 0.5000 | 0.5000 | 2 |');
    expect(markdown).toMatch(/## 2 worst errors[^\n]*\n\n[^\n]*\n[^\n]*\n\| 1 \| refund \\\| now &lt;please> \| get_refund \| track_order \| 0\.810 \|\n\| 2 \| R&D &lt;dept> \| oos \| get_refund \| 0\.550 \|/);
    const confusion = readFileSync(join(dir, 'confusion.svg'), 'utf8');
    expectWellFormed(confusion);
    for (const label of ['track_order', 'get_refund', 'oos']) expect(confusion).toContain(`>${label}</text>`);
    const confidence = readFileSync(join(dir, 'confidence.svg'), 'utf8');
    expectWellFormed(confidence);
    expect(confidence).toContain('correct (3)');
    expect(confidence).toContain('wrong (2)');
  });

  it('draws only the labels most involved in errors when there are too many, and says so', () => {
    const labels = Array.from({ length: 60 }, (_, index) => `intent_${String(index).padStart(2, '0')}`);
    const truth = labels.flatMap((label) => [label, label]);
    const predicted = labels.flatMap((label, index) => [label, index < 5 ? 'intent_59' : label]);
    const svg = renderConfusionSvg(computeTriageMetrics({ truth, predicted }).confusion, { maxLabels: 10 });
    expectWellFormed(svg);
    expect(svg).toContain('Showing the 10 of 60 labels most involved in errors');
    expect(svg).toContain('>intent_59</text>');
    expect(svg).toContain('>intent_04</text>');
    expect(svg).not.toContain('>intent_30</text>');
  });
});
