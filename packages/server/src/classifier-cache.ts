/**
 * The desk's intent classifier, trained once per machine instead of once per process: training
 * on the routing examples takes about 3.5 s of CPU at every start (`npm start`, each CLI command,
 * each test file that builds a desk), loading its JSON snapshot (3.6 MB) about 45 ms with the
 * same predictions (`IntentClassifier.toJSON` / `loadIntentClassifier` round-trip exactly).
 *
 * The snapshot is keyed by the SHA-256 of the training examples, the training options and the
 * source of `@switchboard/nlu` (every non-test `.ts` file under its `src`), so any change to the
 * data or to the code that trains or predicts makes a new key: a stale model is never loaded.
 * Files are written to a temporary name and renamed, so concurrent processes never read half a
 * snapshot. The cache is an optimization: an unreadable, invalid or unwritable file means
 * training as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadIntentClassifier, trainIntentClassifier } from '@switchboard/nlu';
import type { IntentClassifier, IntentExample, TrainIntentClassifierOptions } from '@switchboard/nlu';

/**
 * Where snapshots are kept: `$SWITCHBOARD_CACHE_DIR`, else the user's cache directory
 * (`$XDG_CACHE_HOME/switchboard`, else `~/.cache/switchboard`). Not the shared temporary
 * directory: another local user could plant a snapshot there under a key anyone can compute.
 */
export function classifierCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SWITCHBOARD_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'switchboard');
}

/** SHA-256 (hex) of every non-test TypeScript file under `dir`, in path order. */
function sourceDigest(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts')).sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
  return hash.digest('hex');
}

let nluDigest: string | undefined;

/** The digest of `@switchboard/nlu`'s sources, computed once per process. */
function nluSourceDigest(): string {
  nluDigest ??= sourceDigest(dirname(fileURLToPath(import.meta.resolve('@switchboard/nlu'))));
  return nluDigest;
}

/**
 * The classifier `trainIntentClassifier(examples, options)` would return, from the cache when a
 * snapshot for the same examples, options and nlu sources exists (then cached for next time).
 * @param options.cacheDir - Snapshot directory. @defaultValue {@link classifierCacheDir}
 * @returns the trained or loaded classifier and whether it came from the cache.
 * @throws what `trainIntentClassifier` throws for invalid examples (the cache never throws).
 */
export function cachedIntentClassifier(examples: readonly IntentExample[], options: TrainIntentClassifierOptions & { cacheDir?: string } = {}): { classifier: IntentClassifier; cached: boolean } {
  const { cacheDir = classifierCacheDir(), ...training } = options;
  let file: string | undefined;
  try {
    const key = createHash('sha256').update(nluSourceDigest()).update('\0').update(JSON.stringify(training)).update('\0').update(JSON.stringify(examples)).digest('hex');
    file = join(cacheDir, `intent-classifier-${key}.json`);
    return { classifier: loadIntentClassifier(readFileSync(file, 'utf8')), cached: true };
  } catch {
    // Not cached yet (or unreadable): train, then try to keep it.
  }
  const classifier = trainIntentClassifier(examples, training);
  if (file !== undefined) {
    try {
      mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
      const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(partial, JSON.stringify(classifier.toJSON()));
      renameSync(partial, file);
    } catch {
      // A read-only or full disk only costs the next start a training run.
    }
  }
  return { classifier, cached: false };
}
