import { describe, expect, it } from 'vitest';
import { assessUrgency } from './urgency.js';

describe('assessUrgency', () => {
  it.each([
    ['I will sue you if this is not fixed', 'legal threat'],
    ['my kettle caught fire and burned my hand', 'safety issue'],
    ['there is an unauthorized charge on my card', 'possible fraud or unauthorized charge'],
    ["I didn't make this purchase", 'possible fraud or unauthorized charge'],
    ['my account was hacked', 'account compromised'],
    ['your site is down', 'outage'],
    ["I can't check out at all", 'outage'],
  ])('is urgent for %j', (text, reason) => {
    const result = assessUrgency(text);
    expect(result.urgency).toBe('urgent');
    expect(result.reasons).toContain(reason);
  });

  it.each([
    ['I was charged twice for my order', 'money at risk: duplicate or wrong charge'],
    ['I got double charged', 'money at risk: duplicate or wrong charge'],
    ['where is my refund? it has been 3 weeks', 'money at risk: refund missing'],
    ['I need it today', 'deadline or time pressure'],
    ['please fix this asap', 'deadline or time pressure'],
  ])('is high for %j', (text, reason) => {
    const result = assessUrgency(text);
    expect(result.urgency).toBe('high');
    expect(result.reasons).toContain(reason);
  });

  it.each(['THIS IS THE THIRD TIME I WRITE!!! Still nothing. Unacceptable.', 'stupid bot'])('is high for a very frustrated customer: %j', (text) => {
    const result = assessUrgency(text);
    expect(result.urgency).toBe('high');
    expect(result.reasons.join()).toContain('very frustrated');
  });

  it.each(['please unsubscribe me from the newsletter', 'just wanted to say great service', 'quick question: do you ship to Canada?', 'no rush, but can you update my address?'])(
    'is low for %j',
    (text) => {
      expect(assessUrgency(text).urgency).toBe('low');
    },
  );

  it.each(['where is my order', 'I want to return a shirt', 'how do I change my password', ''])('is normal for %j', (text) => {
    expect(assessUrgency(text)).toEqual({ urgency: 'normal', reasons: [] });
  });

  it('uses the signals it is given', () => {
    const signals = { humanRequested: false, legalThreat: true, abusive: false, language: 'en' };
    expect(assessUrgency('hello', signals).urgency).toBe('urgent');
  });

  it('does not let "no rush" hide money at risk', () => {
    expect(assessUrgency('no rush, but I was charged twice').urgency).toBe('high');
  });
});
