/**
 * Character spans already taken by an entity, so that one piece of text (a 7-digit order
 * number, a phone number) is never reported as two entity types.
 */

/** A match of one extractor: `[start, end)` character offsets into the normalized text. */
export interface EntityMatch<Value> {
  start: number;
  end: number;
  value: Value;
}

/** Spans claimed so far by higher-precedence extractors. */
export class ClaimedSpans {
  private readonly spans: { start: number; end: number }[] = [];

  /** Whether `[start, end)` overlaps a claimed span. */
  overlaps(start: number, end: number): boolean {
    return this.spans.some((span) => start < span.end && span.start < end);
  }

  /** Keeps the matches that do not overlap claimed spans (nor each other), claims them and returns them by position. */
  claim<Value>(matches: readonly EntityMatch<Value>[]): EntityMatch<Value>[] {
    const kept: EntityMatch<Value>[] = [];
    if (matches.length === 0) return kept;
    for (const match of matches.length === 1 ? matches : [...matches].sort((left, right) => left.start - right.start)) {
      if (this.overlaps(match.start, match.end)) continue;
      this.spans.push({ start: match.start, end: match.end });
      kept.push(match);
    }
    return kept;
  }
}

/** Shared result of {@link matchAll} when nothing matches (most patterns on most messages). */
const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * All matches of a global regular expression, with their offsets, collected at once (a generator
 * here cost more than the matching: every extractor runs it on every message).
 */
export function matchAll(text: string, pattern: RegExp): readonly RegExpExecArray[] {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  global.lastIndex = 0;
  let matches: RegExpExecArray[] | undefined;
  for (let match = global.exec(text); match !== null; match = global.exec(text)) {
    if (match[0].length === 0) global.lastIndex += 1;
    (matches ??= []).push(match);
  }
  return matches ?? NO_MATCHES;
}

/** Keeps the first occurrence of each value (compared as JSON), in order. */
export function dedupe<Value>(values: readonly Value[]): Value[] {
  // Most lists are empty or hold one value: nothing to compare.
  if (values.length < 2) return values.slice();
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The values of `matches`, in order. */
export function valuesOf<Value>(matches: readonly EntityMatch<Value>[]): Value[] {
  return matches.map((match) => match.value);
}
