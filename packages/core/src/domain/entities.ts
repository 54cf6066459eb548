import { z } from 'zod';

/** A money amount in integer cents with an ISO 4217 currency code (`USD`, `EUR`, `GBP`…). */
export const MoneySchema = z.object({
  amountCents: z.number().int(),
  currency: z.string().length(3),
});
export type Money = z.infer<typeof MoneySchema>;

/** A product mention matched against the catalog (name and, when said, option values). */
export const ProductMentionSchema = z.object({
  productId: z.string(),
  name: z.string(),
  /** Option values the customer named, keyed by option name (`{ color: "red" }`). */
  options: z.record(z.string(), z.string()),
});
export type ProductMention = z.infer<typeof ProductMentionSchema>;

/**
 * Entities extracted from customer text. Every list is deduplicated and in order of appearance.
 * Dates are ISO `YYYY-MM-DD`; amounts are {@link Money}; order ids are normalized to the store's
 * format (`#W1234567`) when recognisable.
 */
export const EntitiesSchema = z.object({
  orderIds: z.array(z.string()).default([]),
  emails: z.array(z.string()).default([]),
  personNames: z.array(z.string()).default([]),
  zipCodes: z.array(z.string()).default([]),
  amounts: z.array(MoneySchema).default([]),
  dates: z.array(z.string()).default([]),
  products: z.array(ProductMentionSchema).default([]),
  trackingIds: z.array(z.string()).default([]),
  phoneNumbers: z.array(z.string()).default([]),
});
export type Entities = z.infer<typeof EntitiesSchema>;

/** An entities value with every list empty. */
export function emptyEntities(): Entities {
  return { orderIds: [], emails: [], personNames: [], zipCodes: [], amounts: [], dates: [], products: [], trackingIds: [], phoneNumbers: [] };
}

/** Merges `next` into `previous`, keeping order and dropping duplicates (by JSON value). */
export function mergeEntities(previous: Entities, next: Entities): Entities {
  const merge = <T>(a: readonly T[], b: readonly T[]): T[] => {
    const seen = new Set(a.map((value) => JSON.stringify(value)));
    const out = [...a];
    for (const value of b) {
      const key = JSON.stringify(value);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(value);
      }
    }
    return out;
  };
  return {
    orderIds: merge(previous.orderIds, next.orderIds),
    emails: merge(previous.emails, next.emails),
    personNames: merge(previous.personNames, next.personNames),
    zipCodes: merge(previous.zipCodes, next.zipCodes),
    amounts: merge(previous.amounts, next.amounts),
    dates: merge(previous.dates, next.dates),
    products: merge(previous.products, next.products),
    trackingIds: merge(previous.trackingIds, next.trackingIds),
    phoneNumbers: merge(previous.phoneNumbers, next.phoneNumbers),
  };
}
