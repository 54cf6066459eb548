/**
 * Who is calling: a customer (a token that opens exactly one conversation) or an operator (an
 * API key that opens the whole desk).
 *
 * - **Customer tokens** are `ct.<conversationId>.<HMAC-SHA256>`: stateless, checked on any node,
 *   because every node reads the same secret from the database (`settings`). They do not expire
 *   while the conversation exists; anyone holding one can read and write that conversation only.
 * - **Operator keys** are `sbk_<43 characters>` (256 random bits), stored as their SHA-256 only
 *   and shown once by `switchboard operators create`. Lookups are cached for `cacheMs`, so a
 *   revoked key stops working within that time.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock, IdGenerator } from '@switchboard/core';
import type { Database } from '@switchboard/stores';

/** The caller of a request. `id` keys per-caller rate limits. */
export type Principal =
  | { kind: 'customer'; id: string; conversationId: string }
  | { kind: 'operator'; id: string; operatorId: string; keyId: string };

/** Verifies customer tokens and operator keys. */
export interface Authenticator {
  /** The token for a new conversation. */
  customerToken(conversationId: string): string;
  /** The principal a bearer credential proves, or `undefined` when it proves nothing. */
  authenticate(credential: string): Promise<Principal | undefined>;
}

const SECRET_SETTING = 'customer_token_secret';
const OPERATOR_KEY_PREFIX = 'sbk_';
const CUSTOMER_TOKEN_PREFIX = 'ct';

/** SHA-256 of an operator key, hex: what is stored. */
export const hashOperatorKey = (key: string): string => createHash('sha256').update(key).digest('hex');

function sign(secret: string, conversationId: string): string {
  return createHmac('sha256', secret).update(`customer:${conversationId}`).digest('base64url');
}

function sameText(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Creates the {@link Authenticator}, reading (or creating, on the first node) the token secret.
 * @param options.cacheMs - How long an operator-key lookup is cached, in milliseconds. @defaultValue 30,000
 */
export async function createAuthenticator(options: { database: Database; clock: Clock; cacheMs?: number }): Promise<Authenticator> {
  const { database, clock } = options;
  const secret = await database.settings.getOrInit(SECRET_SETTING, randomBytes(32).toString('base64url'));
  const cacheMs = options.cacheMs ?? 30_000;
  const cache = new Map<string, { principal: Principal | undefined; expiresAtMs: number }>();

  async function operator(key: string): Promise<Principal | undefined> {
    const keyHash = hashOperatorKey(key);
    const nowMs = clock.now().getTime();
    const cached = cache.get(keyHash);
    if (cached && cached.expiresAtMs > nowMs) return cached.principal;
    const record = await database.operatorKeys.findByHash(keyHash);
    const principal: Principal | undefined = record && record.revokedAt === undefined ? { kind: 'operator', id: `op:${record.id}`, operatorId: record.name, keyId: record.id } : undefined;
    if (cache.size > 10_000) cache.clear();
    cache.set(keyHash, { principal, expiresAtMs: nowMs + cacheMs });
    return principal;
  }

  return {
    customerToken: (conversationId) => `${CUSTOMER_TOKEN_PREFIX}.${conversationId}.${sign(secret, conversationId)}`,
    async authenticate(credential) {
      if (credential.startsWith(OPERATOR_KEY_PREFIX)) return operator(credential);
      const [prefix, conversationId, signature, ...rest] = credential.split('.');
      if (prefix !== CUSTOMER_TOKEN_PREFIX || !conversationId || !signature || rest.length > 0) return undefined;
      return sameText(signature, sign(secret, conversationId)) ? { kind: 'customer', id: `ct:${conversationId}`, conversationId } : undefined;
    },
  };
}

/**
 * Creates an operator API key and stores its hash. The key is in the result only: show it once.
 * @param options.name - The operator the key acts as (recorded as the author of operator actions).
 * @returns `{ id, name, key }`.
 */
export async function createOperatorKey(options: { database: Database; name: string; clock: Clock; ids: IdGenerator }): Promise<{ id: string; name: string; key: string }> {
  const key = `${OPERATOR_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = options.ids.next('opk');
  await options.database.operatorKeys.create({ id, name: options.name, keyHash: hashOperatorKey(key), createdAt: options.clock.now().toISOString() });
  return { id, name: options.name, key };
}
