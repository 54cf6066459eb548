import { join } from 'node:path';
import type { Order } from '@switchboard/core';
import { loadTauRetailStore, readTauExpected, readTauTasks, tauFixtureSnapshot, type TauExpected, type TauTask } from '@switchboard/demo-store';
import { openDatabase } from '@switchboard/stores';
import { describe, expect, it } from 'vitest';
import { diffJson } from './compare.js';
import { createDatabaseTauStore } from './stores.js';
import { runTauTools } from './tau-tools.js';

const snapshot = tauFixtureSnapshot();
const cancelled: Order = {
  ...snapshot.orders['#W1000001']!,
  status: 'cancelled',
  cancel_reason: 'no longer needed',
  payment_history: [...snapshot.orders['#W1000001']!.payment_history, { transaction_type: 'refund', amount: 71.13, payment_method_id: 'credit_card_1111111' }],
};
const task = (userId: string, actions: TauTask['actions']): TauTask => ({ user_id: userId, instruction: 'test', actions, outputs: [] });
const tasks: TauTask[] = [
  task('ada_lovelace_1234', [{ name: 'cancel_pending_order', kwargs: { order_id: '#W1000001', reason: 'no longer needed' } }]),
  task('ada_lovelace_1234', [{ name: 'modify_pending_order_payment', kwargs: { order_id: '#W1000001', payment_method_id: 'gift_card_2222222' } }]),
];
const expected: TauExpected[] = [
  { index: 0, user_id: 'ada_lovelace_1234', steps: [{ ...tasks[0]!.actions[0]!, observation: JSON.stringify(cancelled) }], changed: { orders: { '#W1000001': cancelled } } },
  { index: 1, user_id: 'ada_lovelace_1234', steps: [{ ...tasks[1]!.actions[0]!, observation: 'Error: insufficient gift card balance to pay for the order' }], changed: {} },
];

describe('runTauTools on a fixture', () => {
  it('agrees with a matching reference outcome', async () => {
    const report = await runTauTools({ tasks, expected, snapshot });
    expect(report).toMatchObject({ tasks: 2, stateMatches: 2, stepAgreement: 1, steps: 2, store: 'memory', mismatches: [] });
  });

  it('reports a wrong step outcome, a differing record and an unexpected change', async () => {
    const wrong: TauExpected[] = [
      { ...expected[0]!, changed: { orders: { '#W1000001': { ...cancelled, cancel_reason: 'ordered by mistake' } } } },
      { ...expected[1]!, steps: [{ ...expected[1]!.steps[0]!, observation: JSON.stringify(snapshot.orders['#W1000001']) }] },
    ];
    const graceTask = task('grace_hopper_5678', [{ name: 'cancel_pending_order', kwargs: { order_id: '#W2000001', reason: 'ordered by mistake' } }]);
    const report = await runTauTools({ tasks: [...tasks, graceTask], expected: [...wrong, { index: 2, user_id: 'grace_hopper_5678', steps: [{ ...graceTask.actions[0]!, observation: '{}' }], changed: {} }], snapshot });
    expect(report.stateMatches).toBe(1);
    expect(report.stepAgreement).toBeCloseTo(1 / 3, 10);
    const where = report.mismatches.map(({ index, table, id }) => `${index}:${table}:${id}`);
    expect(where).toEqual(['0:orders:#W1000001', '1:steps:0:modify_pending_order_payment', '2:steps:0:cancel_pending_order', '2:orders:#W2000001', '2:users:grace_hopper_5678']);
    expect(report.mismatches[0]?.diff).toEqual([{ path: 'cancel_reason', expected: 'ordered by mistake', actual: 'no longer needed' }]);
  });
});

describe('diffJson', () => {
  it('compares numbers exactly and ignores key order', () => {
    expect(diffJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toEqual([]);
    expect(diffJson({ amount: 142.31999999999994 }, { amount: 142.32 })).toEqual([{ path: 'amount', expected: 142.31999999999994, actual: 142.32 }]);
    expect(diffJson({ items: [1] }, { items: [1, 2] })).toEqual([{ path: 'items.1', expected: undefined, actual: 2 }]);
  });
});

// CI (`.ci/run`) sets SWITCHBOARD_DATA_DIR; when it is set and the τ data is missing, this fails.
const dataDir = process.env.SWITCHBOARD_DATA_DIR;
describe.skipIf(dataDir === undefined || dataDir === '')('eval tau-tools on τ-bench retail dev (SWITCHBOARD_DATA_DIR)', () => {
  const tau = join(dataDir ?? '', 'tau-bench-retail');
  const load = () => ({ tasks: readTauTasks(join(tau, 'tasks_dev.json')), expected: readTauExpected(join(tau, 'expected', 'expected_dev.json')), snapshot: loadTauRetailStore(tau) });

  it('reproduces every step and every end state of the 20 dev tasks (memory store)', async () => {
    const report = await runTauTools(load());
    expect(report.mismatches).toEqual([]);
    expect(report.tasks).toBe(20);
    expect(report.stateMatches).toBe(report.tasks);
    expect(report.stepAgreement).toBe(1);
  });

  it('does the same on PGlite, through the SQL commerce store and idempotency log', async () => {
    const database = await openDatabase({ inMemory: true });
    try {
      const report = await runTauTools({ ...load(), store: createDatabaseTauStore(database) });
      expect(report).toMatchObject({ store: 'pglite', stateMatches: 20, stepAgreement: 1, mismatches: [] });
    } finally {
      await database.close();
    }
  });
});
