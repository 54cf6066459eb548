/**
 * Issue 8 flow 1: a customer asks for a human in the widget → a ticket; an operator signs in to
 * the console, finds it in the inbox, claims it and replies; the customer sees the reply live,
 * without a reload — also after a network loss, exactly once; the operator resolves and the
 * customer rates the conversation. Screens: widget, inbox, ticket, timeline.
 */
import { expect, saveScreen, signIn, test } from './fixtures.js';
import { openNetworkLink } from './network-link.js';
import type { NetworkLink } from './network-link.js';

let link: NetworkLink | undefined;
test.afterEach(async () => {
  await link?.close();
});

test('escalation: human request, claim, live operator reply, reconnect, resolution and CSAT', async ({ newWatchedContext, operator, desk, expectConsoleErrors }) => {
  // The customer reaches the desk through a link the test can cut, like a phone losing its signal.
  link = await openNetworkLink(desk.url);
  const customer = await (await newWatchedContext({ width: 420, height: 820, baseURL: link.url })).newPage();
  await customer.goto('/');
  await customer.getByRole('button', { name: 'Start a conversation' }).click();
  const log = customer.getByRole('list', { name: 'Conversation' });
  await customer.getByLabel('Your message').fill('My order arrived broken and nobody answers my emails.');
  await customer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(log.locator('.bubble.agent')).not.toHaveCount(0);

  await customer.getByRole('button', { name: 'Talk to a human' }).click();
  const handedOver = customer.getByText(/A person from our team has your conversation/);
  await expect(handedOver).toBeVisible();
  const ticketId = (await handedOver.locator('code').textContent()) ?? '';
  expect(ticketId).toMatch(/^T-[0-9A-Z]{8}$/);
  await expect(log.locator('.bubble.agent').last()).toContainText(ticketId);
  await expect(customer.getByRole('button', { name: 'Talk to a human' })).toBeDisabled();
  await saveScreen(customer, 'widget-escalated', 'widget');

  await signIn(operator, desk);
  const row = operator.locator(`tr[data-ticket-id="${ticketId}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator('.sla')).toHaveText(/left$/);
  await saveScreen(operator, 'inbox');
  await row.getByRole('button', { name: `Claim ticket ${ticketId}` }).click();
  const panel = operator.getByRole('region', { name: `Ticket ${ticketId}` });
  await expect(panel).toContainText('assigned to ana');
  await expect(panel.getByRole('list').last()).toContainText('nobody answers my emails');

  const firstReply = 'Hi, this is Ana from the support team. I am sorry about the broken order; I will sort it out now.';
  await panel.getByLabel('Reply to the customer').fill(firstReply);
  await panel.getByRole('button', { name: 'Send reply' }).click();
  await expect(log.getByText(firstReply)).toHaveCount(1);
  await expect(log.locator('.bubble.operator').last()).toContainText('Ana (support team)');
  await saveScreen(operator, 'ticket', 'console');

  // A network loss on the customer's side: the reply sent meanwhile arrives once when it is back.
  expectConsoleErrors((text) => /net::ERR_(CONNECTION_RESET|CONNECTION_REFUSED|CONNECTION_CLOSED|EMPTY_RESPONSE|INCOMPLETE_CHUNKED_ENCODING)/.test(text));
  link.cut();
  await expect(customer.getByRole('status', { name: /Connection: Reconnecting/ })).toBeVisible();
  const secondReply = 'I have sent a replacement; you will get a tracking number by email today.';
  await panel.getByLabel('Reply to the customer').fill(secondReply);
  await panel.getByRole('button', { name: 'Send reply' }).click();
  await expect(panel.getByText(secondReply)).toBeVisible();
  link.restore();
  await expect(customer.getByRole('status', { name: 'Connection: Live' })).toBeVisible({ timeout: 20_000 });
  await expect(log.getByText(secondReply)).toHaveCount(1);
  await expect(log.getByText(firstReply)).toHaveCount(1);

  await panel.getByRole('button', { name: 'Resolve' }).click();
  await expect(panel).toContainText('This ticket is resolved.');
  const csat = customer.getByRole('form', { name: 'How did we do?' });
  await expect(csat).toBeVisible({ timeout: 20_000 });
  await csat.getByRole('radio', { name: '5 — Excellent' }).check();
  await csat.getByLabel('Anything to add? (optional)').fill('Quick and kind.');
  await csat.getByRole('button', { name: 'Send rating' }).click();
  await expect(customer.getByText('Thank you for rating this conversation 5 out of 5.')).toBeVisible();

  await panel.getByRole('link', { name: 'Open the conversation timeline' }).click();
  const timeline = operator.getByRole('list', { name: 'Timeline' });
  await expect(timeline.locator('[data-event-type="triage"]').first()).toContainText(/intent \S+ · confidence \d+ % · urgency/);
  await expect(timeline.locator('[data-event-type="escalation"]').first()).toContainText(ticketId);
  await expect(timeline.getByText(firstReply)).toBeVisible();
  await saveScreen(operator, 'timeline');
});
