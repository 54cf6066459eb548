/**
 * `switchboard eval scenarios [--dir DIR] [--only NAME…] [--json]`: runs the scenario suite (one
 * JSON file per scenario) against the offline desk on a throwaway in-memory database.
 */
import type { Command } from 'commander';
import { runScenarios, type ScenarioReport } from '@switchboard/eval';
import { createDeskRuntime } from '../runtime.js';
import { commandGroup, type CommandIo } from './eval-triage.js';

/** Parsed flags of `eval scenarios`. */
export interface EvalScenariosFlags {
  dir: string;
  only?: string[];
  json?: boolean;
}

/**
 * Runs the suite in `flags.dir` on a fresh in-memory desk (the generated demo store, seed 42).
 * @throws InvalidInputError `DATA_MISSING` when the directory is missing.
 */
export function runEvalScenarios(flags: EvalScenariosFlags): Promise<ScenarioReport> {
  return runScenarios({ dir: flags.dir, createRuntime: () => createDeskRuntime({ inMemory: true }), ...(flags.only ? { only: flags.only } : {}) });
}

/** Human-readable summary: the totals, then one line per unmet expectation. */
export function formatScenarioReport(report: ScenarioReport): string {
  const lines = [`scenarios: ${report.scenarios}, passed: ${report.passed}, failed: ${report.scenarios - report.passed}`];
  for (const failure of report.failed) lines.push(`✗ ${failure.name} step ${failure.step}: expected ${failure.expected}; actual ${failure.actual}`);
  return lines.join('\n');
}

/** Registers `eval scenarios` on the program (creating the `eval` group when missing). */
export function registerScenarioCommands(program: Command, io: CommandIo): void {
  commandGroup(program, { name: 'eval', description: 'evaluate the desk against labelled data' })
    .command('scenarios')
    .description('run the scenario suite (one JSON file per scenario) against the offline desk, in memory')
    .option('--dir <dir>', 'directory of scenario files', 'scenarios')
    .option('--only <names...>', 'run only these scenarios')
    .option('--json', 'print exactly one JSON object: {scenarios, passed, failed: [{name, step, expected, actual}]}')
    .action(async (flags: EvalScenariosFlags) => {
      const report = await runEvalScenarios(flags);
      io.stdout.write(flags.json ? `${JSON.stringify(report)}\n` : `${formatScenarioReport(report)}\n`);
    });
}
