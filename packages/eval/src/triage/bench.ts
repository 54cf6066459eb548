/**
 * `switchboard bench triage`: training time, prediction latency and throughput, model size and
 * heap growth of the intent classifier.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { InvalidInputError } from '@switchboard/core';
import { trainIntentClassifier, type IntentClassifier, type TrainIntentClassifierOptions } from '@switchboard/nlu';
import { latencySummary } from '../stats.js';
import type { LabeledText } from './labels.js';

/** What the bench needs from a classifier. */
export type BenchClassifier = Pick<IntentClassifier, 'predict' | 'toJSON' | 'labels'>;

/** Options of {@link benchTriage}. */
export interface BenchTriageOptions {
  /** Training examples. */
  examples: readonly LabeledText[];
  /** Messages to predict, cycled in order until `count` predictions were made; at least one. */
  messages: readonly string[];
  /** Predictions to time (≥ 1). @defaultValue 10000 */
  count?: number;
  /** Untimed predictions before timing starts, so the JIT has compiled the hot path. @defaultValue 200 */
  warmup?: number;
  /** Classifier seed. @defaultValue 1 */
  seed?: number;
  /** @defaultValue `trainIntentClassifier` */
  trainer?: (examples: readonly LabeledText[], options: { seed: number }) => BenchClassifier;
}

/** The bench report. Times in milliseconds, sizes in bytes. */
export interface TriageBenchReport {
  /** Wall-clock training time, including the classifier's own cross-validation for calibration. */
  trainMs: number;
  /** Training examples and distinct labels. */
  examples: number;
  labels: number;
  /** Timed predictions. */
  messages: number;
  /** Per-message latency percentiles (nearest rank). */
  predictMs: { p50: number; p95: number; p99: number };
  /** Timed predictions per second of wall-clock time over the whole timed loop. */
  throughputPerSecond: number;
  /** UTF-8 bytes of `JSON.stringify(classifier.toJSON())` — the serialized model. */
  modelBytes: number;
  /** `process.memoryUsage().heapUsed` after training minus before (both after a forced GC when available). */
  heapUsedBytes: number;
  /** `process.memoryUsage().arrayBuffers` after training minus before: typed-array weights live here, outside the JS heap. */
  arrayBufferBytes: number;
}

/**
 * Trains once on `examples`, then times `count` single-message predictions cycling through
 * `messages`. Not for accuracy (use `evaluateTriage`); the numbers depend on the machine.
 *
 * @throws InvalidInputError `INVALID_INPUT` when `messages` is empty or `count` < 1; whatever
 *   the trainer throws.
 * @example
 * ```ts
 * benchTriage({ examples: [{ text: 'where is my order', label: 'track_order' }, …], messages: ['hi'] }).predictMs.p99;
 * ```
 */
export function benchTriage(options: BenchTriageOptions): TriageBenchReport {
  const count = options.count ?? 10_000;
  if (options.messages.length === 0 || !Number.isInteger(count) || count < 1) {
    throw new InvalidInputError('INVALID_INPUT', 'The triage bench needs at least one message and count ≥ 1', { details: { messages: options.messages.length, count } });
  }
  const trainer = options.trainer ?? ((examples, settings) => trainIntentClassifier(examples, settings));
  const collect = garbageCollector();
  collect();
  const before = process.memoryUsage();
  const trainStarted = performance.now();
  const classifier = trainer(options.examples, { seed: options.seed ?? 1 });
  const trainMs = performance.now() - trainStarted;
  collect();
  const after = process.memoryUsage();
  const messages = options.messages;
  for (let index = 0; index < (options.warmup ?? 200); index += 1) classifier.predict(messages[index % messages.length] as string);
  const latencies = new Array<number>(count);
  const loopStarted = performance.now();
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    classifier.predict(messages[index % messages.length] as string);
    latencies[index] = performance.now() - started;
  }
  const loopMs = performance.now() - loopStarted;
  return {
    trainMs: Math.round(trainMs * 10) / 10,
    examples: options.examples.length,
    labels: classifier.labels.length,
    messages: count,
    predictMs: latencySummary(latencies),
    throughputPerSecond: Math.round(count / (loopMs / 1000)),
    modelBytes: Buffer.byteLength(JSON.stringify(classifier.toJSON()), 'utf8'),
    heapUsedBytes: after.heapUsed - before.heapUsed,
    arrayBufferBytes: after.arrayBuffers - before.arrayBuffers,
  };
}

/** Training-only bench result (the 15k-example CLINC150 run). */
export interface TriageTrainingBench {
  examples: number;
  labels: number;
  /** Wall-clock training time in milliseconds. */
  trainMs: number;
  /** CPU time (user + system) of the process during training, in milliseconds; less sensitive than `trainMs` to other load on the machine. */
  trainCpuMs: number;
}

/**
 * Times one training run on `examples` (e.g. CLINC150 full train, 15,000 examples).
 *
 * @param options.classifier - Options for `trainIntentClassifier` besides the seed; the default
 *   (`{}`) is the desk's classifier (softmax head, coverage threshold). The eval's classifier is
 *   `{ head: 'svm', outOfScopePrior }` (see `evaluateTriage`).
 * @throws whatever `trainIntentClassifier` throws.
 */
export function benchTriageTraining(options: { examples: readonly LabeledText[]; seed?: number; classifier?: Omit<TrainIntentClassifierOptions, 'seed'> }): TriageTrainingBench {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const classifier = trainIntentClassifier(options.examples, { ...options.classifier, seed: options.seed ?? 1 });
  const trainMs = Math.round((performance.now() - started) * 10) / 10;
  const cpu = process.cpuUsage(cpuBefore);
  return { examples: options.examples.length, labels: classifier.labels.length, trainMs, trainCpuMs: Math.round((cpu.user + cpu.system) / 100) / 10 };
}

/** `gc()` when it can be exposed at runtime (V8 flag), else a no-op: heap deltas are then noisier. */
function garbageCollector(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') {
      const collect = gc as () => void;
      // Twice: array-buffer backing stores of garbage from the first pass are released by the second.
      return () => {
        collect();
        collect();
      };
    }
  } catch {
    // Flag not settable in this runtime; measure without forcing a collection.
  }
  return () => undefined;
}
