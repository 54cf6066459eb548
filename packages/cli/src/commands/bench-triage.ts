/**
 * `switchboard bench triage`: speed and size of the intent classifier trained on the demo desk's
 * routing examples, plus training time on CLINC150's 15,000 examples when the data is present.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { InvalidInputError } from '@switchboard/core';
import { ROUTING_EXAMPLES } from '@switchboard/demo-store';
import { benchTriage, benchTriageTraining, CLINC150_OUT_OF_SCOPE_PRIOR, readTriageRows, trainingExamples, type TriageBenchReport, type TriageTrainingBench } from '@switchboard/eval';
import type { CommandIo } from './eval-triage.js';

const BITEXT_TEST = join('bitext-customer-support', 'Bitext_Sample_Customer_Service_Testing_Dataset.csv');
const CLINC150_FULL = join('clinc150', 'data_full.json');

/** `bench triage --json`: the bench report, where the messages came from, and the large training run. */
export interface BenchTriageOutput extends TriageBenchReport {
  /** `bitext-test`: the Bitext testing utterances; `routing-examples`: the training texts themselves. */
  messageSource: 'bitext-test' | 'routing-examples';
  /** The desk's classifier (softmax head) trained on CLINC150 full train (15,000 examples, 150 labels); absent without the data or with `--no-large`. */
  largeTraining?: TriageTrainingBench & { dataset: 'clinc150-full' };
  /**
   * The classifier `switchboard eval triage` trains (SVM head, out-of-scope prior as for CLINC150,
   * 3-fold open-set calibration) on the same 15,000 examples — what the ≤ 60 s training target is
   * about; absent when `largeTraining` is.
   */
  largeTrainingEvalHead?: TriageTrainingBench & { dataset: 'clinc150-full'; head: 'svm' };
}

/** Options of {@link runBenchTriage}. */
export interface BenchTriageCommandOptions {
  /** Predictions to time. @defaultValue 10000 */
  messages?: number;
  /** Also time training on CLINC150 full train when the data is present. @defaultValue true */
  large?: boolean;
  seed?: number;
  /** Public datasets folder; undefined → no datasets (messages come from the routing examples). */
  dataDir?: string;
}

/**
 * Finds the public datasets folder: `SWITCHBOARD_DATA_DIR` when set, else `../shared/data` from
 * the working directory or from the repository root.
 *
 * @returns The folder, or undefined when none exists and the variable is unset.
 * @throws InvalidInputError `DATA_MISSING` when `SWITCHBOARD_DATA_DIR` is set but missing.
 */
export function findDataDir(environment: Readonly<Record<string, string | undefined>>): string | undefined {
  const named = environment.SWITCHBOARD_DATA_DIR;
  if (named !== undefined && named !== '') {
    if (!existsSync(named)) throw new InvalidInputError('DATA_MISSING', `SWITCHBOARD_DATA_DIR=${named} does not exist`, { details: { path: named } });
    return named;
  }
  const candidates = [resolve(process.cwd(), '..', 'shared', 'data'), fileURLToPath(new URL('../../../../../shared/data', import.meta.url))];
  return candidates.find((candidate) => existsSync(candidate));
}

/**
 * Trains on `ROUTING_EXAMPLES`, times predictions over the Bitext testing utterances (or the
 * routing texts without data), then times a training run on CLINC150 full train.
 *
 * @throws InvalidInputError `DATA_MISSING` when a dataset file under `dataDir` cannot be read.
 */
export function runBenchTriage(options: BenchTriageCommandOptions): BenchTriageOutput {
  const examples = ROUTING_EXAMPLES.map((example) => ({ text: example.text, label: example.intent }));
  const bitext = options.dataDir === undefined ? undefined : join(options.dataDir, BITEXT_TEST);
  const messages = bitext !== undefined && existsSync(bitext)
    ? readTriageRows({ path: bitext, format: 'csv', split: 'test', textField: 'utterance', labelField: 'intent' }).map((row) => row.text)
    : undefined;
  const seed = options.seed ?? 1;
  const report = benchTriage({ examples, messages: messages ?? examples.map((example) => example.text), count: options.messages ?? 10_000, seed });
  const output: BenchTriageOutput = { ...report, messageSource: messages === undefined ? 'routing-examples' : 'bitext-test' };
  const clinc = options.dataDir === undefined ? undefined : join(options.dataDir, CLINC150_FULL);
  if ((options.large ?? true) && clinc !== undefined && existsSync(clinc)) {
    const large = trainingExamples(readTriageRows({ path: clinc, format: 'clinc150', split: 'train' }));
    output.largeTraining = { dataset: 'clinc150-full', ...benchTriageTraining({ examples: large, seed }) };
    const evalHead = benchTriageTraining({ examples: large, seed, classifier: { head: 'svm', outOfScopePrior: CLINC150_OUT_OF_SCOPE_PRIOR } });
    output.largeTrainingEvalHead = { dataset: 'clinc150-full', head: 'svm', ...evalHead };
  }
  return output;
}

/** Human-readable lines of a bench report. */
export function formatBenchTriage(output: BenchTriageOutput): string {
  const lines = [
    `trained on ${output.examples} routing examples (${output.labels} labels) in ${output.trainMs} ms`,
    `${output.messages} predictions (${output.messageSource}): p50 ${output.predictMs.p50} ms, p95 ${output.predictMs.p95} ms, p99 ${output.predictMs.p99} ms; ${output.throughputPerSecond} messages/s`,
    `model ${output.modelBytes} bytes serialized; after training heap +${output.heapUsedBytes} bytes, array buffers +${output.arrayBufferBytes} bytes`,
  ];
  if (output.largeTraining) lines.push(`CLINC150 full train, desk head (softmax): ${output.largeTraining.examples} examples, ${output.largeTraining.labels} labels in ${output.largeTraining.trainMs} ms (CPU ${output.largeTraining.trainCpuMs} ms)`);
  if (output.largeTrainingEvalHead) lines.push(`CLINC150 full train, eval head (SVM): ${output.largeTrainingEvalHead.examples} examples in ${output.largeTrainingEvalHead.trainMs} ms (CPU ${output.largeTrainingEvalHead.trainCpuMs} ms)`);
  return lines.join('\n');
}

function positiveInteger(value: string): number {
  const parsed = Number.parseInt(value, 10);
  if (!Number.isInteger(parsed) || parsed <= 0 || String(parsed) !== value.trim()) throw new InvalidArgumentError('expected a positive integer');
  return parsed;
}

/** Registers `triage` under the `bench` group command. */
export function registerBenchTriage(bench: Command, io: CommandIo): void {
  bench
    .command('triage')
    .description('time training and prediction of the intent classifier on the demo desk routing examples')
    .option('--messages <n>', 'predictions to time', positiveInteger, 10_000)
    .option('--no-large', 'skip the CLINC150 15k-example training runs (desk head and eval head)')
    .option('--seed <n>', 'classifier seed', positiveInteger, 1)
    .option('--json', 'print exactly one JSON object')
    .action((flags: { messages: number; large: boolean; seed: number; json?: boolean }) => {
      const output = runBenchTriage({ messages: flags.messages, large: flags.large, seed: flags.seed, dataDir: findDataDir(process.env) });
      io.stdout.write(flags.json ? `${JSON.stringify(output)}\n` : `${formatBenchTriage(output)}\n`);
    });
}
