/**
 * Splits a reply into sentences (per line) so a revision can drop the sentence carrying a bad
 * fact and keep the rest exactly as written.
 */

/** One sentence of a reply: trimmed `text`, its offsets in the reply, and its line number (0-based). */
export interface Segment {
  text: string;
  start: number;
  end: number;
  line: number;
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'apt', 'no', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'jr', 'sr', 'ave', 'rd', 'approx', 'ft', 'oz', 'lb', 'lbs']);
const BOUNDARY = /[.!?]+["')\]]*\s+(?=["'(\-$#A-Z0-9])/g;

function pushTrimmed(segments: Segment[], input: { text: string; offset: number; line: number }): void {
  const leading = input.text.length - input.text.trimStart().length;
  const trimmed = input.text.trim();
  if (trimmed === '') return;
  segments.push({ text: trimmed, start: input.offset + leading, end: input.offset + leading + trimmed.length, line: input.line });
}

/**
 * The sentences of `text`, line by line: a line break always ends a sentence; inside a line a
 * sentence ends at `.`, `!` or `?` followed by a space and a capital, digit, quote or symbol —
 * except after a short abbreviation ("Apt.", "St.", "e.g.").
 *
 * @returns segments in order; none for blank text.
 */
export function splitSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let offset = 0;
  text.split('\n').forEach((line, lineNumber) => {
    let start = 0;
    for (const match of line.matchAll(BOUNDARY)) {
      const before = line.slice(start, match.index).split(/\s+/).at(-1)?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(before.replace(/^[("']+/, ''))) continue;
      const end = match.index + match[0].trimEnd().length;
      pushTrimmed(segments, { text: line.slice(start, end), offset: offset + start, line: lineNumber });
      start = match.index + match[0].length;
    }
    pushTrimmed(segments, { text: line.slice(start), offset: offset + start, line: lineNumber });
    offset += line.length + 1;
  });
  return segments;
}

/**
 * The reply without the dropped segments: kept sentences of a line are joined by one space,
 * lines left empty by the drop disappear, blank lines between paragraphs stay (at most one).
 *
 * @param input.text - the original reply; `segments` its {@link splitSegments}; `drop` indexes into `segments`.
 */
export function dropSegments(input: { text: string; segments: readonly Segment[]; drop: ReadonlySet<number> }): string {
  const lines = input.text.split('\n');
  const kept = lines.map(() => [] as string[]);
  const hadContent = lines.map((line) => line.trim() !== '');
  input.segments.forEach((segment, index) => {
    if (!input.drop.has(index)) kept[segment.line]?.push(segment.text);
  });
  const output: string[] = [];
  kept.forEach((parts, lineNumber) => {
    if (parts.length > 0) output.push(parts.join(' '));
    else if (!hadContent[lineNumber] && output.length > 0 && output.at(-1) !== '') output.push('');
  });
  while (output.at(-1) === '') output.pop();
  return output.join('\n');
}
