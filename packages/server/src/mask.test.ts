import { describe, expect, it } from 'vitest';
import { findPersonalData, maskDeep, maskPersonalData } from './mask.js';

describe('maskPersonalData', () => {
  it('masks emails, phone numbers, card numbers and street addresses', () => {
    const text = 'Mail ada.lovelace+shop@example.co.uk or call +1 (555) 010-2030 / 555-010-2030 / +44 20 7946 0958. Card 4111 1111 1111 1111, also 4242424242424242. I live at 1600 Amphitheatre Parkway, Suite 5 and at 445 Maple Avenue, Denver.';
    const masked = maskPersonalData(text);
    expect(masked).toBe('Mail [email] or call [phone] / [phone] / [phone]. Card [card], also [card]. I live at [address] and at [address], Denver.');
    expect(findPersonalData(masked)).toEqual([]);
  });

  it('keeps order ids, item ids, tracking numbers, money and times readable', () => {
    const text = 'Order #W1234567 item 1234567890 tracking 357962501027 refund $612.40 on 2026-11-21T06:36:49.123Z at 127.0.0.1, 5 business days';
    expect(maskPersonalData(text)).toBe(text);
    expect(findPersonalData(text)).toEqual([]);
  });

  it('masks inside records, whole values under personal keys', () => {
    expect(maskDeep({ to: 'Ada', note: 'ada@example.com', nested: [{ zip: '80279', text: 'card 4111111111111111' }], count: 3 })).toEqual({ to: '[redacted]', note: '[email]', nested: [{ zip: '[redacted]', text: 'card [card]' }], count: 3 });
  });
});
