/** Conversation history as AI SDK model messages. */
import type { ModelMessage } from 'ai';
import type { Message } from '@switchboard/core';

/**
 * The conversation for the model: customer messages as `user`, the desk's (agents, operators,
 * system bridge messages) as `assistant`; operator lines are marked so the model knows a person
 * wrote them. `current` is appended when `history` does not end with it.
 */
export function toModelMessages(history: readonly Message[], current: Message): ModelMessage[] {
  const messages: ModelMessage[] = history.map((message): ModelMessage =>
    message.role === 'customer'
      ? { role: 'user', content: message.text }
      : { role: 'assistant', content: message.role === 'operator' ? `(human operator) ${message.text}` : message.text },
  );
  if (history.at(-1)?.id !== current.id) messages.push({ role: 'user', content: current.text });
  return messages;
}
