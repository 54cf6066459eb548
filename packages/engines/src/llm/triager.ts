/**
 * LLM triage: the model classifies intent, urgency, subtasks and signals as structured output;
 * entities and sentiment come from the local analyzers, and the local signal and urgency rules
 * can only raise what the model said (a missed legal threat is never lowered to "normal").
 */
import { EngineError, NONE_INTENT, SwitchboardError, URGENCIES, type TriageDecision, type Triager, type TriageInput, type Urgency } from '@switchboard/core';
import { analyzeSentiment, assessUrgency, detectSignals, extractEntities, type CatalogIndex } from '@switchboard/nlu';
import { runModelTurn } from './loop.js';
import { userMessage } from './messages.js';
import type { ModelBinder } from './models.js';
import { triagePrompt } from './prompts/index.js';
import { OUTPUTS, type TriageOutput } from './schemas.js';

/** Category of the `none` intent and of intents the desk does not map. */
const NONE_CATEGORY = 'NONE';

/** Options of {@link createLlmTriager}. */
export interface LlmTriagerOptions {
  models: ModelBinder;
  /** The desk's intents: `intentCategory` (intent → category) and optional customer-facing labels. */
  intentCategory: Readonly<Record<string, string>>;
  intentLabels?: Readonly<Record<string, string>>;
  /** Languages the desk answers in (ISO 639-1). @defaultValue ['en'] */
  languages?: readonly string[];
  /** Catalog for product mentions in entities. */
  catalog?: CatalogIndex;
  /** "Now" for relative dates in entities. */
  clock?: { now(): Date };
  /** Below this model confidence (0–1) the decision asks for a second opinion. @defaultValue 0.6 */
  secondOpinionThreshold?: number;
}

const maxUrgency = (left: Urgency, right: Urgency): Urgency => (URGENCIES.indexOf(left) >= URGENCIES.indexOf(right) ? left : right);

/**
 * Creates the LLM triager (core `Triager`, id `llm`; `decidedBy: 'llm'`).
 * Use the hybrid triager (`createHybridTriager`) to call it only when the local classifier is unsure.
 *
 * @returns the triager. `triage` resolves to a schema-valid decision; an intent the desk does not
 *   know becomes `none`.
 * @throws EngineError `ENGINE_FAILED` (from `triage`) when the model fails or its answer fails the
 *   schema (`details.reason`: `invalid_output`, `circuit_open`, `timeout`…); LimitExceededError
 *   `LIMIT_EXCEEDED` when the conversation's token budget is spent.
 * @example
 * ```ts
 * const triager = createLlmTriager({ models, intentCategory: desk.routing.intentCategory, intentLabels: desk.routing.intentLabels });
 * ```
 */
export function createLlmTriager(options: LlmTriagerOptions): Triager {
  const intents = Object.entries(options.intentCategory).map(([intent, category]) => ({ intent, category, ...(options.intentLabels?.[intent] ? { label: options.intentLabels[intent] } : {}) }));
  const system = triagePrompt.render({ intents, languages: options.languages ?? ['en'] });
  const threshold = options.secondOpinionThreshold ?? 0.6;
  const known = (intent: string): string => (intent in options.intentCategory ? intent : NONE_INTENT);
  const categoryOf = (intent: string): string => options.intentCategory[intent] ?? NONE_CATEGORY;

  const complete = (text: string, output: TriageOutput): TriageDecision => {
    const intent = known(output.intent);
    const localSignals = detectSignals(text);
    const sentiment = analyzeSentiment(text);
    const signals = {
      humanRequested: output.signals.humanRequested || localSignals.humanRequested,
      legalThreat: output.signals.legalThreat || localSignals.legalThreat,
      abusive: output.signals.abusive || localSignals.abusive,
      language: /^[a-z]{2}$/.test(output.signals.language) ? output.signals.language : localSignals.language,
    };
    const subtasks = output.subtasks.map((subtask) => ({ text: subtask.text, intent: known(subtask.intent), category: categoryOf(known(subtask.intent)), confidence: output.confidence }));
    // Typed construction from the schema-checked model answer and the local analyzers' typed results: no second parse.
    const decision: TriageDecision = {
      category: intent === NONE_INTENT ? NONE_CATEGORY : categoryOf(intent),
      intent,
      urgency: maxUrgency(output.urgency, assessUrgency(text, signals, sentiment).urgency),
      confidence: output.confidence,
      entities: extractEntities(text, { catalog: options.catalog, referenceDate: options.clock?.now() }),
      sentiment,
      signals,
      subtasks: subtasks.length > 0 ? subtasks : [{ text, intent, category: categoryOf(intent), confidence: output.confidence }],
      alternatives: [],
      reasoning: `${triagePrompt.id}: ${output.reasoning}`.slice(0, 300),
      decidedBy: 'llm',
      needsSecondOpinion: output.confidence < threshold || intent === NONE_INTENT,
    };
    return decision;
  };

  return {
    id: 'llm',
    async triage(input: TriageInput): Promise<TriageDecision> {
      const model = options.models.bind({ role: 'triage', conversationId: input.conversation.id, agentId: 'triage', promptId: triagePrompt.id });
      let turn: Awaited<ReturnType<typeof runModelTurn<TriageOutput>>>;
      try {
        turn = await runModelTurn({ model, system, messages: [userMessage(input.text)], output: OUTPUTS.triage, maxSteps: 1 });
      } catch (error) {
        if (error instanceof SwitchboardError) throw error;
        throw new EngineError('ENGINE_FAILED', 'LLM triage failed', { details: { reason: 'other', conversationId: input.conversation.id }, cause: error });
      }
      if (turn.output === undefined) {
        throw new EngineError('ENGINE_FAILED', 'LLM triage returned no valid decision', { details: { reason: 'invalid_output', problem: turn.problem, conversationId: input.conversation.id } });
      }
      return complete(input.text, turn.output);
    },
  };
}
