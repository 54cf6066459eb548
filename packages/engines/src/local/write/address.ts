/**
 * Postal addresses from customer text: "320 Cedar Avenue, Suite 116, San Antonio, TX 78219, USA",
 * a labelled form ("address line 1: …, city: …, state: …, zip: …"), or "my default address".
 */
import type { Address } from '@switchboard/core';

const LABELS: Readonly<Record<keyof Address, RegExp>> = {
  address1: /\b(?:address\s*(?:line\s*)?1|address1|street(?:\s+address)?)\s*(?:is|[:=-])\s*([^,;\n]+)/i,
  address2: /\b(?:address\s*(?:line\s*)?2|address2|apartment|apt|unit)\s*(?:is|[:=-])\s*([^,;\n]*)/i,
  city: /\bcity\s*(?:is|[:=-])\s*([^,;\n]+)/i,
  state: /\bstate\s*(?:is|[:=-])\s*([^,;\n]+)/i,
  zip: /\b(?:zip|zip\s*code|postal\s*code|postcode)\s*(?:is|[:=-])\s*([0-9]{5}(?:-[0-9]{4})?)/i,
  country: /\bcountry\s*(?:is|[:=-])\s*([^,;\n]+)/i,
};

/** "TX 78219", "TX, 78219", "Texas 78219": a state (2 letters or words) then a 5-digit zip. */
const STATE_ZIP = /,\s*([A-Za-z][A-Za-z .]*?)\s*,?\s+(\d{5}(?:-\d{4})?)\b/g;
const STREET_START = /\b\d+[A-Za-z]?\s+[A-Za-z]/g;

const clean = (value: string): string => value.trim().replace(/^[,;:.\s]+|[,;:.!?\s]+$/g, '').trim();

/** Words that mean "the address already on my profile". */
export const DEFAULT_ADDRESS = /\b(?:default|profile|account|saved|usual|home)\s+(?:shipping\s+)?address\b|\baddress\s+(?:on|in)\s+(?:file|my\s+(?:profile|account))\b/i;

/**
 * Reads a full postal address from `text`; `country` defaults to `defaultCountry` when not said.
 * @returns the address, or `undefined` when street, city, state or zip is missing.
 */
export function parseAddress(text: string, defaultCountry: string): Address | undefined {
  return parseLabelled(text, defaultCountry) ?? parseFree(text, defaultCountry);
}

/** The country at the start of `text`: capitalised words ("USA", "United States"), not a following "instead" or "Please". */
function countryIn(text: string): string | undefined {
  const country = /^\s*,?\s*([A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*)/.exec(text)?.[1]?.replace(/\.$/, '');
  return country !== undefined && !/^(?:Please|Thanks|Thank|Instead)\b/.test(country) ? country : undefined;
}

function parseLabelled(text: string, defaultCountry: string): Address | undefined {
  const read = (field: keyof Address): string | undefined => {
    const match = LABELS[field].exec(text);
    return match ? clean(match[1] ?? '') : undefined;
  };
  const address1 = read('address1');
  const city = read('city');
  const state = read('state');
  const zip = read('zip');
  if (!address1 || !city || !state || !zip) return undefined;
  const address2 = read('address2') ?? '';
  return { address1, address2: /^(?:none|n\/a|-)$/i.test(address2) ? '' : address2, city, state, zip, country: countryIn(read('country') ?? '') ?? defaultCountry };
}

function parseFree(text: string, defaultCountry: string): Address | undefined {
  const matches = [...text.matchAll(STATE_ZIP)];
  const stateZip = matches.at(-1);
  if (!stateZip) return undefined;
  const before = text.slice(0, stateZip.index);
  // The street starts at the last "<number> <word>" that still leaves a street and a city before the state ("zip 78762. Change it to 441 Hillcrest Drive, Dallas").
  const starts = [...before.matchAll(STREET_START)].map((match) => match.index).reverse();
  const parts = starts.map((start) => before.slice(start).split(',').map(clean).filter((part) => part !== '')).find((candidate) => candidate.length >= 2);
  if (!parts) return undefined;
  const address1 = parts[0] ?? '';
  const city = parts.at(-1) ?? '';
  const address2 = parts.slice(1, -1).join(', ');
  const after = text.slice(stateZip.index + stateZip[0].length);
  return { address1, address2, city, state: clean(stateZip[1] ?? ''), zip: stateZip[2] ?? '', country: countryIn(after) ?? defaultCountry };
}

/** "320 Cedar Avenue, Suite 116, San Antonio, TX 78219, USA". */
export function formatAddress(address: Address): string {
  return [address.address1, address.address2, address.city, `${address.state} ${address.zip}`, address.country].filter((part) => part.trim() !== '').join(', ');
}
