/**
 * Builds synthetic customers in τ-bench's user shape.
 */
import type { PaymentMethod, User } from '@switchboard/core';
import type { IdMinter } from './ids.js';
import { FIRST_NAMES, LAST_NAMES, randomAddress } from './people.js';
import type { Random } from './prng.js';

/** How many payment methods a customer has (weights roughly as in τ-bench retail). */
const METHOD_COUNT_WEIGHTS = { '1': 0.66, '2': 0.27, '3': 0.05, '4': 0.02 } as const;
const SOURCE_WEIGHTS = { credit_card: 0.35, paypal: 0.32, gift_card: 0.33 } as const;
const BRAND_WEIGHTS = { visa: 0.45, mastercard: 0.4, amex: 0.15 } as const;
/** Highest gift-card balance, in whole dollars. */
const MAX_GIFT_CARD_BALANCE = 150;

/** Options of {@link buildUser}. */
export interface BuildUserOptions {
  random: Random;
  ids: IdMinter;
}

/**
 * One customer: `user_id` `first_last_1234`, email `first.last5678@example.com` (lower case,
 * its 4 digits independent of the id's), a US address, 1–4 payment methods keyed by id
 * (`credit_card_1234567` with `brand` and `last_four`, `paypal_1234567`, `gift_card_1234567`
 * with `balance` in whole dollars 0–150) and an empty `orders` list the order builder fills.
 */
export function buildUser(options: BuildUserOptions): User {
  const { random, ids } = options;
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const first = firstName.toLowerCase();
  const last = lastName.toLowerCase();
  const userId = ids.unique((draw) => `${first}_${last}_${draw.digits(4)}`);
  const email = ids.unique((draw) => `${first}.${last}${draw.digits(4)}@example.com`);
  const methodCount = Number(random.weighted(METHOD_COUNT_WEIGHTS));
  const paymentMethods: Record<string, PaymentMethod> = {};
  for (let index = 0; index < methodCount; index += 1) {
    const method = buildPaymentMethod(options);
    paymentMethods[method.id] = method;
  }
  return {
    user_id: userId,
    name: { first_name: firstName, last_name: lastName },
    address: randomAddress(random),
    email,
    payment_methods: paymentMethods,
    orders: [],
  };
}

function buildPaymentMethod(options: BuildUserOptions): PaymentMethod {
  const { random, ids } = options;
  const source = random.weighted(SOURCE_WEIGHTS);
  const id = ids.unique((draw) => `${source}_${draw.digits(7)}`);
  switch (source) {
    case 'credit_card':
      return { source, brand: random.weighted(BRAND_WEIGHTS), last_four: String(random.int(0, 9999)).padStart(4, '0'), id };
    case 'gift_card':
      return { source, balance: random.int(0, MAX_GIFT_CARD_BALANCE), id };
    case 'paypal':
      return { source, id };
  }
}
