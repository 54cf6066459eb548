import { join } from 'node:path';
import type { Order } from '@switchboard/core';
import { loadTauRetailStore, readTauExpected, readTauTasks, tauFixtureSnapshot, type TauExpected, type TauTask } from '@switchboard/demo-store';
import { describe, expect, it } from 'vitest';
import { checkSummary } from './customer/customer.js';
import { personaOf } from './customer/knowledge.js';
import { passHat, runTau, trialSeed } from './tau-eval.js';

const snapshot = tauFixtureSnapshot();
const pending = snapshot.orders['#W1000001']!;
const delivered = snapshot.orders['#W1000002']!;
const cancelled: Order = {
  ...pending,
  status: 'cancelled',
  cancel_reason: 'ordered by mistake',
  payment_history: [...pending.payment_history, { transaction_type: 'refund', amount: 71.13, payment_method_id: 'credit_card_1111111' }],
};
const exchanged: Order = {
  ...delivered,
  status: 'exchange requested',
  exchange_items: ['1111111111'],
  exchange_new_items: ['2222222222'],
  exchange_payment_method_id: 'paypal_3333333',
  exchange_price_difference: 2.55,
};
const ada = 'Your name is Ada Lovelace and your zip code is 80218. You are patient.';
const tasks: TauTask[] = [
  { user_id: 'ada_lovelace_1234', instruction: `${ada} Cancel #W1000001, you ordered it by mistake.`, actions: [{ name: 'cancel_pending_order', kwargs: { order_id: '#W1000001', reason: 'ordered by mistake' } }], outputs: [] },
  {
    user_id: 'ada_lovelace_1234',
    instruction: `${ada} Exchange one blue T-shirt of #W1000002 for a red one, via PayPal.`,
    actions: [{ name: 'exchange_delivered_order_items', kwargs: { order_id: '#W1000002', item_ids: ['1111111111'], new_item_ids: ['2222222222'], payment_method_id: 'paypal_3333333' } }],
    outputs: [],
  },
];
const expected: TauExpected[] = [
  { index: 0, user_id: 'ada_lovelace_1234', steps: [], changed: { orders: { '#W1000001': cancelled } } },
  { index: 1, user_id: 'ada_lovelace_1234', steps: [], changed: { orders: { '#W1000002': exchanged } } },
];

describe('passHat', () => {
  it('is τ-bench pass^k: C(c, k) / C(n, k) per task, averaged', () => {
    const hats = passHat([4, 2, 0], 4);
    expect(hats['1']).toBeCloseTo((1 + 0.5 + 0) / 3, 10);
    expect(hats['2']).toBeCloseTo((1 + 1 / 6 + 0) / 3, 10);
    expect(hats['4']).toBeCloseTo(1 / 3, 10);
    expect(Object.keys(passHat([1], 3))).toEqual(['1', '2', '3']);
  });

  it('derives a distinct, repeatable seed per task and trial', () => {
    expect(trialSeed(0, 3, 1)).toBe(trialSeed(0, 3, 1));
    expect(new Set([trialSeed(0, 3, 0), trialSeed(0, 3, 1), trialSeed(0, 4, 0), trialSeed(1, 3, 0)]).size).toBe(4);
  });
});

describe('the scripted customer', () => {
  it('knows who it is and what it wants from the instruction and the gold actions, never ids of items or payment methods', () => {
    const persona = personaOf(tasks[1]!, snapshot);
    expect(persona).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', zip: '80218', emails: [] });
    expect(persona.goals).toEqual([expect.objectContaining({ kind: 'exchange', orderId: '#W1000002', payment: expect.objectContaining({ source: 'paypal' }) as unknown })]);
  });

  it('says yes only to the action it wants', () => {
    const [goal] = personaOf(tasks[0]!, snapshot).goals;
    expect(checkSummary(goal!, 'Cancel order #W1000001 (reason: ordered by mistake).')).toBeUndefined();
    expect(checkSummary(goal!, 'Cancel order #W1000001 (reason: no longer needed).')).toBe('wrong reason');
    expect(checkSummary(goal!, 'Cancel order #W1000003 (reason: ordered by mistake).')).toMatch(/not named/);
  });
});

describe('runTau on a fixture store', () => {
  it('plays each task against the desk and passes when the end state is the expected one', async () => {
    const report = await runTau({ tasks, expected, snapshot, trials: 2, seed: 7 });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ tasks: 2, trials: 2, passHat: { '1': 1, '2': 1 }, escalated: 0 });
    expect(report.avgTurns).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('fails a trial whose end state differs, and says where', async () => {
    const wrong: TauExpected[] = [{ ...expected[0]!, changed: { orders: { '#W1000001': { ...cancelled, cancel_reason: 'no longer needed' } } } }];
    const report = await runTau({ tasks: [tasks[0]!], expected: wrong, snapshot, trials: 1 });
    expect(report.passHat['1']).toBe(0);
    expect(report.failures).toEqual([{ index: 0, reason: expect.stringContaining('orders #W1000001 cancel_reason') as string }]);
  }, 60_000);
});

// CI (`.ci/run`) sets SWITCHBOARD_DATA_DIR; when it is set and the τ data is missing, this fails.
const dataDir = process.env.SWITCHBOARD_DATA_DIR;
describe.skipIf(dataDir === undefined || dataDir === '')('eval tau on τ-bench retail dev (SWITCHBOARD_DATA_DIR)', () => {
  it('passes at least 90% of the 20 dev tasks with one trial (measured: 1.00)', async () => {
    const tau = join(dataDir ?? '', 'tau-bench-retail');
    const report = await runTau({ tasks: readTauTasks(join(tau, 'tasks_dev.json')), expected: readTauExpected(join(tau, 'expected', 'expected_dev.json')), snapshot: loadTauRetailStore(tau), trials: 1 });
    expect(report.tasks).toBe(20);
    expect(report.passHat['1']).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
