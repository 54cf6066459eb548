import { describe, expect, it } from 'vitest';
import { generateStore } from './generator/generate.js';
import { createMemoryCommerceStore } from './testing.js';

describe('createMemoryCommerceStore', () => {
  const snapshot = generateStore({ seed: 9, users: 10, orders: 20 });
  const user = Object.values(snapshot.users)[0]!;

  it('reads the snapshot and counts its records', async () => {
    const commerce = createMemoryCommerceStore({ snapshot });
    expect(await commerce.counts()).toEqual({ users: 10, orders: 20, products: 50 });
    expect(await commerce.getUser(user.user_id)).toEqual(user);
    expect(await commerce.getUser('constructor')).toBeUndefined();
    expect(await commerce.findUserIdByEmail(user.email.toUpperCase())).toBe(user.user_id);
    expect(await commerce.findUserIdByNameZip({ firstName: user.name.first_name.toUpperCase(), lastName: user.name.last_name, zip: user.address.zip })).toBe(user.user_id);
    expect(await commerce.listProducts()).toHaveLength(50);
  });

  it('hands out copies, so callers cannot change stored records', async () => {
    const commerce = createMemoryCommerceStore({ snapshot });
    const copy = await commerce.getUser(user.user_id);
    copy!.email = 'changed@example.com';
    expect((await commerce.getUser(user.user_id))?.email).toBe(user.email);
  });

  it('replaces everything on dangerouslyReplaceAll', async () => {
    const commerce = createMemoryCommerceStore({ snapshot });
    await commerce.dangerouslyReplaceAll({ users: {}, orders: {}, products: {} });
    expect(await commerce.counts()).toEqual({ users: 0, orders: 0, products: 0 });
  });
});
