/**
 * Named, versioned replies the desk sends when a guardrail refuses, escalates or warns. Each is
 * polite, names no internal rule, and says what the desk can help with.
 */

/** The reasons a guardrail reply exists for. `ABUSE_WARNING` goes with an `allow` verdict that carries `ABUSE`. */
export type GuardrailRefusalReason =
  | 'PROMPT_INJECTION'
  | 'JAILBREAK'
  | 'OFF_TOPIC'
  | 'OVERSIZED'
  | 'ABUSE'
  | 'ABUSE_WARNING'
  | 'FOREIGN_PII'
  | 'SYSTEM_PROMPT_LEAK'
  | 'INTERNAL_NOTE';

/** One reply template: a stable `id` (`guardrail.<reason>`), its `version` (bump on any wording change) and the `text`. */
export interface GuardrailRefusal {
  id: string;
  version: number;
  text: string;
}

const CAN_HELP = 'I can help with your orders and deliveries, returns and refunds, payments and invoices, products, or your account.';

const refusal = (reason: string, text: string): GuardrailRefusal => Object.freeze({ id: `guardrail.${reason.toLowerCase()}`, version: 1, text });

/**
 * The guardrail replies, one per reason. Input reasons (`PROMPT_INJECTION`, `JAILBREAK`,
 * `OFF_TOPIC`, `OVERSIZED`) answer a refused message; `ABUSE` goes before the handover to a person;
 * `ABUSE_WARNING` is prepended to the answer of an allowed but abusive message; output reasons
 * (`FOREIGN_PII`, `SYSTEM_PROMPT_LEAK`, `INTERNAL_NOTE`) replace a refused reply.
 *
 * @example
 * ```ts
 * const verdict = checkInput(text);
 * if (verdict.action === 'refuse') send(GUARDRAIL_REFUSALS[verdict.reasons[0] as GuardrailRefusalReason].text);
 * ```
 */
export const GUARDRAIL_REFUSALS: Readonly<Record<GuardrailRefusalReason, GuardrailRefusal>> = Object.freeze({
  PROMPT_INJECTION: refusal('PROMPT_INJECTION', `I can't change how I work or share how I'm set up, but I'm glad to help with your request. ${CAN_HELP}`),
  JAILBREAK: refusal('JAILBREAK', `I can only help as this store's support assistant, so I can't take on other roles or drop my rules. ${CAN_HELP}`),
  OFF_TOPIC: refusal('OFF_TOPIC', `That's outside what I can help with here, as I'm the store's customer-support assistant. ${CAN_HELP}`),
  OVERSIZED: refusal('OVERSIZED', `Your message is too long for me to read in one go. Could you shorten it, or send it as a few smaller messages? ${CAN_HELP}`),
  ABUSE: refusal('ABUSE', "I want to get this sorted for you, and I'll keep our conversation respectful. I'm passing it to a member of our team."),
  ABUSE_WARNING: refusal('ABUSE_WARNING', "I understand you're upset, and I want to help. Please keep our conversation respectful so we can sort this out together."),
  FOREIGN_PII: refusal('FOREIGN_PII', `I'm sorry, I can't share details that belong to another person or account. ${CAN_HELP}`),
  SYSTEM_PROMPT_LEAK: refusal('SYSTEM_PROMPT_LEAK', `I'm sorry, I couldn't put a proper answer together just now. Could you tell me again what you need? ${CAN_HELP}`),
  INTERNAL_NOTE: refusal('INTERNAL_NOTE', `I'm sorry, I couldn't put a proper answer together just now. Could you tell me again what you need? ${CAN_HELP}`),
});

/** Version of the {@link GUARDRAIL_REFUSALS} set; bump when any template changes. */
export const GUARDRAIL_REFUSALS_VERSION = 1;
