/**
 * Name and address material for synthetic customers. Every person and address the generator
 * builds from these lists is fictional; zip codes are plausible for the city (first three digits
 * from the city's real prefix), not real delivery points.
 */
import type { Address } from '@switchboard/core';
import type { Random } from './prng.js';

/** Given names, capitalized. */
export const FIRST_NAMES: readonly string[] = [
  'Aaliyah', 'Aarav', 'Ada', 'Alejandro', 'Amara', 'Amir', 'Ana', 'Andre', 'Astrid', 'Ben',
  'Camila', 'Chen', 'Clara', 'Daniel', 'Diego', 'Elena', 'Eli', 'Emma', 'Farah', 'Felix',
  'Grace', 'Hana', 'Hugo', 'Ines', 'Isaac', 'Jada', 'Jonas', 'Kai', 'Keiko', 'Leah',
  'Liam', 'Lucia', 'Malik', 'Maya', 'Mei', 'Nadia', 'Nina', 'Noor', 'Olivia', 'Omar',
  'Priya', 'Rafael', 'Rosa', 'Ruby', 'Samir', 'Sofia', 'Tariq', 'Tessa', 'Theo', 'Uma',
  'Victor', 'Wen', 'Xavier', 'Yusuf', 'Zara', 'Zoe', 'Mateo', 'Ingrid', 'Kofi', 'Lena',
];

/** Family names, capitalized, single word (they become part of `first_last_1234` ids). */
export const LAST_NAMES: readonly string[] = [
  'Abbott', 'Adeyemi', 'Alvarez', 'Andersen', 'Bauer', 'Bennett', 'Carter', 'Castillo', 'Chowdhury', 'Cohen',
  'Dang', 'Delgado', 'Dubois', 'Ellis', 'Fischer', 'Fontaine', 'Garcia', 'Gupta', 'Hansen', 'Hayes',
  'Ibrahim', 'Ito', 'Jensen', 'Johnson', 'Kaur', 'Kim', 'Kowalski', 'Lambert', 'Larsen', 'Lopez',
  'Mendes', 'Moreau', 'Murphy', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', 'Ortiz', 'Park', 'Patel',
  'Quinn', 'Reyes', 'Rossi', 'Sato', 'Schmidt', 'Silva', 'Singh', 'Sullivan', 'Tanaka', 'Torres',
  'Vargas', 'Walsh', 'Weber', 'Williams', 'Xu', 'Yamamoto', 'Young', 'Zhang', 'Ziegler', 'Moreno',
];

/** Street names for `address1`. */
const STREETS: readonly string[] = [
  'Maple Avenue', 'Oak Street', 'Cedar Lane', 'Pine Road', 'Elm Street', 'Willow Way', 'Lakeview Drive',
  'Hillcrest Road', 'River Road', 'Sunset Boulevard', 'Park Avenue', 'Main Street', 'Highland Avenue',
  'Meadow Lane', 'Chestnut Street', 'Spring Street', 'Broadway', 'Walnut Street', 'Forest Drive',
  'Harbor View', 'Orchard Lane', 'Mill Street', 'Church Street', 'Valley Road', 'Ridge Road',
];

/** Cities with their state (USPS two-letter code) and the first three digits of their zip codes. */
const CITIES: readonly { city: string; state: string; zipPrefix: string }[] = [
  { city: 'New York', state: 'NY', zipPrefix: '100' },
  { city: 'Los Angeles', state: 'CA', zipPrefix: '900' },
  { city: 'San Francisco', state: 'CA', zipPrefix: '941' },
  { city: 'San Diego', state: 'CA', zipPrefix: '921' },
  { city: 'Chicago', state: 'IL', zipPrefix: '606' },
  { city: 'Houston', state: 'TX', zipPrefix: '770' },
  { city: 'Austin', state: 'TX', zipPrefix: '787' },
  { city: 'Dallas', state: 'TX', zipPrefix: '752' },
  { city: 'Phoenix', state: 'AZ', zipPrefix: '850' },
  { city: 'Philadelphia', state: 'PA', zipPrefix: '191' },
  { city: 'Pittsburgh', state: 'PA', zipPrefix: '152' },
  { city: 'Seattle', state: 'WA', zipPrefix: '981' },
  { city: 'Portland', state: 'OR', zipPrefix: '972' },
  { city: 'Denver', state: 'CO', zipPrefix: '802' },
  { city: 'Boston', state: 'MA', zipPrefix: '021' },
  { city: 'Atlanta', state: 'GA', zipPrefix: '303' },
  { city: 'Miami', state: 'FL', zipPrefix: '331' },
  { city: 'Orlando', state: 'FL', zipPrefix: '328' },
  { city: 'Charlotte', state: 'NC', zipPrefix: '282' },
  { city: 'Nashville', state: 'TN', zipPrefix: '372' },
  { city: 'Minneapolis', state: 'MN', zipPrefix: '554' },
  { city: 'Detroit', state: 'MI', zipPrefix: '482' },
  { city: 'Columbus', state: 'OH', zipPrefix: '432' },
  { city: 'Indianapolis', state: 'IN', zipPrefix: '462' },
  { city: 'Salt Lake City', state: 'UT', zipPrefix: '841' },
  { city: 'Las Vegas', state: 'NV', zipPrefix: '891' },
  { city: 'Kansas City', state: 'MO', zipPrefix: '641' },
  { city: 'Milwaukee', state: 'WI', zipPrefix: '532' },
  { city: 'Washington', state: 'DC', zipPrefix: '200' },
  { city: 'Albuquerque', state: 'NM', zipPrefix: '871' },
];

/**
 * A random US address: `address1` "<number> <street>", `address2` "Suite <n>" or "Apt <n>",
 * a 5-digit `zip` matching the city, `country` 'USA'.
 */
export function randomAddress(random: Random): Address {
  const place = random.pick(CITIES);
  const unit = random.chance(0.6) ? `Suite ${random.int(100, 999)}` : `Apt ${random.int(1, 40)}`;
  return {
    address1: `${random.int(10, 9999)} ${random.pick(STREETS)}`,
    address2: unit,
    city: place.city,
    country: 'USA',
    state: place.state,
    zip: `${place.zipPrefix}${String(random.int(1, 99)).padStart(2, '0')}`,
  };
}
