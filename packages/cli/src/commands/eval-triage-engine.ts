/**
 * `switchboard eval triage --engine llm|hybrid`: the same train → test scoring as `eval triage`,
 * with each test row triaged by the selected triager — the model (the trained classifier as its
 * fallback), or hybrid (the classifier first, the model where it is unsure) — over the dataset's
 * own labels. Needs a configured provider; not run in CI.
 */
import { emptyEntities, InvalidInputError, type Conversation } from '@switchboard/core';
import { computeTriageMetrics, latencySummary, loadTriageData, OOS_LABEL, predictionLabel, type TriageEvalReport, type TriageEvaluation, type TriagePrediction } from '@switchboard/eval';
import { createTriagerFromConfig, resolveTriageConfig, type EngineKind, type Environment, type LanguageModelV3 } from '@switchboard/engines';
import { createLocalTriager, trainIntentClassifier } from '@switchboard/nlu';
import { systemClock } from '../system.js';
import type { EvalTriageFlags } from './eval-triage.js';

/** The model side of an engine-backed triage evaluation. */
export interface TriageEngineSummary {
  /** `triage hybrid (openai:gpt-4o-mini)`. */
  role: string;
  /** Test rows by who decided them (`llm`, `local`). */
  decidedBy: Record<string, number>;
  modelCalls: number;
  tokens: { input: number; output: number };
  /** USD over priced calls. */
  costUsd: number;
  /** Rows where the model failed and the classifier answered. */
  fallbacks: number;
}

/** The `eval triage --engine … --json` object: the usual report plus the model side. */
export interface EngineTriageEvalReport extends TriageEvalReport {
  engine: TriageEngineSummary;
}

/** A throwaway conversation for one test row (triagers read its id, entities and dialog). */
function rowConversation(index: number): Conversation {
  const time = systemClock.now().toISOString();
  return { id: `eval_triage_${index + 1}`, channel: 'eval', status: 'open', handoffChain: [], accountFlags: [], entities: emptyEntities(), dialog: { slots: {}, failedAttempts: 0 }, priority: 'normal', autonomy: 'auto', createdAt: time, updatedAt: time, version: 0 };
}

/**
 * Trains the classifier on `--train`, then triages every `--test` row with the triager `engine`
 * selects and scores it like `eval triage` (the triager's `none` counts as `oos`). The model
 * chooses among the training labels (each label its own category). `predictMs` is the triager's
 * latency per row, model calls included.
 * @returns the report (with `engine`), every prediction and the classifier's threshold (for `--report`).
 *
 * @param input.env - the environment models are configured from (the CLI passes `process.env`).
 * @param input.model - a ready triage model instead of a provider (tests).
 * @throws ConfigurationError `CONFIG_INVALID` before any file is read when the triage role has no
 *   model; the message names the variable to set (`SWITCHBOARD_MODEL_TRIAGE`, `OPENAI_API_KEY`…).
 * @throws InvalidInputError `INVALID_INPUT` with `--cv` (cross-validation trains K classifiers;
 *   score a held-out `--test` instead), and what `loadTriageData` throws.
 */
export async function runEvalTriageWithEngine(input: { flags: EvalTriageFlags & { engine: EngineKind }; env: Environment; model?: LanguageModelV3 }): Promise<TriageEvaluation & { report: EngineTriageEvalReport }> {
  const { flags } = input;
  const config = resolveTriageConfig({ env: input.env, engine: flags.engine, providedModel: input.model !== undefined });
  if (flags.cv !== undefined) throw new InvalidInputError('INVALID_INPUT', '--engine scores a held-out test set; drop --cv and give --test', { details: { field: 'cv' } });
  const data = loadTriageData({
    format: flags.format,
    textField: flags.text,
    labelField: flags.label,
    ...(flags.oosLabel === undefined ? {} : { oosLabel: flags.oosLabel }),
    trainPath: flags.train,
    ...(flags.test === undefined ? {} : { testPath: flags.test }),
    withOosTrain: flags.withOosTrain ?? false,
  });
  const started = performance.now();
  const classifier = trainIntentClassifier(data.train, { seed: flags.seed });
  const trainMs = performance.now() - started;
  const labels = [...new Set(data.train.map((row) => row.label).filter((label) => label !== OOS_LABEL))];
  // Each label is its own category, named in the desk's convention (upper case): `card_arrival` → `CARD_ARRIVAL`.
  const intentCategory = Object.fromEntries(labels.map((label) => [label, label.toUpperCase().replace(/[^A-Z0-9_]/g, '_')]));
  const selected = createTriagerFromConfig({
    config,
    env: input.env,
    local: createLocalTriager({ classifier, intentCategory, clock: systemClock }),
    intentCategory,
    clock: systemClock,
    ...(input.model ? { model: input.model } : {}),
  });
  let fallbacks = 0;
  const stop = selected.onFallback(() => void (fallbacks += 1));
  const decidedBy: Record<string, number> = {};
  const latencies: number[] = [];
  const predictions: TriagePrediction[] = [];
  const spend = { calls: 0, input: 0, output: 0, costUsd: 0 };
  try {
    for (const [index, row] of data.test.entries()) {
      const conversation = rowConversation(index);
      const rowStarted = performance.now();
      const decision = await selected.triager.triage({ text: row.text, conversation });
      latencies.push(performance.now() - rowStarted);
      decidedBy[decision.decidedBy] = (decidedBy[decision.decidedBy] ?? 0) + 1;
      const predicted = predictionLabel(decision.intent);
      predictions.push({ text: row.text, truth: row.label, predicted, confidence: decision.confidence, topLabel: predicted });
      const cost = selected.ledger.conversation(conversation.id);
      spend.calls += cost.calls;
      spend.input += cost.tokens.input;
      spend.output += cost.tokens.output;
      spend.costUsd += cost.costUsd;
    }
  } finally {
    stop();
  }
  const metrics = computeTriageMetrics({ truth: predictions.map((row) => row.truth), predicted: predictions.map((row) => row.predicted) });
  const report: EngineTriageEvalReport = {
    ...metrics,
    trainMs: Math.round(trainMs * 10) / 10,
    predictMs: latencySummary(latencies),
    engine: {
      role: selected.describe(),
      decidedBy,
      modelCalls: spend.calls,
      tokens: { input: spend.input, output: spend.output },
      costUsd: Math.round(spend.costUsd * 1_000_000) / 1_000_000,
      fallbacks,
    },
  };
  return { report, predictions, thresholds: [classifier.threshold] };
}

/** One line on the model side (what `eval triage --engine` prints after the usual summary). */
export function formatTriageEngine(engine: TriageEngineSummary): string {
  const decided = Object.entries(engine.decidedBy).map(([by, count]) => `${by} ${count}`).join(', ');
  return `${engine.role}: decided by ${decided}; ${engine.modelCalls} model calls, ${engine.tokens.input + engine.tokens.output} tokens, $${engine.costUsd.toFixed(4)}; ${engine.fallbacks} fallbacks to the classifier`;
}
