import type { StoreSnapshot } from '@switchboard/core';

/**
 * Fills Bitext `{{Placeholder}}` slots with real values from the store, so replayed messages
 * name orders, people and emails that exist. Row `index` picks the user deterministically.
 * Unknown placeholders keep their words without braces.
 */
export function createPlaceholderFiller(store: Pick<StoreSnapshot, 'users'>): (text: string, index: number) => string {
  const users = Object.values(store.users).sort((a, b) => a.user_id.localeCompare(b.user_id));
  return (text, index) => {
    if (!text.includes('{{') || users.length === 0) return text;
    const user = users[index % users.length]!;
    const values: Record<string, string> = {
      'order number': user.orders[0] ?? '#W0000000',
      'order id': user.orders[0] ?? '#W0000000',
      'invoice number': user.orders[0] ?? '#W0000000',
      'customer name': `${user.name.first_name} ${user.name.last_name}`,
      'person name': `${user.name.first_name} ${user.name.last_name}`,
      name: `${user.name.first_name} ${user.name.last_name}`,
      email: user.email,
      'email address': user.email,
      'zip code': user.address.zip,
      'delivery city': user.address.city,
      'delivery country': 'USA',
      'refund amount': '$49.99',
    };
    return text.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, key: string) => values[key.toLowerCase()] ?? key);
  };
}
