import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from './normalize.js';

describe('normalizeText', () => {
  it('applies NFKC, so full-width letters and digits become ASCII', () => {
    expect(normalizeText('Ｏｒｄｅｒ ＃Ｗ２６１１３４０')).toBe('Order #W2611340');
  });

  it('removes control characters but keeps newlines and tabs as whitespace', () => {
    expect(normalizeText('where\u0007 is\u0000 my\u001B order')).toBe('where is my order');
    expect(normalizeText('line one\r\nline two')).toBe('line one\nline two');
  });

  it('collapses runs of spaces and tabs, keeps at most one blank line, trims', () => {
    expect(normalizeText('  a \t\t b  \n\n\n\n  c  ')).toBe('a b\n\nc');
  });

  it('drops zero-width characters and lone surrogates without throwing', () => {
    expect(normalizeText('re\u200Bfund\uD800 now')).toBe('refund now');
  });

  it('returns an empty string for whitespace-only input', () => {
    expect(normalizeText(' \n\t ')).toBe('');
  });
});

describe('tokenize', () => {
  it('lowercases, keeps digits and inner apostrophes, drops punctuation and emoji', () => {
    expect(tokenize("I DON'T have order #W2611340!! 🙂")).toEqual(['i', "don't", 'have', 'order', 'w2611340']);
  });

  it('treats typographic apostrophes like straight ones', () => {
    expect(tokenize('I can’t log in')).toEqual(['i', "can't", 'log', 'in']);
  });

  it('splits hyphenated words and keeps non-Latin letters', () => {
    expect(tokenize('e-mail für Müller')).toEqual(['e', 'mail', 'für', 'müller']);
  });

  it('returns no tokens for empty or symbol-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('?!…')).toEqual([]);
  });
});
