/**
 * Language guess (ISO 639-1) from the writing system and, for Latin script, from profiles of
 * frequent function words and support vocabulary in English, Spanish, French, German,
 * Portuguese, Italian and Dutch.
 */
import { tokenize } from '../text/normalize.js';

const PROFILES: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'is', 'are', 'was', 'my', 'i', "i'm", 'you', 'your', 'it', 'to', 'of', 'for', 'with', 'this', 'that', 'have', 'has', 'not', "don't", "can't", 'can', 'what', 'where', 'when', 'how', 'why', 'please', 'order', 'refund', 'help', 'want', 'need', 'would', 'like', 'hi', 'hello', 'thanks', 'thank', 'account', 'payment', 'delivery', 'return', 'cancel', 'yes', 'get', 'do', 'does', 'did', 'be', 'will', 'from', 'on', 'at', 'me', 'a', 'an', 'in', 'no', 'still', 'received', 'item', 'charged', 'money', 'email', 'password', 'shipping', 'address', 'package'],
  es: ['el', 'la', 'los', 'las', 'de', 'que', 'y', 'en', 'un', 'una', 'es', 'por', 'para', 'con', 'mi', 'mis', 'no', 'lo', 'me', 'se', 'su', 'al', 'del', 'pero', 'como', 'está', 'esta', 'estoy', 'hola', 'gracias', 'quiero', 'necesito', 'ayuda', 'pedido', 'dinero', 'reembolso', 'cuenta', 'dónde', 'donde', 'cuándo', 'cómo', 'qué', 'todavía', 'recibido', 'favor', 'hay', 'muy', 'ya'],
  fr: ['le', 'la', 'les', 'de', 'des', 'du', 'et', 'est', 'un', 'une', 'je', 'j', 'ai', 'mon', 'ma', 'mes', 'pour', 'pas', 'ne', 'que', 'qui', 'dans', 'avec', 'sur', 'vous', 'votre', 'il', 'elle', 'ce', 'c', 'bonjour', 'merci', 'commande', 'remboursement', 'compte', 'veux', 'voudrais', 'besoin', 'aide', 'toujours', 'reçu', 'où', 'quand', 'comment', 'pourquoi', 'mais', 'très', 'aussi', 'plus'],
  de: ['der', 'die', 'das', 'und', 'ist', 'ich', 'nicht', 'ein', 'eine', 'mein', 'meine', 'meinen', 'zu', 'mit', 'für', 'auf', 'den', 'dem', 'es', 'sie', 'wir', 'habe', 'hat', 'haben', 'noch', 'bitte', 'danke', 'hallo', 'bestellung', 'rückerstattung', 'konto', 'geld', 'möchte', 'brauche', 'hilfe', 'wo', 'wann', 'wie', 'warum', 'aber', 'oder', 'sehr', 'auch', 'kein', 'keine', 'erhalten', 'immer'],
  pt: ['o', 'a', 'os', 'as', 'de', 'do', 'da', 'dos', 'das', 'e', 'é', 'um', 'uma', 'meu', 'minha', 'para', 'com', 'não', 'que', 'em', 'no', 'na', 'por', 'se', 'eu', 'você', 'olá', 'oi', 'obrigado', 'obrigada', 'pedido', 'reembolso', 'conta', 'dinheiro', 'quero', 'preciso', 'ajuda', 'onde', 'quando', 'como', 'ainda', 'recebi', 'mas', 'muito', 'também', 'já', 'está', 'estou'],
  it: ['il', 'lo', 'la', 'i', 'gli', 'le', 'di', 'del', 'della', 'e', 'è', 'un', 'una', 'mio', 'mia', 'per', 'con', 'non', 'che', 'in', 'sono', 'ho', 'ha', 'ciao', 'buongiorno', 'grazie', 'ordine', 'rimborso', 'conto', 'soldi', 'voglio', 'vorrei', 'bisogno', 'aiuto', 'dove', 'quando', 'come', 'perché', 'ancora', 'ricevuto', 'ma', 'molto', 'anche', 'già', 'questo', 'questa'],
  nl: ['de', 'het', 'een', 'en', 'is', 'ik', 'niet', 'mijn', 'van', 'voor', 'met', 'op', 'te', 'dat', 'die', 'wij', 'jullie', 'heb', 'heeft', 'nog', 'graag', 'alstublieft', 'bedankt', 'hallo', 'bestelling', 'terugbetaling', 'account', 'geld', 'wil', 'hulp', 'waar', 'wanneer', 'hoe', 'waarom', 'maar', 'ook', 'geen', 'ontvangen'],
};
const LANGUAGES: readonly string[] = Object.keys(PROFILES);
const WORD_LISTS: readonly ReadonlySet<string>[] = LANGUAGES.map((language) => new Set(PROFILES[language]));

