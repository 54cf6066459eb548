/**
 * Item swaps with τ-bench retail semantics: `modify_pending_order_items` (pending orders, applied
 * now, price difference charged or refunded now) and `exchange_delivered_order_items` (delivered
 * orders, requested, price difference settled when the items come back). Each item may only become
 * an available variant of the same product; a gift card must cover a price increase.
 * @see ../../../../../shared/data/tau-bench-retail/wiki.md ("Modify items", "Exchange delivered order")
 */
import { OrderSchema, defineTool, type AnyToolDefinition, type CommerceStore, type Order, type Product, type ProductVariant } from '@switchboard/core';
import { z } from 'zod';
import { OrderIdInputSchema } from './pending-orders.js';
import { WRITE_SCOPES, WRITE_TIMEOUT_MS, WRITE_TOOL_NAMES } from './scopes.js';
import { swapRefundApproval } from './refund-limit.js';
import { adjustGiftCard, assertItemsInOrder, balanceOf, invalid, loadOrderForWrite, notFound, paymentMethodOf, pythonRound2, refused, sortedIds } from './tau-rules.js';

/** Item ids as τ takes them: duplicates allowed (two of the same item), at most 50. */
const ItemIdsSchema = z.array(z.string().trim().min(1).max(64)).min(1).max(50);

const SwapInputSchema = z.object({
  order_id: OrderIdInputSchema,
  item_ids: ItemIdsSchema,
  new_item_ids: ItemIdsSchema,
  payment_method_id: z.string().trim().min(1).max(64),
});
type SwapInput = z.infer<typeof SwapInputSchema>;

/** Options of {@link planSwap}. */
interface PlanSwapOptions {
  commerce: CommerceStore;
  order: Order;
  input: SwapInput;
}

/**
 * Why `newItemId` cannot replace an item of `product`: a variant of another product (`product_type_mismatch`),
 * an unavailable variant (`item_unavailable`) or no such item (`item_not_found`). τ answers all three
 * with one message.
 */
async function unusableItem(options: { commerce: CommerceStore; product: Product | undefined; newItemId: string }): Promise<Error> {
  const message = `new item ${options.newItemId} not found or available`;
  if (options.product && Object.hasOwn(options.product.variants, options.newItemId)) return refused('item_unavailable', message);
  const products = await options.commerce.listProducts();
  if (products.some((product) => Object.hasOwn(product.variants, options.newItemId))) return refused('product_type_mismatch', message);
  return notFound('item_not_found', message);
}

/**
 * Checks a swap the way τ does, in τ's order — listed items in the order, equal counts, each new
 * item an available variant of the old item's product — and sums the price difference in dollars
 * (new minus old, summed in list order; positive means the customer pays).
 * @returns the difference and the products by id.
 */
async function planSwap(options: PlanSwapOptions): Promise<{ difference: number; products: Map<string, Product> }> {
  const { commerce, order, input } = options;
  assertItemsInOrder({ order, itemIds: input.item_ids, message: (itemId) => `${itemId} not found` });
  if (input.item_ids.length !== input.new_item_ids.length) throw invalid('item_count_mismatch', 'the number of items to be exchanged should match');
  const products = new Map<string, Product>();
  let difference = 0;
  for (const [index, itemId] of input.item_ids.entries()) {
    const newItemId = input.new_item_ids[index] ?? '';
    const item = order.items.find((candidate) => candidate.item_id === itemId);
    if (!item) throw notFound('item_not_in_order', `${itemId} not found`);
    const product = products.get(item.product_id) ?? (await commerce.getProduct(item.product_id));
    if (product) products.set(product.product_id, product);
    const variant: ProductVariant | undefined = product && Object.hasOwn(product.variants, newItemId) ? product.variants[newItemId] : undefined;
    if (!variant?.available) throw await unusableItem({ commerce, product, newItemId });
    difference += variant.price - item.price;
  }
  return { difference, products };
}

/**
 * The two item-swap tools, bound to `commerce`. A refunded price difference above
 * `refundLimitCents` waits for approval (see refund-limit.ts); `null` disables the rule.
 */
