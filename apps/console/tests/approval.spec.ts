/**
 * Issue 8 flow 2: a refund above the $500 limit waits for approval; the operator sees it in the
 * console with its amount, policy reason and exact arguments, approves it, and the customer is
 * told in the widget, live. Screen: approvals.
 */
import { expect, saveScreen, signIn, test } from './fixtures.js';

test('approval: a refund above the limit is held, approved in the console, and the customer is told', async ({ customer, operator, desk }) => {
  const { refund } = desk;
  await customer.goto('/');
  await customer.getByRole('button', { name: 'Start a conversation' }).click();
  const log = customer.getByRole('list', { name: 'Conversation' });
  const say = async (text: string, expected: RegExp) => {
    await customer.getByLabel('Your message').fill(text);
    await customer.getByLabel('Your message').press('Enter');
    await expect(log.locator('.bubble.agent').last()).toContainText(expected);
  };
  await say(`I want to return the ${refund.itemName} from order ${refund.orderId}.`, /verify your account/);
  const amount = refund.amountUsd.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
  await say(`my email is ${refund.email}`, new RegExp(`Refund total: \\${amount}`));
  await say('yes', /needs a team member's approval/);
  await expect(log.locator('.bubble.agent').last()).toContainText('Returns');

  await signIn(operator, desk);
  await operator.getByRole('link', { name: 'Approvals' }).click();
  const card = operator.getByRole('article').filter({ hasText: refund.orderId });
  await expect(card).toHaveCount(1);
  await expect(card.locator('.amount')).toHaveText(amount);
  await expect(card).toContainText('REFUND_ABOVE_LIMIT');
  await expect(card.getByRole('heading')).toHaveText('return_delivered_order_items');
  await saveScreen(operator, 'approvals');

  await card.getByLabel('Note (optional)').fill('Checked the order: approved.');
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(card).toHaveCount(0);
  await expect(log.locator('.bubble.agent').last()).toContainText(/our team approved your request/);
});
