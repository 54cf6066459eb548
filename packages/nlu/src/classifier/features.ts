/**
 * Hashed sparse text features for the intent classifier: word unigrams and bigrams plus
 * character n-grams inside word boundaries, with digit runs replaced by a placeholder so that
 * order numbers and amounts do not become features of their own.
 */
import { normalizeText, tokenize } from '../text/normalize.js';
import { hashString } from './hashing.js';

/** How text becomes hashed features. Stored with a trained model; changing it needs retraining. */
export interface FeatureConfig {
  /** The hash space per feature group is `2 ** hashBits` buckets (12–24). */
  readonly hashBits: number;
  /** Longest word n-gram (1 = unigrams only, 2 = unigrams and bigrams). */
  readonly wordNgramMax: number;
  /** Shortest and longest character n-gram, counted on `<word>` with boundary marks. */
  readonly charNgramMin: number;
  readonly charNgramMax: number;
  /** Share of the (squared) vector norm given to character features, 0–1; words get the rest. */
  readonly charWeight: number;
  /** Text beyond this many characters (after normalization) is ignored. */
  readonly maxChars: number;
}

/** Defaults tuned on a validation split carved out of BANKING77 train and on Bitext train→validation. */
export const DEFAULT_FEATURE_CONFIG: FeatureConfig = Object.freeze({
  hashBits: 20,
  wordNgramMax: 2,
  charNgramMin: 2,
  charNgramMax: 5,
  charWeight: 0.5,
  maxChars: 2000,
});

/** Feature groups: word n-grams and character n-grams live in separate hash spaces. */
export const WORD_GROUP = 0;
export const CHARACTER_GROUP = 1;

const DIGIT_RUN = /\p{N}+/gu;
const DIGIT_PLACEHOLDER = '0';

/** Lowercased tokens with every digit run replaced by one placeholder digit (`w2611340` → `w0`). */
export function featureTokens(text: string, maxChars: number): string[] {
  const clipped = text.length > maxChars * 2 ? text.slice(0, maxChars * 2) : text;
  const normalized = normalizeText(clipped).slice(0, maxChars);
  return tokenize(normalized).map((token) => token.replace(DIGIT_RUN, DIGIT_PLACEHOLDER));
}

/** Group of a feature key (see {@link extractFeatureCounts}). */
export function featureGroup(key: number, config: FeatureConfig): number {
  return key >= 2 ** config.hashBits ? CHARACTER_GROUP : WORD_GROUP;
}

/**
 * Counts hashed features of `text`. Keys are `group * 2 ** hashBits + bucket`, so word and
 * character features never collide with each other.
 *
 * @returns Map from feature key to raw count (≥ 1); empty for text without word characters.
 */
export function extractFeatureCounts(text: string, config: FeatureConfig): Map<number, number> {
  const counts = new Map<number, number>();
  const mask = 2 ** config.hashBits - 1;
  const characterOffset = 2 ** config.hashBits;
  const add = (key: number): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const tokens = featureTokens(text, config.maxChars);
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as string;
    add(hashString(`w ${token}`) & mask);
    if (config.wordNgramMax >= 2) {
      const previous = index === 0 ? '<s>' : (tokens[index - 1] as string);
      add(hashString(`b ${previous} ${token}`) & mask);
    }
    const marked = `<${token}>`;
    for (let size = config.charNgramMin; size <= config.charNgramMax; size += 1) {
      for (let start = 0; start + size <= marked.length; start += 1) {
        add(characterOffset + (hashString(marked.slice(start, start + size)) & mask));
      }
    }
  }
  if (config.wordNgramMax >= 2 && tokens.length > 0) {
    add(hashString(`b ${tokens[tokens.length - 1] as string} </s>`) & mask);
  }
  return counts;
}
