import type { DemoIntent } from '../intents.js';

/** One labelled utterance the triage classifier is trained on. */
export type RoutingExample = { text: string; intent: DemoIntent };

/**
 * Labels a list of hand-written utterances with one intent.
 * @param intent - the intent every text in `texts` belongs to.
 * @param texts - utterances, one per example, in any order.
 * @returns one example per text, in the same order.
 * @example examplesFor('track_order', ['where is my parcel']) // [{ text: 'where is my parcel', intent: 'track_order' }]
 */
export function examplesFor(intent: DemoIntent, texts: readonly string[]): RoutingExample[] {
  return texts.map((text) => ({ text, intent }));
}
