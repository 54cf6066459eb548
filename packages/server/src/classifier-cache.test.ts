/**
 * The per-machine snapshot of the desk's classifier: a second start loads what the first trained,
 * with the same predictions; other examples or options never load it; a damaged or unwritable
 * cache only means training again.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedIntentClassifier, classifierCacheDir } from './classifier-cache.js';

const EXAMPLES = [
  ...['where is my order', 'track my package', 'has my parcel shipped', 'when will my order arrive', 'order status please', 'tracking number for my order'].map((text) => ({ text, label: 'track_order' })),
  ...['I want a refund', 'refund my money', 'how do I get my money back', 'can I be refunded', 'return for a refund', 'give me a refund please'].map((text) => ({ text, label: 'get_refund' })),
  ...['reset my password', 'forgot my password', 'cannot log in to my account', 'password reset link', 'locked out of my account', 'change my password'].map((text) => ({ text, label: 'recover_password' })),
];
const MESSAGES = ['where is my parcel?', 'I forgot the password', 'money back please', 'hello there'];

const dirs: string[] = [];
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-cache-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cachedIntentClassifier', () => {
  it('trains once, then loads the snapshot with the same predictions', () => {
    const dir = cacheDir();
    const first = cachedIntentClassifier(EXAMPLES, { seed: 7, cacheDir: dir });
    expect(first.cached).toBe(false);
    expect(readdirSync(dir).filter((file) => file.endsWith('.json'))).toHaveLength(1);
    const second = cachedIntentClassifier(EXAMPLES, { seed: 7, cacheDir: dir });
    expect(second.cached).toBe(true);
    for (const text of MESSAGES) expect(second.classifier.predict(text)).toEqual(first.classifier.predict(text));
    expect(second.classifier.predict('where is my parcel?').intent).toBe('track_order');
  });

  it('never loads a snapshot made from other examples or options', () => {
    const dir = cacheDir();
    cachedIntentClassifier(EXAMPLES, { seed: 7, cacheDir: dir });
    expect(cachedIntentClassifier(EXAMPLES, { seed: 8, cacheDir: dir }).cached).toBe(false);
    expect(cachedIntentClassifier(EXAMPLES.slice(1), { seed: 7, cacheDir: dir }).cached).toBe(false);
    expect(readdirSync(dir).filter((file) => file.endsWith('.json'))).toHaveLength(3);
  });

  it('trains again over a damaged snapshot, and without a writable cache', () => {
    const dir = cacheDir();
    cachedIntentClassifier(EXAMPLES, { seed: 7, cacheDir: dir });
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file ?? 'missing.json'), '{"version": 1, "truncated');
    const repaired = cachedIntentClassifier(EXAMPLES, { seed: 7, cacheDir: dir });
    expect(repaired.cached).toBe(false);
    expect(repaired.classifier.predict('reset my password').intent).toBe('recover_password');
    expect(cachedIntentClassifier(EXAMPLES, { seed: 7, cacheDir: dir }).cached).toBe(true);

    const blocked = join(cacheDir(), 'not-a-directory');
    writeFileSync(blocked, '');
    const uncached = cachedIntentClassifier(EXAMPLES, { seed: 7, cacheDir: blocked });
    expect(uncached.cached).toBe(false);
    expect(uncached.classifier.predict('refund my money').intent).toBe('get_refund');
  });

  it('keeps snapshots in the user\'s cache directory, never in the shared temporary directory', () => {
    expect(classifierCacheDir({ SWITCHBOARD_CACHE_DIR: '/srv/cache' })).toBe('/srv/cache');
    expect(classifierCacheDir({ XDG_CACHE_HOME: '/home/ana/.cache-x' })).toBe('/home/ana/.cache-x/switchboard');
    expect(classifierCacheDir({})).toBe(join(homedir(), '.cache', 'switchboard'));
    expect(classifierCacheDir({}).startsWith(tmpdir())).toBe(false);
  });
});
