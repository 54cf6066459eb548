import { trainIntentClassifier } from '@switchboard/nlu';
import { describe, expect, it } from 'vitest';
import { ROUTING_EXAMPLES, type RoutingExample } from './examples.js';
import { INTENTS } from './intents.js';

const MIN_EXAMPLES_PER_INTENT = 25;
const MIN_HELD_OUT_ACCURACY = 0.9;

/** Same text for the classifier: case, spacing and edge punctuation do not make an example new. */
function normalized(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/^[\s.,!?]+|[\s.,!?]+$/g, '');
}

/** Deterministic stratified split: within each intent, every fifth example is held out. */
function splitEightyTwenty(examples: readonly RoutingExample[]): { train: RoutingExample[]; test: RoutingExample[] } {
  const seen = new Map<string, number>();
  const train: RoutingExample[] = [];
  const test: RoutingExample[] = [];
  for (const example of examples) {
    const position = seen.get(example.intent) ?? 0;
    seen.set(example.intent, position + 1);
    (position % 5 === 4 ? test : train).push(example);
  }
  return { train, test };
}

describe('ROUTING_EXAMPLES', () => {
  it('gives every intent at least 25 examples', () => {
    const counts = new Map<string, number>();
    for (const example of ROUTING_EXAMPLES) counts.set(example.intent, (counts.get(example.intent) ?? 0) + 1);
    const short = Object.keys(INTENTS).filter((intent) => (counts.get(intent) ?? 0) < MIN_EXAMPLES_PER_INTENT);
    expect(short).toEqual([]);
  });

  it('labels every example with a known intent', () => {
    const unknown = ROUTING_EXAMPLES.filter((example) => !Object.hasOwn(INTENTS, example.intent));
    expect(unknown).toEqual([]);
  });

  it('has no duplicate or blank texts', () => {
    const seen = new Set<string>();
    const duplicates: string[] = [];
    for (const { text } of ROUTING_EXAMPLES) {
      const key = normalized(text);
      if (seen.has(key)) duplicates.push(text);
      seen.add(key);
    }
    expect(duplicates).toEqual([]);
    expect(ROUTING_EXAMPLES.filter((example) => example.text.trim() === '')).toEqual([]);
  });

  it('routes held-out examples: trained on 80%, at least 90% of the other 20% get their intent', () => {
    const { train, test } = splitEightyTwenty(ROUTING_EXAMPLES);
    const classifier = trainIntentClassifier(train.map((example) => ({ text: example.text, label: example.intent })), { seed: 7 });
    const correct = test.filter((example) => classifier.predict(example.text).intent === example.intent).length;
    expect(correct / test.length).toBeGreaterThanOrEqual(MIN_HELD_OUT_ACCURACY);
  });
});
