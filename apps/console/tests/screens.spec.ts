/**
 * The console's read-only screens (agent graph, metrics, live conversations) and the widget's
 * keyboard and small-screen use. Screens: agent graph, metrics, conversations, widget at 375 px.
 */
import { expect, saveScreen, signIn, test } from './fixtures.js';

test('widget: keyboard only, at 375 px wide, with no horizontal scrolling', async ({ newWatchedContext }) => {
  const page = await (await newWatchedContext({ width: 375, height: 740 })).newPage();
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Start a conversation' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Your message')).toBeVisible();
  await page.getByLabel('Your message').focus();
  await page.keyboard.type("what's your return policy?");
  await page.keyboard.press('Enter');
  const log = page.getByRole('list', { name: 'Conversation' });
  await expect(log.locator('.bubble.customer')).toHaveText(/what's your return policy\?/);
  await expect(log.locator('.bubble.agent').last()).toContainText(/return/i);
  await expect(page.getByTestId('responder')).toContainText('You are talking with');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await saveScreen(page, 'widget-375');
});

test('console: agent graph, metrics dashboard and live conversations', async ({ operator, desk, customer }) => {
  // Some traffic first, so every screen has something to draw.
  await customer.goto('/');
  await customer.getByRole('button', { name: 'Start a conversation' }).click();
  await customer.getByLabel('Your message').fill('where is my order?');
  await customer.getByLabel('Your message').press('Enter');
  await expect(customer.getByRole('list', { name: 'Conversation' }).locator('.bubble.agent')).not.toHaveCount(0);

  await signIn(operator, desk);
  await operator.getByRole('link', { name: 'Agent graph' }).click();
  const agents = operator.getByRole('table', { name: 'Agents' });
  await expect(agents.getByRole('rowheader', { name: 'Triage' })).toBeVisible();
  await expect(agents.locator('tr[data-agent-id="orders"] .badge')).toHaveText(/active|idle|stuck/);
  await expect(operator.getByRole('img', { name: /Agent graph: \d+ agents/ })).toBeVisible();
  await expect(operator.getByRole('table', { name: 'Tools' })).toContainText('return_delivered_order_items');
  await saveScreen(operator, 'agent-graph');

  await operator.getByRole('link', { name: 'Metrics' }).click();
  const kpis = operator.getByRole('definition');
  await expect(kpis.first()).toBeVisible();
  await expect(operator.getByText('Resolution rate', { exact: true })).toBeVisible();
  await expect(operator.getByText('Turns, escalations and resolutions per hour')).toBeVisible();
  await expect(operator.getByText('p95 latency per agent')).toBeVisible();
  await expect(operator.getByRole('table').filter({ hasText: 'Routed to' })).toBeVisible();
  await saveScreen(operator, 'metrics');

  await operator.getByRole('link', { name: 'Conversations' }).click();
  await expect(operator.getByRole('table').getByRole('link').first()).toBeVisible();
  const session = await customer.evaluate(() => window.sessionStorage.getItem('switchboard.widget.session'));
  const { conversationId } = JSON.parse(session ?? '{}') as { conversationId?: string };
  const link = operator.getByRole('link', { name: conversationId ?? 'missing' });
  await expect(link).toBeVisible();
  await saveScreen(operator, 'conversations');
  await link.click();
  await expect(operator.getByRole('list', { name: 'Timeline' })).toContainText('where is my order?');
});
