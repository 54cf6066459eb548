/**
 * The scenario suite (issue 5, item 9) as a CI gate: every file in `scenarios/` at the repository
 * root runs in-process on the offline desk (PGlite in memory, generated store, local engine) and
 * must pass.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScenarios } from '@switchboard/eval';
import { createDeskRuntime } from './runtime.js';

const SCENARIO_DIR = fileURLToPath(new URL('../../../scenarios', import.meta.url));

describe('scenario suite', () => {
  it('has at least 40 scenarios, one per file', () => {
    expect(readdirSync(SCENARIO_DIR).filter((file) => file.endsWith('.json')).length).toBeGreaterThanOrEqual(40);
  });

  it('passes every scenario', async () => {
    const report = await runScenarios({ dir: SCENARIO_DIR, createRuntime: () => createDeskRuntime({ inMemory: true }) });
    expect(report.failed).toEqual([]);
    expect(report.passed).toBe(report.scenarios);
  }, 120_000);
});
