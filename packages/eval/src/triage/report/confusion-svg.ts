/**
 * The confusion matrix as an SVG heat map (rows = true label, columns = predicted label).
 */
import type { ConfusionMatrix } from '../metrics.js';
import { escapeXml, px, shade, svgOpen, textWidth } from './svg.js';

/** Options of {@link renderConfusionSvg}. */
export interface ConfusionSvgOptions {
  /** Above this many labels, only the labels most involved in errors are drawn. @defaultValue 40 */
  maxLabels?: number;
}

const CORRECT_RGB = [33, 102, 172] as const;
const ERROR_RGB = [203, 24, 29] as const;

/**
 * Draws the matrix as a heat map: each cell is shaded by its share of the row (the true label's
 * support), blue on the diagonal and red off it, on a square-root scale so rare confusions stay
 * visible. Column labels are rotated; cells show counts when they are large enough; every
 * non-empty cell has a `<title>` tooltip. With more than `maxLabels` labels, it keeps the
 * `maxLabels` labels with the most off-diagonal counts (row + column) and says so in a note.
 *
 * @returns A standalone SVG document (UTF-8 text starting with `<svg`).
 */
export function renderConfusionSvg(confusion: ConfusionMatrix, options: ConfusionSvgOptions = {}): string {
  const maxLabels = options.maxLabels ?? 40;
  const shown = selectLabels(confusion, maxLabels);
  const cell = Math.max(10, Math.min(36, Math.floor(760 / Math.max(1, shown.length))));
  const fontSize = Math.max(8, Math.min(12, cell - 2));
  const labelSpace = Math.max(60, ...shown.map((index) => textWidth(confusion.labels[index] as string, fontSize))) + 12;
  const note = shown.length < confusion.labels.length
    ? `Showing the ${shown.length} of ${confusion.labels.length} labels most involved in errors (off-diagonal row + column counts); the full matrix is in the JSON output.`
    : '';
  const header = 34 + (note === '' ? 0 : 18);
  const left = labelSpace + 22;
  const top = header + labelSpace;
  const width = Math.max(left + shown.length * cell + 20, note === '' ? 0 : textWidth(note, 11) + 20);
  const height = top + shown.length * cell + 20;
  const parts = [svgOpen({ width, height })];
  parts.push(`<text x="10" y="22" font-size="15" font-weight="bold">Confusion matrix (rows: true label, columns: predicted label)</text>`);
  if (note !== '') parts.push(`<text x="10" y="42" font-size="11" fill="#444444">${escapeXml(note)}</text>`);
  parts.push(`<text x="${px(left + (shown.length * cell) / 2)}" y="${px(header + 12)}" font-size="12" text-anchor="middle" fill="#444444">predicted →</text>`);
  parts.push(`<text x="14" y="${px(top + (shown.length * cell) / 2)}" font-size="12" text-anchor="middle" fill="#444444" transform="rotate(-90 14 ${px(top + (shown.length * cell) / 2)})">true →</text>`);
  parts.push(`<rect x="${px(left)}" y="${px(top)}" width="${px(shown.length * cell)}" height="${px(shown.length * cell)}" fill="#ffffff" stroke="#cccccc"/>`);
  for (const [position, index] of shown.entries()) {
    const name = escapeXml(confusion.labels[index] as string);
    const rowY = top + position * cell + cell / 2 + fontSize / 3;
    parts.push(`<text x="${px(left - 4)}" y="${px(rowY)}" font-size="${fontSize}" text-anchor="end">${name}</text>`);
    const columnX = left + position * cell + cell / 2 + fontSize / 3;
    parts.push(`<text x="${px(columnX)}" y="${px(top - 4)}" font-size="${fontSize}" transform="rotate(-90 ${px(columnX)} ${px(top - 4)})">${name}</text>`);
  }
  parts.push(...cells(confusion, { shown, cell, left, top, fontSize }));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function cells(confusion: ConfusionMatrix, layout: { shown: readonly number[]; cell: number; left: number; top: number; fontSize: number }): string[] {
  const { shown, cell, left, top } = layout;
  const parts: string[] = [];
  for (const [rowPosition, row] of shown.entries()) {
    const counts = confusion.matrix[row] ?? [];
    const support = counts.reduce((total, count) => total + count, 0);
    for (const [columnPosition, column] of shown.entries()) {
      const count = counts[column] ?? 0;
      if (count === 0) continue;
      const share = support === 0 ? 0 : count / support;
      const fill = shade(row === column ? CORRECT_RGB : ERROR_RGB, 0.12 + 0.88 * Math.sqrt(share));
      const x = left + columnPosition * cell;
      const y = top + rowPosition * cell;
      const tooltip = `${confusion.labels[row] ?? ''} → ${confusion.labels[column] ?? ''}: ${count}`;
      parts.push(`<rect x="${px(x)}" y="${px(y)}" width="${px(cell)}" height="${px(cell)}" fill="${fill}"><title>${escapeXml(tooltip)}</title></rect>`);
      if (cell >= 18) {
        const color = Math.sqrt(share) > 0.55 ? '#ffffff' : '#000000';
        const size = Math.min(layout.fontSize, cell / Math.max(2, String(count).length) + 2);
        parts.push(`<text x="${px(x + cell / 2)}" y="${px(y + cell / 2 + size / 3)}" font-size="${px(size)}" text-anchor="middle" fill="${color}">${count}</text>`);
      }
    }
  }
  return parts;
}

/** Indices of the labels to draw, in matrix order. */
function selectLabels(confusion: ConfusionMatrix, maxLabels: number): number[] {
  const all = confusion.labels.map((_, index) => index);
  if (all.length <= maxLabels) return all;
  const errors = all.map((index) => {
    let total = 0;
    for (const other of all) {
      if (other === index) continue;
      total += (confusion.matrix[index]?.[other] ?? 0) + (confusion.matrix[other]?.[index] ?? 0);
    }
    return total;
  });
  const ranked = [...all].sort((left, right) => (errors[right] as number) - (errors[left] as number) || left - right);
  return ranked.slice(0, maxLabels).sort((left, right) => left - right);
}
