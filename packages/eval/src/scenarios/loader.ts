/**
 * Reads a directory of scenario files (`*.json`, one scenario each), validates them and reports
 * every broken file as a failure instead of stopping the run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { InvalidInputError } from '@switchboard/core';
import { ScenarioSchema, type Scenario, type ScenarioFailure } from './schema.js';

/** A valid scenario and the file it came from. */
export interface LoadedScenario {
  file: string;
  scenario: Scenario;
}

/** The valid scenarios of a directory (sorted by file name) and one failure per broken file. */
export interface LoadedSuite {
  scenarios: LoadedScenario[];
  /** Step 0 failures: unreadable JSON, schema errors, a name that is not the file name (names are therefore unique). */
  problems: ScenarioFailure[];
}

/**
 * Validates one parsed scenario file. The scenario's `name` must equal the file name without
 * `.json`, so a failure report leads straight to the file.
 * @returns the scenario, or a step-0 failure naming the file and the first problems.
 */
export function parseScenario(file: string, json: unknown): LoadedScenario | ScenarioFailure {
  const name = basename(file).replace(/\.json$/, '');
  const parsed = ScenarioSchema.safeParse(json);
  if (!parsed.success) return { name, step: 0, expected: 'a valid scenario file', actual: `${file}: ${z.prettifyError(parsed.error).replace(/\s*\n\s*/g, '; ')}` };
  if (parsed.data.name !== name) return { name, step: 0, expected: `name ${JSON.stringify(name)} (the file name)`, actual: `name ${JSON.stringify(parsed.data.name)} in ${file}` };
  return { file, scenario: parsed.data };
}

/**
 * Loads every `*.json` file of `dir` (not recursive).
 * @throws InvalidInputError `DATA_MISSING` when `dir` is not a readable directory.
 */
export function loadScenarios(dir: string): LoadedSuite {
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    files = readdirSync(dir).filter((entry) => entry.endsWith('.json')).sort();
  } catch {
    throw new InvalidInputError('DATA_MISSING', `Scenario directory ${dir} is missing or unreadable; pass --dir with a directory of *.json scenario files`, { details: { dir } });
  }
  const suite: LoadedSuite = { scenarios: [], problems: [] };
  for (const entry of files) {
    const file = join(dir, entry);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      suite.problems.push({ name: entry.replace(/\.json$/, ''), step: 0, expected: 'a readable JSON file', actual: `${file}: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const loaded = parseScenario(file, json);
    if ('scenario' in loaded) suite.scenarios.push(loaded);
    else suite.problems.push(loaded);
  }
  return suite;
}