const SCRIPTS: readonly { pattern: RegExp; language: string }[] = [
  { pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, language: 'ja' },
  { pattern: /\p{Script=Hangul}/u, language: 'ko' },
  { pattern: /\p{Script=Han}/u, language: 'zh' },
  { pattern: /\p{Script=Cyrillic}/u, language: 'ru' },
  { pattern: /\p{Script=Arabic}/u, language: 'ar' },
  { pattern: /\p{Script=Hebrew}/u, language: 'he' },
  { pattern: /\p{Script=Greek}/u, language: 'el' },
  { pattern: /\p{Script=Thai}/u, language: 'th' },
  { pattern: /\p{Script=Devanagari}/u, language: 'hi' },
];
const MAX_TOKENS = 400;
/** Everything but letters, and everything but non-Latin letters: what is left after removing them is counted. */
const NOT_A_LETTER = /\P{L}+/gu;
const NOT_NON_LATIN_LETTER = /[\P{L}\p{Script=Latin}]+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Best guess of the language of `text`, ISO 639-1.
 *
 * Non-Latin scripts decide by the script that covers most letters (`ja` when kana appear,
 * `ko`, `zh`, `ru` for Cyrillic, `ar`, `he`, `el`, `th`, `hi`). Latin text scores each profile by
 * how many of its first 400 tokens are in it; the best profile needs at least 2 hits and more
 * than any other (a tie with English gives `en`, other ties `und`). A non-English guess on fewer than 4
 * tokens that also has an English hit gives `und`, so short English ("refund?", "help me") is
 * never labelled another language.
 *
 * @returns An ISO 639-1 code, or `und` when unsure (empty, too short, emoji only, mixed).
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 4_000);
  const letterCount = countCodePoints(sample.replace(NOT_A_LETTER, ''));
  if (letterCount === 0) return 'und';
  // Every script below is non-Latin, so none can cover half the letters when the non-Latin ones do not.
  const nonLatin = sample.replace(NOT_NON_LATIN_LETTER, '');
  if (countCodePoints(nonLatin) * 2 >= letterCount) {
    const letters = nonLatin.match(/\p{L}/gu) ?? [];
    let bestScript: { language: string; count: number } | undefined;
    for (const { pattern, language } of SCRIPTS) {
      const count = letters.filter((letter) => pattern.test(letter)).length;
      if (count > (bestScript?.count ?? 0)) bestScript = { language, count };
    }
    if (bestScript !== undefined && bestScript.count * 2 >= letterCount) return bestScript.language;
  }
  const tokens = tokenize(sample).slice(0, MAX_TOKENS);
  // Hits per profile, in PROFILES order; a loop rather than map/filter: this runs on every message.
  const hits = LANGUAGES.map(() => 0);
  for (const token of tokens) {
    for (let index = 0; index < WORD_LISTS.length; index += 1) if (WORD_LISTS[index]!.has(token)) hits[index]! += 1;
  }
  const scores = LANGUAGES.map((language, index) => ({ language, score: hits[index]! }));
  // Highest score first; on a tie English comes first.
  scores.sort((left, right) => right.score - left.score || Number(right.language === 'en') - Number(left.language === 'en'));
  const [best, second] = scores;
  if (best === undefined || best.score < 2) return 'und';
  if (best.language !== 'en') {
    const english = scores.find((score) => score.language === 'en')?.score ?? 0;
    if (second?.score === best.score) return 'und';
    if (tokens.length < 4 && english > 0) return 'und';
  }
  return best.language;
}

/** Code points in `text` (a letter outside the BMP is one letter, two UTF-16 units). */
function countCodePoints(text: string): number {
  return SURROGATE.test(text) ? [...text].length : text.length;
}
