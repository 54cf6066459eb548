import type { HandoffPayloadV1 } from '@switchboard/core';
import { definePrompt } from './module.js';

/** The entity lists that hold something (an empty list tells the model nothing and costs tokens). */
function knownEntities(entities: HandoffPayloadV1['entities']): Record<string, unknown> {
  const known: Record<string, unknown> = {};
  for (const [kind, values] of Object.entries(entities)) if (values.length > 0) known[kind] = values;
  return known;
}

/**
 * `prompts/handoff@2`: the section that hands the receiving agent the HandoffPayload v1, so the
 * customer never repeats themselves. Version 2 leaves out empty entity lists and an empty
 * `attemptedSolutions` (about 35 tokens per handoff in every model call of the receiving agent;
 * version 1 listed all nine entity kinds).
 */
export const handoffPrompt = definePrompt<{ payload: HandoffPayloadV1 }>({
  name: 'prompts/handoff',
  version: 2,
  render: ({ payload }) =>
    [
      `You received this conversation from the ${payload.fromAgent} agent. Their handoff (HandoffPayload v1):`,
      JSON.stringify({
        reason: payload.handoffReason,
        summary: payload.summary,
        suggestedAction: payload.suggestedAction,
        classification: payload.classification,
        customer: payload.customer,
        entities: knownEntities(payload.entities),
        resolutionState: payload.resolutionState,
        attemptedSolutions: payload.attemptedSolutions.length > 0 ? payload.attemptedSolutions : undefined,
      }),
      'Continue from there: do not ask for anything the handoff or the conversation already gives, and do not repeat what was done.',
    ].join('\n'),
});
