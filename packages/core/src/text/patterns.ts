/**
 * Pattern lists matched as one regular expression. The guardrails and the triage signals test a
 * message against lists of 4–11 phrase patterns; on a short message the fixed cost of each
 * `test` call outweighs the matching, and one alternation scans the text once (about twice as
 * fast, measured on the guardrail lists: docs/benchmarks.md).
 */

/** Finds a backreference (`\1`, `\k<name>`) or a named group (`(?<name>`): both change meaning or fail when sources are joined. */
const UNSAFE_TO_JOIN = /\\[1-9]|\\k<|\(\?<[A-Za-z_$]/;

/**
 * One regular expression that matches a text exactly when at least one of `patterns` does
 * (`test` semantics: which pattern matched and where are not kept). The sources are joined as
 * a non-capturing alternation with the patterns' common flags; `g` and `y` are dropped, so the
 * result's `test` is stateless.
 *
 * @param patterns - at least one pattern; all with the same flags apart from `g`/`y`, none with
 *   backreferences or named groups.
 * @returns the combined pattern.
 * @throws Error when `patterns` is empty, their flags differ, or one cannot be joined (a
 *   programming error in a pattern list, raised when the module that builds it loads).
 * @example
 * ```ts
 * const legal = anyPattern([/\blawyer\b/i, /\bsue\b/i]);
 * legal.test('I will call my LAWYER'); // true
 * ```
 */
export function anyPattern(patterns: readonly RegExp[]): RegExp {
  const first = patterns[0];
  if (first === undefined) throw new Error('anyPattern needs at least one pattern');
  const flagsOf = (pattern: RegExp): string => pattern.flags.replace(/[gy]/g, '');
  const flags = flagsOf(first);
  for (const pattern of patterns) {
    if (flagsOf(pattern) !== flags) throw new Error(`anyPattern: /${pattern.source}/ has flags "${pattern.flags}", the list has "${flags}"`);
    if (UNSAFE_TO_JOIN.test(pattern.source)) throw new Error(`anyPattern: /${pattern.source}/ uses a backreference or a named group`);
  }
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), flags);
}
