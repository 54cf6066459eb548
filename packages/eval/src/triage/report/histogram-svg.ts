/**
 * Confidence histogram of correct vs wrong predictions as an SVG (like Rasa's intent histogram).
 */
import { escapeXml, px, svgOpen } from './svg.js';

/** Input of {@link renderConfidenceSvg}. */
export interface ConfidenceHistogramInput {
  /** Top-probability confidence (0–1) of each correct prediction. */
  correct: readonly number[];
  /** Top-probability confidence (0–1) of each wrong prediction. */
  wrong: readonly number[];
  /** Out-of-scope threshold(s) to mark as dashed vertical lines (0–1). */
  thresholds?: readonly number[];
  /** Number of equal-width bins over [0, 1]. @defaultValue 20 */
  bins?: number;
}

const PANEL = { width: 680, height: 200, left: 60, gap: 70 } as const;

/**
 * Draws two stacked panels — correct predictions (blue) and wrong predictions (red) — each a
 * histogram of confidence over [0, 1] with its own count axis, so a few wrong predictions stay
 * visible next to thousands of correct ones.
 *
 * @returns A standalone SVG document (text starting with `<svg`).
 */
export function renderConfidenceSvg(input: ConfidenceHistogramInput): string {
  const bins = input.bins ?? 20;
  const width = PANEL.left + PANEL.width + 30;
  const height = 40 + 2 * (PANEL.height + PANEL.gap);
  const parts = [svgOpen({ width, height })];
  parts.push(`<text x="10" y="22" font-size="15" font-weight="bold">Prediction confidence: correct vs wrong</text>`);
  if ((input.thresholds ?? []).length > 0) {
    parts.push(`<text x="${PANEL.left + PANEL.width}" y="22" font-size="11" text-anchor="end" fill="#555555">dashed: out-of-scope threshold${(input.thresholds ?? []).length > 1 ? ' (one per fold)' : ''}</text>`);
  }
  const panels = [
    { title: `correct (${input.correct.length})`, values: input.correct, color: '#2166ac' },
    { title: `wrong (${input.wrong.length})`, values: input.wrong, color: '#cb181d' },
  ];
  for (const [index, panel] of panels.entries()) {
    parts.push(...drawPanel({ ...panel, bins, thresholds: input.thresholds ?? [], top: 50 + index * (PANEL.height + PANEL.gap) }));
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function drawPanel(panel: { title: string; values: readonly number[]; color: string; bins: number; thresholds: readonly number[]; top: number }): string[] {
  const counts = new Array<number>(panel.bins).fill(0);
  for (const value of panel.values) {
    const bin = Math.min(panel.bins - 1, Math.max(0, Math.floor(value * panel.bins)));
    counts[bin] = (counts[bin] as number) + 1;
  }
  const maximum = Math.max(1, ...counts);
  const { left, width, height } = PANEL;
  const bottom = panel.top + height;
  const barWidth = width / panel.bins;
  const parts = [
    `<text x="${left}" y="${px(panel.top - 8)}" font-size="13" font-weight="bold" fill="${panel.color}">${escapeXml(panel.title)}</text>`,
    `<line x1="${left}" y1="${px(bottom)}" x2="${left + width}" y2="${px(bottom)}" stroke="#333333"/>`,
    `<line x1="${left}" y1="${px(panel.top)}" x2="${left}" y2="${px(bottom)}" stroke="#333333"/>`,
  ];
  for (const tick of new Set([0, Math.round(maximum / 2), maximum])) {
    const y = bottom - (tick / maximum) * height;
    parts.push(`<text x="${left - 6}" y="${px(y + 4)}" font-size="11" text-anchor="end">${tick}</text>`);
    if (tick > 0) parts.push(`<line x1="${left}" y1="${px(y)}" x2="${left + width}" y2="${px(y)}" stroke="#eeeeee"/>`);
  }
  for (let tick = 0; tick <= 10; tick += 1) {
    const x = left + (tick / 10) * width;
    parts.push(`<text x="${px(x)}" y="${px(bottom + 16)}" font-size="11" text-anchor="middle">${(tick / 10).toFixed(1)}</text>`);
  }
  parts.push(`<text x="${px(left + width / 2)}" y="${px(bottom + 34)}" font-size="12" text-anchor="middle" fill="#444444">confidence (top probability)</text>`);
  for (const [bin, count] of counts.entries()) {
    if (count === 0) continue;
    const barHeight = (count / maximum) * height;
    const low = (bin / panel.bins).toFixed(2);
    const high = ((bin + 1) / panel.bins).toFixed(2);
    parts.push(
      `<rect x="${px(left + bin * barWidth + 1)}" y="${px(bottom - barHeight)}" width="${px(barWidth - 2)}" height="${px(barHeight)}" fill="${panel.color}"><title>${low}–${high}: ${count}</title></rect>`,
    );
  }
  for (const threshold of new Set(panel.thresholds.map((value) => Math.round(value * 1000) / 1000))) {
    const x = left + threshold * width;
    parts.push(`<line x1="${px(x)}" y1="${px(panel.top)}" x2="${px(x)}" y2="${px(bottom)}" stroke="#555555" stroke-dasharray="4 3"><title>out-of-scope threshold ${threshold}</title></line>`);
  }
  return parts;
}
