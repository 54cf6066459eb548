import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';
import { analyzeSentiment } from './sentiment.js';
import { detectSignals } from './signals.js';

describe('detectSignals: humanRequested', () => {
  it.each([
    'I want to talk to a person',
    'can I speak to a human please',
    'I need a real person',
    'real person please',
    'let me speak to someone',
    'operator please',
    'connect me to a representative',
    'transfer me to a live agent',
    'agent',
    'Can I talk with your manager?',
  ])('is true for %j', (text) => {
    expect(detectSignals(text).humanRequested).toBe(true);
  });

  it.each([
    'are you a bot?',
    'is this a real person?',
    'the agent was rude',
    'I spoke to an agent yesterday and he said it shipped',
    "I don't need to talk to a human, just tell me the status",
    'your representative told me to wait',
    'where is my order',
  ])('is false for %j', (text) => {
    expect(detectSignals(text).humanRequested).toBe(false);
  });
});

describe('detectSignals: legalThreat', () => {
  it.each([
    'I will call my lawyer',
    'my attorney will hear about this',
    "I'm going to sue you",
    'expect a lawsuit',
    'I will take legal action',
    'see you in court',
    "I'll file a chargeback with my bank",
    'I will report you to the BBB',
    'reporting this to the authorities',
    "I'm going to kill you",
  ])('is true for %j', (text) => {
    expect(detectSignals(text).legalThreat).toBe(true);
  });

  it.each(['This is Sue from accounting', 'the court shoes I ordered are too small', 'my order is late', 'what is your legal name for invoices?'])(
    'is false for %j',
    (text) => {
      expect(detectSignals(text).legalThreat).toBe(false);
    },
  );
});

describe('detectSignals: abusive', () => {
  it.each(['you are useless idiots', 'stupid bot', 'fuck you', 'you people are a bunch of clowns', 'this company is garbage'])('is true for %j', (text) => {
    expect(detectSignals(text).abusive).toBe(true);
  });

  it.each(['where is my damn order', 'this product is useless', 'I am so frustrated', 'thank you, you were great'])('is false for %j', (text) => {
    expect(detectSignals(text).abusive).toBe(false);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Hello, where is my order? I still have not received it.', 'en'],
    ['Hola, quiero un reembolso de mi pedido por favor', 'es'],
    ['Bonjour, je voudrais annuler ma commande', 'fr'],
    ['Ich möchte meine Bestellung stornieren, bitte', 'de'],
    ['Olá, quero cancelar o meu pedido', 'pt'],
    ['Ciao, vorrei un rimborso per il mio ordine', 'it'],
    ['我的订单在哪里', 'zh'],
    ['Где мой заказ?', 'ru'],
  ])('%j is %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each(['refund?', 'help me', 'ok', 'no', 'me a', 'order W2611340', 'hi', 'asap please'])('short English %j is en or und, never another language', (text) => {
    expect(['en', 'und']).toContain(detectLanguage(text));
  });

  it('is und for empty, emoji-only and number-only text', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('🙂🙂')).toBe('und');
    expect(detectLanguage('2611340')).toBe('und');
  });
});

describe('analyzeSentiment', () => {
  it('scores praise positive and complaints negative', () => {
    expect(analyzeSentiment('Thank you so much, you were very helpful!').label).toBe('positive');
    expect(analyzeSentiment('This is terrible, the worst service I have ever had.').label).toBe('negative');
    expect(analyzeSentiment('where is my order').label).toBe('neutral');
  });

  it('measures frustration from caps, !!!, repetition and exasperation', () => {
    const calm = analyzeSentiment('Could you check my order status?');
    const angry = analyzeSentiment('This is the THIRD TIME I ASK!!! Still not delivered. Ridiculous.');
    expect(calm.frustration).toBe(0);
    expect(angry.frustration).toBeGreaterThanOrEqual(0.8);
    expect(angry.label).toBe('negative');
    expect(analyzeSentiment('Great. Just great. How many times do I have to ask?!').score).toBeLessThan(0);
  });

  it('reads routine requests as neutral: cancelling, ordering by mistake, polite apologies, product options', () => {
    for (const text of ["I'd like to cancel order #W8855135.", 'I ordered it by mistake.', 'Sorry, let me be clear: order #W1234567.', 'the Espresso Machine (pressure 19 bar, 1L)']) {
      expect(analyzeSentiment(text).label).toBe('neutral');
    }
    expect(analyzeSentiment("Cancel it, this is the worst service I've ever had.").label).toBe('negative');
  });

  it('stays within the schema ranges on odd input', () => {
    for (const text of ['', '!!!!!!!!!!!!!!!!', 'A'.repeat(100_000), '😡😡😡']) {
      const sentiment = analyzeSentiment(text);
      expect(sentiment.score).toBeGreaterThanOrEqual(-1);
      expect(sentiment.score).toBeLessThanOrEqual(1);
      expect(sentiment.frustration).toBeGreaterThanOrEqual(0);
      expect(sentiment.frustration).toBeLessThanOrEqual(1);
    }
  });
});