export function createItemChangeTools(commerce: CommerceStore, options: { refundLimitCents: number | null }): AnyToolDefinition[] {
  const approval = swapRefundApproval<SwapInput>({ commerce, limitCents: options.refundLimitCents });
  const modifyPendingOrderItems = defineTool({
    name: WRITE_TOOL_NAMES.modifyPendingOrderItems,
    description:
      "Swap items of one of the verified customer's pending orders for other available options of the same products (item_ids[i] → new_item_ids[i]; duplicates allowed). The price difference is charged to or refunded on payment_method_id (a gift card must cover a charge). Can be done once per order: the status becomes 'pending (item modified)'. Collect every item first and get the customer's confirmation. Returns the order.",
    kind: 'write',
    scopes: [WRITE_SCOPES.ordersWrite],
    input: SwapInputSchema,
    output: OrderSchema,
    timeoutMs: WRITE_TIMEOUT_MS,
    idempotent: true,
    approval,
    async execute(input, context) {
      const { order, user } = await loadOrderForWrite({ commerce, orderId: input.order_id, context });
      if (order.status !== 'pending') throw refused('order_not_pending', 'non-pending order cannot be modified');
      const { difference, products } = await planSwap({ commerce, order, input });
      const method = paymentMethodOf(user, input.payment_method_id);
      if (method.source === 'gift_card' && balanceOf(method) < difference) throw refused('insufficient_gift_card_balance', 'insufficient gift card balance to pay for the new item');
      const after = structuredClone(order);
      const owner = structuredClone(user);
      // τ records the unrounded difference (for example 142.31999999999994) and rounds only the balance.
      after.payment_history.push({ transaction_type: difference > 0 ? 'payment' : 'refund', amount: Math.abs(difference), payment_method_id: input.payment_method_id });
      if (method.source === 'gift_card') adjustGiftCard({ user: owner, paymentMethodId: input.payment_method_id, dollars: -difference });
      for (const [index, itemId] of input.item_ids.entries()) {
        const newItemId = input.new_item_ids[index] ?? '';
        // The first item still carrying the old id, as τ looks it up after each swap.
        const item = after.items.find((candidate) => candidate.item_id === itemId);
        const variant = item ? products.get(item.product_id)?.variants[newItemId] : undefined;
        if (!item || !variant) continue;
        item.item_id = newItemId;
        item.price = variant.price;
        item.options = { ...variant.options };
      }
      after.status = 'pending (item modified)';
      await commerce.applyChanges({ orders: [{ before: order, after }], users: [{ before: user, after: owner }] });
      return after;
    },
  });

  const exchangeDeliveredOrderItems = defineTool({
    name: WRITE_TOOL_NAMES.exchangeDeliveredOrderItems,
    description:
      "Request an exchange of items of one of the verified customer's delivered orders for other available options of the same products (item_ids[i] → new_item_ids[i]; duplicates allowed). The price difference (rounded to cents) will be charged to or refunded on payment_method_id (a gift card must cover a charge). Can be done once per order: the status becomes 'exchange requested' and the customer gets an email on how to send the items back. Returns the order.",
    kind: 'write',
    scopes: [WRITE_SCOPES.returnsWrite],
    input: SwapInputSchema,
    output: OrderSchema,
    timeoutMs: WRITE_TIMEOUT_MS,
    idempotent: true,
    approval,
    async execute(input, context) {
      const { order, user } = await loadOrderForWrite({ commerce, orderId: input.order_id, context });
      if (order.status !== 'delivered') throw refused('order_not_delivered', 'non-delivered order cannot be exchanged');
      const difference = pythonRound2((await planSwap({ commerce, order, input })).difference);
      const method = paymentMethodOf(user, input.payment_method_id);
      if (method.source === 'gift_card' && balanceOf(method) < difference) {
        throw refused('insufficient_gift_card_balance', 'insufficient gift card balance to pay for the price difference');
      }
      const after: Order = {
        ...structuredClone(order),
        status: 'exchange requested',
        exchange_items: sortedIds(input.item_ids),
        exchange_new_items: sortedIds(input.new_item_ids),
        exchange_payment_method_id: input.payment_method_id,
        exchange_price_difference: difference,
      };
      await commerce.applyChanges({ orders: [{ before: order, after }] });
      return after;
    },
  });

  return [modifyPendingOrderItems, exchangeDeliveredOrderItems];
}
