import type { Conversation, CustomerIdentity } from '../domain/conversation.js';
import { emptyEntities } from '../domain/entities.js';
import type { AccountDirectory, Clock, ConversationStore, IdGenerator } from '../ports.js';

/**
 * Creates and stores a new, empty conversation (status `open`, version 0).
 * `claimedEmail` is what the channel says about the customer; it is not verified. `identity` is a
 * customer the channel has already authenticated (a signed-in widget); their account flags are
 * loaded from `ports.accounts` when given.
 */
export async function startConversation(options: {
  ports: { conversations: ConversationStore; clock: Clock; ids: IdGenerator; accounts?: AccountDirectory };
  channel: string;
  claimedEmail?: string;
  identity?: CustomerIdentity;
}): Promise<Conversation> {
  const { ports } = options;
  const time = ports.clock.now().toISOString();
  const conversation: Conversation = {
    id: ports.ids.next('conv'),
    channel: options.channel,
    status: 'open',
    ...(options.claimedEmail === undefined ? {} : { claimedEmail: options.claimedEmail }),
    handoffChain: [],
    accountFlags: options.identity && ports.accounts ? await ports.accounts.flagsFor(options.identity.customerId) : [],
    ...(options.identity ? { identity: options.identity } : {}),
    entities: emptyEntities(),
    dialog: { slots: {}, failedAttempts: 0 },
    priority: 'normal',
    autonomy: 'auto',
    createdAt: time,
    updatedAt: time,
    version: 0,
  };
  await ports.conversations.create(conversation);
  return conversation;
}
