import type { Conversation } from '../domain/conversation.js';
import { emptyEntities } from '../domain/entities.js';
import type { Clock, ConversationStore, IdGenerator } from '../ports.js';

/**
 * Creates and stores a new, empty conversation (status `open`, version 0).
 * `claimedEmail` is what the channel says about the customer; it is not verified.
 */
export async function startConversation(options: {
  ports: { conversations: ConversationStore; clock: Clock; ids: IdGenerator };
  channel: string;
  claimedEmail?: string;
}): Promise<Conversation> {
  const { ports } = options;
  const time = ports.clock.now().toISOString();
  const conversation: Conversation = {
    id: ports.ids.next('conv'),
    channel: options.channel,
    status: 'open',
    ...(options.claimedEmail === undefined ? {} : { claimedEmail: options.claimedEmail }),
    handoffChain: [],
    accountFlags: [],
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
