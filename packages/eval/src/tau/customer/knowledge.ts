/**
 * What a τ task's customer knows: who they are (name, zip, email — from the instruction, else
 * their own profile), their payment methods, and one goal per gold action, described by the
 * order id, the product names and options of their items, the options they want, a payment
 * method in words and the address they want. Never an item id or a payment method id.
 */
import type { Address, Order, OrderItem, PaymentMethod, ProductVariant, StoreSnapshot, User } from '@switchboard/core';
import type { TauAction, TauTask } from '@switchboard/demo-store';

/** An item of an order as the customer knows it, and (for swaps) the variant they want. */
export interface GoalItem {
  item: OrderItem;
  wanted?: ProductVariant;
  /** Other items of the same product in the order (the customer names options to tell them apart). */
  lookalikes: number;
}

/** One thing the customer wants done, from one gold action. */
export type Goal =
  | { kind: 'cancel'; orderId: string; reason: 'no longer needed' | 'ordered by mistake' }
  | { kind: 'return'; orderId: string; items: GoalItem[]; payment: PaymentMethod; original: boolean; allItems: boolean }
  | { kind: 'exchange' | 'modify_items'; orderId: string; items: GoalItem[]; payment: PaymentMethod; original: boolean }
  | { kind: 'modify_payment'; orderId: string; payment: PaymentMethod }
  | { kind: 'order_address'; orderId: string; address: Address; isDefault: boolean }
  | { kind: 'user_address'; address: Address };

/** The customer of one task. */
export interface Persona {
  firstName: string;
  lastName: string;
  /** Zip code, when the instruction gives it (then the customer verifies by name + zip). */
  zip?: string;
  /** Email addresses the customer may use, in the order they would try them. */
  emails: string[];
  user: User;
  goals: Goal[];
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

function address(kwargs: Record<string, unknown>): Address {
  const field = (name: string): string => (typeof kwargs[name] === 'string' ? kwargs[name] : '');
  return { address1: field('address1'), address2: field('address2'), city: field('city'), state: field('state'), zip: field('zip'), country: field('country') };
}

function goalItems(order: Order, input: { itemIds: readonly string[]; newItemIds?: readonly string[]; snapshot: StoreSnapshot }): GoalItem[] {
  return input.itemIds.map((itemId, index) => {
    const item = order.items.find((candidate) => candidate.item_id === itemId) as OrderItem;
    const newItemId = input.newItemIds?.[index];
    const wanted = newItemId === undefined ? undefined : input.snapshot.products[item.product_id]?.variants[newItemId];
    const lookalikes = new Set(order.items.filter((candidate) => candidate.product_id === item.product_id && candidate.item_id !== itemId).map((candidate) => candidate.item_id)).size;
    return { item, ...(wanted ? { wanted } : {}), lookalikes };
  });
}

/** The goal of one gold action, or `undefined` for an action the customer does not ask for (reads). */
function goalOf(action: TauAction, input: { user: User; snapshot: StoreSnapshot }): Goal | undefined {
  const { user, snapshot } = input;
  const kwargs = action.kwargs;
  const orderId = typeof kwargs.order_id === 'string' ? kwargs.order_id : '';
  const order = snapshot.orders[orderId];
  const paymentId = typeof kwargs.payment_method_id === 'string' ? kwargs.payment_method_id : '';
  const payment = user.payment_methods[paymentId];
  const itemIds = Array.isArray(kwargs.item_ids) ? (kwargs.item_ids as string[]) : [];
  const newItemIds = Array.isArray(kwargs.new_item_ids) ? (kwargs.new_item_ids as string[]) : [];
  const original = order?.payment_history[0]?.payment_method_id === paymentId;
  switch (action.name) {
    case 'cancel_pending_order':
      return { kind: 'cancel', orderId, reason: kwargs.reason === 'ordered by mistake' ? 'ordered by mistake' : 'no longer needed' };
    case 'return_delivered_order_items':
      if (!order || !payment) return undefined;
      return { kind: 'return', orderId, items: goalItems(order, { itemIds, snapshot }), payment, original, allItems: itemIds.length === order.items.length && itemIds.length > 1 };
    case 'exchange_delivered_order_items':
    case 'modify_pending_order_items':
      if (!order || !payment) return undefined;
      return { kind: action.name === 'exchange_delivered_order_items' ? 'exchange' : 'modify_items', orderId, items: goalItems(order, { itemIds, newItemIds, snapshot }), payment, original };
    case 'modify_pending_order_payment':
      return payment ? { kind: 'modify_payment', orderId, payment } : undefined;
    case 'modify_pending_order_address': {
      const wanted = address(kwargs);
      const isDefault = (Object.keys(wanted) as (keyof Address)[]).every((key) => wanted[key] === user.address[key]);
      return { kind: 'order_address', orderId, address: wanted, isDefault };
    }
    case 'modify_user_address':
      return { kind: 'user_address', address: address(kwargs) };
    default:
      return undefined;
  }
}

/**
 * The customer of `task`: name, zip and emails from the instruction ("Your name is … and your zip
 * code is …"), falling back to their profile; one goal per gold write action, in order.
 */
export function personaOf(task: TauTask, snapshot: StoreSnapshot): Persona {
  const user = snapshot.users[task.user_id] as User;
  const named = /Your name is ([A-Z][\w'-]*) ([A-Z][\w'-]*(?: [A-Z][\w'-]*)?)/.exec(task.instruction);
  const zip = /zip code is (\d{5})/.exec(task.instruction)?.[1];
  const emails = [...task.instruction.matchAll(EMAIL)].map((match) => match[0].replace(/\.$/, ''));
  const goals = task.actions.map((action) => goalOf(action, { user, snapshot })).filter((goal): goal is Goal => goal !== undefined);
  return {
    firstName: named?.[1] ?? user.name.first_name,
    lastName: named?.[2] ?? user.name.last_name,
    ...(zip !== undefined ? { zip } : {}),
    emails: emails.length > 0 ? emails : zip === undefined ? [user.email] : [],
    user,
    goals,
  };
}
