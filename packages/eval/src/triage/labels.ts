/**
 * Label conventions of the triage eval: one out-of-scope class, named `oos`, on both sides of
 * the comparison.
 */
import { NONE_INTENT } from '@switchboard/core';

/**
 * The single out-of-scope class name used in every triage report: test rows marked out-of-scope
 * (`--oos-label`, CLINC150 `oos`) carry it, and the classifier's `'none'` prediction maps to it.
 */
export const OOS_LABEL = 'oos';

/** One labelled utterance; `label` is {@link OOS_LABEL} for out-of-scope rows. */
export interface LabeledText {
  text: string;
  label: string;
}

/**
 * A predicted intent as a report label: the classifier's `'none'` (below its out-of-scope
 * threshold) and a trained `oos` class both become {@link OOS_LABEL}; anything else is kept.
 */
export function predictionLabel(intent: string): string {
  return intent === NONE_INTENT || intent === OOS_LABEL ? OOS_LABEL : intent;
}

/**
 * Training examples from labelled rows: out-of-scope rows are dropped, or — with
 * `withOosTrain` — kept as the trained class {@link OOS_LABEL}.
 *
 * @param rows - Rows as read by `readTriageRows` (out-of-scope rows labelled {@link OOS_LABEL}).
 * @param options.withOosTrain - Keep out-of-scope rows as class `oos`. @defaultValue false
 * @returns A new array; the input is not changed.
 */
export function trainingExamples(rows: readonly LabeledText[], options: { withOosTrain?: boolean } = {}): LabeledText[] {
  return options.withOosTrain ? rows.map((row) => ({ ...row })) : rows.filter((row) => row.label !== OOS_LABEL).map((row) => ({ ...row }));
}
