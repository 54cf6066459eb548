/**
 * Lazy, once-only loading of wink-nlp with its bundled English lite model
 * (`wink-eng-lite-web-model`, about 0.1 s and a few MB on first use).
 * @see https://winkjs.org/wink-nlp/
 */
import { createRequire } from 'node:module';
import type { Model, WinkMethods } from 'wink-nlp';

type WinkFactory = (model: Model, pipe?: string[]) => WinkMethods;

const require = createRequire(import.meta.url);
let instance: WinkMethods | undefined;

/** The shared wink-nlp instance (tokenization, POS, sentiment, negation, entities), loaded on first call. */
export function getWink(): WinkMethods {
  if (instance === undefined) {
    const createWink = require('wink-nlp') as WinkFactory;
    const model = require('wink-eng-lite-web-model') as Model;
    instance = createWink(model);
  }
  return instance;
}
