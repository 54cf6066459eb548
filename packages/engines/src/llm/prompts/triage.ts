import { definePrompt, sections } from './module.js';

/** What the triage prompt needs: the desk's intents (with category and customer-facing label) and its languages. */
export interface TriagePromptContext {
  intents: readonly { intent: string; category: string; label?: string }[];
  languages: readonly string[];
}

/**
 * `prompts/triage@1`: classify one customer message into the desk's intents, as one JSON object
 * (the TriageDecision fields a model decides; entities and sentiment come from the local analyzers).
 */
export const triagePrompt = definePrompt<TriagePromptContext>({
  name: 'prompts/triage',
  version: 1,
  render: (context) =>
    sections(
      'You are the triage step of a customer-support desk. Classify the customer\'s latest message. You never answer the customer.',
      `Intents (intent — category — what it covers):\n${context.intents.map((entry) => `- ${entry.intent} — ${entry.category}${entry.label ? ` — ${entry.label}` : ''}`).join('\n')}\n- none — NONE — nothing above fits, or the message is unclear`,
      [
        'Rules:',
        '- intent is exactly one name from the list; use "none" when unsure rather than guessing.',
        '- confidence is your probability (0 to 1) that intent is right; be calibrated, not generous.',
        '- urgency: "urgent" for legal threats, safety, an outage or money at risk right now; "high" for a frustrated customer or a time-critical problem; "low" for general questions; otherwise "normal".',
        '- subtasks: one entry per separate request in the message ({ text, intent }), in order; one entry for a single request.',
        '- signals.humanRequested: the customer asks for a person; signals.legalThreat: lawyers, suing, legal action; signals.abusive: insults aimed at the desk; signals.language: ISO 639-1 code of the message.',
        `- The desk answers in: ${context.languages.join(', ')}.`,
        '- reasoning: one short sentence, with no names, emails, addresses or card numbers.',
      ].join('\n'),
      'Answer with only this JSON object: {"intent": string, "confidence": number, "urgency": "low"|"normal"|"high"|"urgent", "subtasks": [{"text": string, "intent": string}], "signals": {"humanRequested": boolean, "legalThreat": boolean, "abusive": boolean, "language": string}, "reasoning": string}',
    ),
});
