/**
 * Text views a guardrail matches against, so cheap obfuscation (homoglyphs, zero-width characters,
 * leetspeak, spaced-out letters, base64) does not hide a known phrase.
 */

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028\u2029\u2060\uFEFF]/g;
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '|': 'i' };
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** NFKC, invisible characters removed, typographic quotes made plain, lower case, spaces collapsed. */
export function plainText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .toLowerCase()
    .replace(/[ \t]+/g, ' ');
}

/** A character leetspeak replaces; without one, {@link unLeet} returns its input. */
const LEET_CHARACTER = /[013457@$|]/;

/** Leetspeak undone inside words: "1gn0r3 4ll" → "ignore all". */
function unLeet(text: string): string {
  // Most messages have no leet character: skip the per-word callbacks.
  if (!LEET_CHARACTER.test(text)) return text;
  return text.replace(/[a-z0-9@$|]+/g, (word) => (/[a-z]/.test(word) ? word.replace(/[013457@$|]/g, (character) => LEET[character] ?? character) : word));
}

/** A run of spaced or dotted letters ("i g n o r e"); without one, {@link despace} returns its input. */
const SPACED_LETTERS = /\b(?:[a-z][\s.\-_*]){3,}[a-z]\b/;

/** Spaced or dotted letters joined: "i g n o r e" / "i.g.n.o.r.e" → "ignore". */
function despace(text: string): string {
  if (!SPACED_LETTERS.test(text)) return text;
  return text.replace(/\b(?:[a-z][\s.\-_*]){3,}[a-z]\b/g, (run) => run.replace(/[\s.\-_*]/g, ''));
}

/** Decodes standard base64 to a Latin-1 string; undefined when it is not valid base64. */
export function decodeBase64(encoded: string): string | undefined {
  const clean = encoded.replace(/=+$/, '');
  if (clean.length % 4 === 1) return undefined;
  let bits = 0;
  let buffer = 0;
  let output = '';
  for (const character of clean) {
    const value = BASE64_ALPHABET.indexOf(character);
    if (value < 0) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      output += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return output;
}

/** Base64 runs of ≥ 20 characters (with a letter) that decode to mostly printable text. */
function decodedRuns(text: string): string[] {
  const decoded: string[] = [];
  for (const run of text.match(/[A-Za-z0-9+/]{20,}={0,2}/g) ?? []) {
    if (!/[A-Za-z]/.test(run) || !/\d|[+/=]|[a-z][A-Z]|[A-Z][a-z]/.test(run)) continue;
    const value = decodeBase64(run);
    if (value === undefined || value.length === 0) continue;
    const printable = value.replace(/[^\x20-\x7E\n]/g, '').length / value.length;
    if (printable >= 0.9) decoded.push(plainText(value));
  }
  return decoded;
}

/**
 * The views of `text` a pattern is tested against: the plain text, the same with leetspeak undone,
 * with spaced letters joined, and every base64 run decoded. The first view is the plain text.
 */
export function matchingViews(text: string): string[] {
  const plain = plainText(text);
  const unLeeted = unLeet(plain);
  const views = new Set([plain, unLeeted, despace(plain), despace(unLeeted), ...decodedRuns(text.normalize('NFKC'))]);
  return [...views];
}
