/**
 * Small helpers for hand-written SVG: escaping, number formatting, text width estimates.
 */

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A coordinate or size with at most 2 decimals, as SVG wants it. */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Rough width in pixels of `text` in a sans-serif font of `fontSize` pixels (0.6 em per character). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

/** The opening tag of a standalone SVG document with a white background. */
export function svgOpen(size: { width: number; height: number }): string {
  const width = px(size.width);
  const height = px(size.height);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  ].join('\n');
}

/** Linear blend from white to `rgb` by `amount` (0–1), as a `#rrggbb` color. */
export function shade(rgb: readonly [number, number, number], amount: number): string {
  const clamped = Math.min(1, Math.max(0, amount));
  return `#${rgb.map((channel) => Math.round(255 - (255 - channel) * clamped).toString(16).padStart(2, '0')).join('')}`;
}
