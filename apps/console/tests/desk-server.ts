/**
 * The desk the browser tests drive: the real service (`createService`, as `switchboard start`
 * builds it) on 127.0.0.1 with a free port, the embedded PGlite in memory, an in-process queue,
 * and the console build in `apps/console/dist`. Prints one JSON line on stdout —
 * `{ url, operatorKey, refund }` — once listening, then serves until SIGTERM or SIGINT.
 *
 * `refund` names a store customer with one delivered order holding an item above the $500 refund
 * limit (`packages/demo-store` policy), found the way `packages/cli/src/write-actions.test.ts`
 * finds one: a single payment method that is not a gift card, so the desk does not ask where to
 * refund. Run with `node --import tsx apps/console/tests/desk-server.ts`.
 */
import process from 'node:process';
import { createOperatorKey, createService, randomIds, systemClock } from '@switchboard/server';
import type { DeskRuntime } from '@switchboard/server';

/** Refunds above this many dollars wait for an operator (the demo store's refund limit). */
const REFUND_LIMIT_USD = 500;

export interface DeskServerInfo {
  url: string;
  operatorKey: string;
  refund: { email: string; orderId: string; itemName: string; amountUsd: number };
}

async function refundAboveLimit(runtime: DeskRuntime): Promise<DeskServerInfo['refund']> {
  const { commerce } = runtime.database;
  for (const id of await commerce.listUserIds({ limit: 400 })) {
    const user = await commerce.getUser(id);
    const methods = Object.values(user?.payment_methods ?? {});
    if (!user || methods.length !== 1 || methods[0]?.source === 'gift_card') continue;
    for (const orderId of user.orders) {
      const order = await commerce.getOrder(orderId);
      if (order?.status !== 'delivered') continue;
      const item = order.items.find((candidate) => candidate.price > REFUND_LIMIT_USD && order.items.filter((other) => other.product_id === candidate.product_id).length === 1);
      if (item) return { email: user.email, orderId: order.order_id, itemName: item.name, amountUsd: item.price };
    }
  }
  throw new Error('The generated demo store has no delivered item above the refund limit');
}

const service = await createService({
  runtime: { inMemory: true },
  server: { host: '127.0.0.1', port: 0 },
  logger: { level: process.env.SWITCHBOARD_TEST_LOG_LEVEL ?? 'warn' },
});
const url = await service.listen();
const { key } = await createOperatorKey({ database: service.runtime.database, name: 'ana', clock: systemClock, ids: randomIds });
const info: DeskServerInfo = { url, operatorKey: key, refund: await refundAboveLimit(service.runtime) };
process.stdout.write(`${JSON.stringify(info)}\n`);

await new Promise<void>((resolve) => {
  process.once('SIGTERM', () => resolve());
  process.once('SIGINT', () => resolve());
});
await service.close();
