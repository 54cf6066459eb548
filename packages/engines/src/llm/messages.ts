/** Conversation history as provider prompt messages (AI SDK provider specification v3). */
import type { Message } from '@switchboard/core';
import type { ModelPromptMessage } from './types.js';

/** A user message of one text part. */
export const userMessage = (text: string): ModelPromptMessage => ({ role: 'user', content: [{ type: 'text', text }] });

/**
 * The conversation for the model: customer messages as `user`, the desk's (agents, operators,
 * system bridge messages) as `assistant`; operator lines are marked so the model knows a person
 * wrote them. `current` is appended when `history` does not end with it.
 */
export function toModelMessages(history: readonly Message[], current: Message): ModelPromptMessage[] {
  const messages: ModelPromptMessage[] = history.map((message): ModelPromptMessage =>
    message.role === 'customer'
      ? userMessage(message.text)
      : { role: 'assistant', content: [{ type: 'text', text: message.role === 'operator' ? `(human operator) ${message.text}` : message.text }] },
  );
  if (history.at(-1)?.id !== current.id) messages.push(userMessage(current.text));
  return messages;
}
