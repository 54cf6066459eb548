/**
 * US zip codes: 5 digits (a `-1234` extension is dropped) after `zip`, `zip code`, `zipcode`,
 * `postal code` (`zip 80279`, `zip code is 80279`); a lone 5-digit run right after a person name
 * (`Yusuf Rossi 80279`); or a whole message that is just 5 digits (the answer to "what is your
 * zip code?").
 */
import type { EntityMatch } from './spans.js';
import { matchAll } from './spans.js';

const KEYWORD_ZIP = /\b(?:zip|zipcode|postal|postcode)\b(?:\s*(?:code|is|was|number|no|:|#|-|=)\.?)*\s*(\d{5})(?:-\d{4})?(?!\d)/giu;
const AFTER_NAME = /^\s*[,;]?\s*(\d{5})(?:-\d{4})?(?![\d\p{L}])/u;
const WHOLE_MESSAGE = /^\s*#?\s*(\d{5})(?:-\d{4})?\s*[.!]?\s*$/u;

/** Adds a zip code match (a module function: see `dates.ts`). */
function push(matches: EntityMatch<string>[], start: number, zip: string): void {
  matches.push({ start, end: start + zip.length, value: zip });
}

/** Zip codes; `nameEnds` are end offsets of person names found in the same text. */
export function findZipCodes(text: string, nameEnds: readonly number[] = []): EntityMatch<string>[] {
  const matches: EntityMatch<string>[] = [];
  for (const match of matchAll(text, KEYWORD_ZIP)) {
    const zip = match[1] ?? '';
    push(matches, match.index + match[0].lastIndexOf(zip), zip);
  }
  for (const end of nameEnds) {
    const match = AFTER_NAME.exec(text.slice(end, end + 20));
    if (match?.[1] !== undefined) push(matches, end + match[0].indexOf(match[1]), match[1]);
  }
  const whole = WHOLE_MESSAGE.exec(text);
  if (whole?.[1] !== undefined) push(matches, text.indexOf(whole[1]), whole[1]);
  return matches;
}
