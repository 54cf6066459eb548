/**
 * Named, versioned reply templates the orchestrator itself says (not a specialist). Keep all
 * desk-level wording here so evaluations can snapshot it.
 */
import type { Ticket } from '../domain/ticket.js';

export const ORCHESTRATOR_MESSAGES_VERSION = 1;

/** Asked when triage finds no intent. */
export function clarifyMessage(): string {
  return "I'm not sure I understood. Could you tell me a little more? For example: is it about an order or delivery, a return or refund, a payment or invoice, or your account?";
}

/** Asked when two intents owned by different agents fit about equally well. */
export function equalFitQuestion(labels: readonly [string, string]): string {
  return `Just to be sure I get this to the right team: is it about ${labels[0].toLowerCase()}, or ${labels[1].toLowerCase()}?`;
}

/** Tells the customer which of their other requests come next. */
export function queuedMessage(labels: readonly string[]): string {
  return `Once that's sorted, I'll help with your other request${labels.length > 1 ? 's' : ''}: ${labels.join('; ')}.`;
}

/** Said when the message is not in a language the desk answers in. */
export function unsupportedLanguageMessage(): string {
  return "Sorry, I can only help in English for now. I've passed your message to our team so a person can help you.";
}

/** Formats a duration in milliseconds as "1 hour", "24 hours", "3 days". */
export function formatDuration(durationMs: number): string {
  const hours = Math.round(durationMs / 3_600_000);
  if (hours < 1) return `${Math.max(1, Math.round(durationMs / 60_000))} minutes`;
  if (hours <= 48) return hours === 1 ? '1 hour' : `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}

/** The bridge message: tells the customer a person takes over, with the ticket id and the expected wait. */
export function bridgeMessage(input: { ticket: Ticket; waitMs: number; humanRequested: boolean }): string {
  const opener = input.humanRequested ? "Of course — I'm connecting you with a member of our support team." : "I've passed this to a member of our support team.";
  return `${opener} Your ticket is ${input.ticket.id} (priority ${input.ticket.priority}). Expect a reply within ${formatDuration(input.waitMs)}; you don't need to repeat anything, they can see this conversation.`;
}

/** Said when an agent is down or failed: apologize, acknowledge, promise follow-up. */
export function fallbackMessage(): string {
  return "I'm sorry — something went wrong on our side while handling your request. Nothing you told us is lost, and a person will follow up.";
}

/** Announces a transfer between agents, so the customer knows who speaks now. */
export function handoffAnnouncement(input: { toAgentName: string }): string {
  return `I've brought in our ${input.toAgentName} team, who can help with this — no need to repeat yourself.`;
}
