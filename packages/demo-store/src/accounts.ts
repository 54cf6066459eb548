import type { AccountDirectory, CommerceStore } from '@switchboard/core';

/**
 * Account-flag rules of the demo company, derived from the store records (no extra table):
 * - `vip`: lifetime payments of at least $2,500 (about the top 5 % of the generated store).
 * - `at_risk`: two or more cancelled orders, or refunds adding up to at least half of what the
 *   customer ever paid (a customer drifting away).
 * Dollars, as in the τ-shaped records.
 */
export const ACCOUNT_FLAG_RULES = Object.freeze({ vipLifetimeDollars: 2500, atRiskCancelledOrders: 2, atRiskRefundShare: 0.5 });

/** The demo desk's {@link AccountDirectory} over the commerce store. Unknown customers have no flags. */
export function createAccountDirectory(options: { commerce: CommerceStore }): AccountDirectory {
  return {
    async flagsFor(customerId) {
      const user = await options.commerce.getUser(customerId);
      if (!user) return [];
      const orders = (await Promise.all(user.orders.map((orderId) => options.commerce.getOrder(orderId)))).filter((order) => order !== undefined);
      const total = (type: 'payment' | 'refund') => orders.flatMap((order) => order.payment_history).filter((entry) => entry.transaction_type === type).reduce((sum, entry) => sum + entry.amount, 0);
      const paid = total('payment');
      const flags: string[] = [];
      if (paid >= ACCOUNT_FLAG_RULES.vipLifetimeDollars) flags.push('vip');
      const cancelled = orders.filter((order) => order.status === 'cancelled').length;
      if (cancelled >= ACCOUNT_FLAG_RULES.atRiskCancelledOrders || (paid > 0 && total('refund') >= paid * ACCOUNT_FLAG_RULES.atRiskRefundShare)) flags.push('at_risk');
      return flags;
    },
  };
}
