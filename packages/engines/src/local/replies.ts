/**
 * Named, versioned reply templates of the local engine. Every value placed into a template
 * comes from a tool result, a knowledge-base article or the conversation — never invented.
 */
export const LOCAL_REPLIES_VERSION = 2;

/** Formats dollars (τ-bench store amounts) as `$1,380.79`. */
export function formatDollars(amount: number): string {
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export const replies = {
  askIdentity: (purpose: string): string =>
    `I can help with ${purpose}. First I need to verify your account: what's the email address on it? (Or tell me your full name and zip code.)`,
  identityNotFound: (): string =>
    "I couldn't find an account with those details. Could you double-check the email address, or give me your full name and zip code instead?",
  identityIncomplete: (): string => 'Thanks. To find your account by name I also need your zip code (or you can give me the email address on the account).',
  askOrder: (orderIds: readonly string[]): string =>
    orderIds.length > 0
      ? `Which order is it about? The orders on your account are ${orderIds.join(', ')}.`
      : "I don't see any orders on your account. If you have an order number, please share it.",
  orderNotFound: (orderId: string, orderIds: readonly string[]): string =>
    `I couldn't find order ${orderId} on your account.${orderIds.length > 0 ? ` The orders I can see are ${orderIds.join(', ')}. Which one do you mean?` : ''}`,
  knowledgeAnswer: (passage: string, title: string): string => `${passage}\n\n(From our help article "${title}".)`,
  dontKnow: (): string =>
    "I'm not sure about that one, and I'd rather not guess. Would you like me to pass your question to a member of our team? (yes / no)",
  offerDeclined: (): string => 'No problem. What else can I help you with?',
  writeRequest: (action: string): string =>
    `I can't ${action} myself, so I've handed your request to a member of our team who can.`,
  humanRequested: (): string => '',
  productNotFound: (): string => "I couldn't find that product in our catalog. Could you tell me its name as shown on our site?",
  toolUnavailable: (): string => "I couldn't reach our order system just now.",
} as const;
