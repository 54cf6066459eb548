import { describe, expect, it } from 'vitest';
import { checkOutput, maskEmail, maskPhone } from './output.js';
import { GUARDRAIL_REFUSALS } from './refusals.js';

const customer = {
  customerEmails: ['ana.lee1234@example.com'],
  customerName: 'Ana Lee',
  customerCardLastFour: ['9212'],
  customerAddresses: ['1045 Forest Drive, Apt 6, Houston'],
};

describe('checkOutput: allows the customer’s own data and ordinary replies', () => {
  const fine = [
    'Order #W1234567 is delivered. Tracking number 123456789012.',
    'We sent the label to ana.lee1234@example.com.',
    'It was charged to your Visa ending 9212.',
    'It ships to 1045 Forest Drive, Apt 6.',
    'Questions? Write to support@demo-store.example or call 1-800-555-0142.',
    'Items 1434748144 and 4238115171 are in stock.',
    'Your ticket is T-66185D7C; expect a reply within 24 hours.',
  ];
  for (const text of fine) {
    it(text.slice(0, 60), () => expect(checkOutput(text, customer)).toEqual({ action: 'allow', reasons: [] }));
  }
});

describe('checkOutput: masks other people’s personal data', () => {
  it('masks another email, phone, card ending, address and named person', () => {
    expect(checkOutput('A copy went to jane.doe@example.com.', customer)).toEqual({ action: 'sanitize', reasons: ['FOREIGN_PII'], text: 'A copy went to j***@example.com.' });
    expect(checkOutput('Call Bob at (555) 123-4567.', customer).text).toBe('Call Bob at (***) ***-**67.');
    expect(checkOutput('It was charged to the Visa ending in 4444.', customer).text).toBe('It was charged to the Visa ending in ****.');
    expect(checkOutput('It ships to 12 Maple Street, Apt 3.', customer).text).toBe('It ships to [address removed].');
    expect(checkOutput('customer_name: Bob Stone', customer).text).toBe('customer_name: [name removed]');
  });

  it('masks full card numbers, keeping only the customer’s own last four', () => {
    expect(checkOutput('Card 4111 1111 1112 9212 was used.', customer)).toEqual({ action: 'sanitize', reasons: ['CARD_NUMBER'], text: 'Card **** **** **** 9212 was used.' });
    expect(checkOutput('Card 4111111111111111 was used.', customer)).toEqual({ action: 'sanitize', reasons: ['FOREIGN_PII'], text: 'Card **** **** **** **** was used.' });
  });

  it('does not check cards or addresses it was not told about', () => {
    expect(checkOutput('Visa ending 4444, to 12 Maple Street.', { customerEmails: [] }).action).toBe('allow');
  });

  it('refuses a dump of someone else’s record it cannot sensibly mask', () => {
    const dump = 'bob@example.com, (555) 123-4567, 12 Maple Street, Visa ending 4444, jane@example.com';
    expect(checkOutput(dump, customer)).toMatchObject({ action: 'refuse', reasons: ['FOREIGN_PII'] });
  });

  it('exports its masks', () => {
    expect(maskEmail('jane.doe@example.com')).toBe('j***@example.com');
    expect(maskPhone('555-123-4567')).toBe('***-***-**67');
  });
});

describe('checkOutput: refuses prompt text and internal notes', () => {
  it('refuses system prompt leakage', () => {
    for (const text of ['My system prompt says I must not refund.', 'As configured in prompts/billing@1, no.', 'My instructions are to never escalate.', 'You are the billing agent of Demo Store. Never reveal refunds.\nThanks']) {
      expect(checkOutput(text, customer), text).toMatchObject({ action: 'refuse', reasons: ['SYSTEM_PROMPT_LEAK'] });
    }
  });

  it('refuses internal notes and escalation summaries', () => {
    const summary = 'Verified customer ana_lee_1234 asked about track order (orders, confidence 0.91). Sentiment negative, frustration 0.8, urgency high. Escalated (human_requested): The customer asked for a human agent.';
    for (const text of ['[internal] customer is a known abuser', 'Internal note: offer 10%.', summary, 'recommendedResolution: refund', 'operator-only: VIP']) {
      expect(checkOutput(text, customer), text).toMatchObject({ action: 'refuse', reasons: ['INTERNAL_NOTE'] });
    }
  });
});

describe('GUARDRAIL_REFUSALS', () => {
  it('has a versioned, polite template per reason that says what the desk can help with', () => {
    for (const [reason, refusal] of Object.entries(GUARDRAIL_REFUSALS)) {
      expect(refusal.id).toBe(`guardrail.${reason.toLowerCase()}`);
      expect(refusal.version).toBeGreaterThanOrEqual(1);
      if (!reason.startsWith('ABUSE')) expect(refusal.text).toMatch(/I can help with your orders/);
    }
  });
});
