/**
 * Hybrid triage: the local classifier first; below its confidence threshold the LLM triager
 * decides. `decidedBy` on the decision (and so on the `triage` audit event) records which one did.
 */
import { toSwitchboardError, type TriageDecision, type Triager, type TriageInput } from '@switchboard/core';

/** Options of {@link createHybridTriager}. */
export interface HybridTriagerOptions {
  /** The local triager (`createLocalTriager`); its `needsSecondOpinion` flags low confidence. */
  local: Triager;
  /** The LLM triager (`createLlmTriager`). */
  llm: Triager;
  /**
   * Local confidence (0–1) below which the LLM decides, in addition to the local triager's own
   * `needsSecondOpinion` flag. @defaultValue 0 (the local flag alone)
   */
  threshold?: number;
  /** Told when the LLM was needed but failed (the local decision is used). */
  onFallback?: (event: { conversationId: string; code: string }) => void;
}

/**
 * Creates the hybrid triager (id `hybrid`): local when confident (`decidedBy: 'local'`), otherwise
 * the LLM (`decidedBy: 'llm'`, its reasoning prefixed with the local guess); when the LLM fails,
 * the local decision stands with a note in `reasoning`. Never rejects because of the LLM.
 */
export function createHybridTriager(options: HybridTriagerOptions): Triager {
  const threshold = options.threshold ?? 0;
  return {
    id: 'hybrid',
    async triage(input: TriageInput): Promise<TriageDecision> {
      const local = await options.local.triage(input);
      if (!local.needsSecondOpinion && local.confidence >= threshold) return local;
      const guess = `local ${local.intent} ${local.confidence.toFixed(2)}`;
      try {
        const decision = await options.llm.triage(input);
        return { ...decision, reasoning: `${guess} → llm: ${decision.reasoning}`.slice(0, 400) };
      } catch (error) {
        const code = toSwitchboardError(error).code;
        options.onFallback?.({ conversationId: input.conversation.id, code });
        return { ...local, reasoning: `${local.reasoning}; LLM triage unavailable (${code})` };
      }
    },
  };
}

/**
 * The `llm` triage role with resilience: the LLM decides; when it fails (outage, open circuit,
 * budget), the local triager does, so every message is still triaged. Id `llm`.
 */
export function createFallbackTriager(options: { primary: Triager; fallback: Triager; onFallback?: HybridTriagerOptions['onFallback'] }): Triager {
  return {
    id: options.primary.id,
    async triage(input: TriageInput): Promise<TriageDecision> {
      try {
        return await options.primary.triage(input);
      } catch (error) {
        const code = toSwitchboardError(error).code;
        options.onFallback?.({ conversationId: input.conversation.id, code });
        const decision = await options.fallback.triage(input);
        return { ...decision, reasoning: `${decision.reasoning}; LLM triage unavailable (${code})` };
      }
    },
  };
}
