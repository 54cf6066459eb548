/**
 * Streaming of the final reply to a channel (SSE, the CLI). What the customer finally receives is
 * the driver's message after its QA gate; streamed text is a preview that `final` replaces and
 * `discard` withdraws.
 */

/** One streaming event of an agent's reply in a conversation. */
export type ReplyStreamEvent =
  | { type: 'delta'; conversationId: string; agentId: string; text: string }
  | { type: 'final'; conversationId: string; agentId: string; text: string }
  | { type: 'discard'; conversationId: string; agentId: string };

/**
 * Where reply events go, and when: `live` streams the model's text as it is written (only in `auto`
 * autonomy; the QA verdict follows as `final` or `discard`), `after_review` sends the reply once the
 * QA judge approved it. Shadow-mode conversations are never streamed (a person approves first).
 */
export interface ReplyStream {
  mode: 'live' | 'after_review';
  emit(event: ReplyStreamEvent): void;
}
