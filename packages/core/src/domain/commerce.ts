import { z } from 'zod';

/**
 * Store records in the τ-bench retail shapes (snake_case kept on purpose, so the τ store imports
 * unchanged and end states compare field by field). Money fields (`price`, `amount`, `balance`)
 * are US dollars with two decimals, as in τ-bench.
 * @see ../shared/data/tau-bench-retail/SOURCE.md
 */
export const AddressSchema = z.object({
  address1: z.string(),
  address2: z.string(),
  city: z.string(),
  country: z.string(),
  state: z.string(),
  zip: z.string(),
});
export type Address = z.infer<typeof AddressSchema>;

export const PaymentMethodSchema = z.object({
  source: z.enum(['credit_card', 'paypal', 'gift_card']),
  id: z.string(),
  brand: z.string().optional(),
  last_four: z.string().optional(),
  /** Gift-card balance in dollars. */
  balance: z.number().optional(),
});
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

export const UserSchema = z.object({
  user_id: z.string(),
  name: z.object({ first_name: z.string(), last_name: z.string() }),
  address: AddressSchema,
  email: z.string(),
  payment_methods: z.record(z.string(), PaymentMethodSchema),
  orders: z.array(z.string()),
});
export type User = z.infer<typeof UserSchema>;

export const OrderItemSchema = z.object({
  name: z.string(),
  product_id: z.string(),
  item_id: z.string(),
  price: z.number(),
  options: z.record(z.string(), z.string()),
});
export type OrderItem = z.infer<typeof OrderItemSchema>;

export const FulfillmentSchema = z.object({
  tracking_id: z.array(z.string()),
  item_ids: z.array(z.string()),
});
export type Fulfillment = z.infer<typeof FulfillmentSchema>;

export const PaymentTransactionSchema = z.object({
  transaction_type: z.enum(['payment', 'refund']),
  amount: z.number(),
  payment_method_id: z.string(),
});
export type PaymentTransaction = z.infer<typeof PaymentTransactionSchema>;

/** Order status as in τ-bench: `pending`, `processed`, `delivered`, `cancelled`, plus the states write actions produce. */
export const OrderSchema = z
  .object({
    order_id: z.string(),
    user_id: z.string(),
    address: AddressSchema,
    items: z.array(OrderItemSchema),
    fulfillments: z.array(FulfillmentSchema),
    status: z.string(),
    payment_history: z.array(PaymentTransactionSchema),
  })
  .catchall(z.unknown());
export type Order = z.infer<typeof OrderSchema>;

export const ProductVariantSchema = z.object({
  item_id: z.string(),
  options: z.record(z.string(), z.string()),
  available: z.boolean(),
  price: z.number(),
});
export type ProductVariant = z.infer<typeof ProductVariantSchema>;

export const ProductSchema = z.object({
  name: z.string(),
  product_id: z.string(),
  variants: z.record(z.string(), ProductVariantSchema),
});
export type Product = z.infer<typeof ProductSchema>;

/** A whole store: records keyed by their ids, as in τ-bench's `users.json`, `orders.json`, `products.json`. */
export interface StoreSnapshot {
  users: Record<string, User>;
  orders: Record<string, Order>;
  products: Record<string, Product>;
}
