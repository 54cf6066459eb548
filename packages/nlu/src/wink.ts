/**
 * Lazy, once-only loading of wink-nlp with its bundled English lite model
 * (`wink-eng-lite-web-model`, about 0.1 s and a few MB on first use), one instance per use with
 * only the annotations that use needs: wink runs every annotation of its pipe on every document,
 * and named entities (never read here) cost about a fifth of a document, part-of-speech tags another
 * fifth.
 * @see https://winkjs.org/wink-nlp/
 */
import { createRequire } from 'node:module';
import type { Model, WinkMethods } from 'wink-nlp';

type WinkFactory = (model: Model, pipe?: string[]) => WinkMethods;

const require = createRequire(import.meta.url);
const instances = new Map<string, WinkMethods>();

function load(pipe: string[]): WinkMethods {
  const key = pipe.join(',');
  let instance = instances.get(key);
  if (instance === undefined) {
    const createWink = require('wink-nlp') as WinkFactory;
    const model = require('wink-eng-lite-web-model') as Model;
    instance = createWink(model, pipe);
    instances.set(key, instance);
  }
  return instance;
}

/**
 * The wink-nlp instance for document sentiment (`its.sentiment`): sentence boundaries, negation and
 * sentiment only. Gives the same scores as the full pipe (sentiment reads only sentences and
 * negation flags), in about 60 % of the time. Loaded on first call.
 */
export function getWink(): WinkMethods {
  return load(['sbd', 'negation', 'sentiment']);
}

/** The wink-nlp instance for part-of-speech tags (`its.pos`): sentence boundaries and tags only. Loaded on first call. */
export function getPosWink(): WinkMethods {
  return load(['sbd', 'pos']);
}
