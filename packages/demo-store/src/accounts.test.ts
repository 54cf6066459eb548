import { describe, expect, it } from 'vitest';
import type { Order, StoreSnapshot, User } from '@switchboard/core';
import { createAccountDirectory } from './accounts.js';
import { createMemoryCommerceStore } from './testing.js';

const address = { address1: '1 Main St', address2: '', city: 'Austin', country: 'USA', state: 'TX', zip: '78701' };
const user = (id: string, orders: string[]): User => ({ user_id: id, name: { first_name: 'A', last_name: id }, address, email: `${id}@example.com`, payment_methods: {}, orders });
const order = (id: string, userId: string, options: { status: string; paid: number; refunded?: number }): Order => ({
  order_id: id, user_id: userId, address, items: [], fulfillments: [], status: options.status,
  payment_history: [{ transaction_type: 'payment', amount: options.paid, payment_method_id: 'x' }, ...(options.refunded ? [{ transaction_type: 'refund' as const, amount: options.refunded, payment_method_id: 'x' }] : [])],
});

describe('demo account flags', () => {
  it('flags big spenders as vip and customers who cancel or refund a lot as at_risk', async () => {
    const snapshot: StoreSnapshot = {
      users: { big: user('big', ['#W1', '#W2']), churn: user('churn', ['#W3', '#W4']), plain: user('plain', ['#W5']) },
      orders: {
        '#W1': order('#W1', 'big', { status: 'delivered', paid: 1800 }),
        '#W2': order('#W2', 'big', { status: 'delivered', paid: 900 }),
        '#W3': order('#W3', 'churn', { status: 'cancelled', paid: 100, refunded: 100 }),
        '#W4': order('#W4', 'churn', { status: 'cancelled', paid: 50, refunded: 50 }),
        '#W5': order('#W5', 'plain', { status: 'delivered', paid: 120 }),
      },
      products: {},
    };
    const accounts = createAccountDirectory({ commerce: createMemoryCommerceStore({ snapshot }) });
    expect(await accounts.flagsFor('big')).toEqual(['vip']);
    expect(await accounts.flagsFor('churn')).toEqual(['at_risk']);
    expect(await accounts.flagsFor('plain')).toEqual([]);
    expect(await accounts.flagsFor('nobody')).toEqual([]);
  });
});
