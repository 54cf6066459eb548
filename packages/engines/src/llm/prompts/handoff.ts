import type { HandoffPayloadV1 } from '@switchboard/core';
import { definePrompt } from './module.js';

/**
 * `prompts/handoff@1`: the section that hands the receiving agent the HandoffPayload v1, so the
 * customer never repeats themselves.
 */
export const handoffPrompt = definePrompt<{ payload: HandoffPayloadV1 }>({
  name: 'prompts/handoff',
  version: 1,
  render: ({ payload }) =>
    [
      `You received this conversation from the ${payload.fromAgent} agent. Their handoff (HandoffPayload v1):`,
      JSON.stringify({
        reason: payload.handoffReason,
        summary: payload.summary,
        suggestedAction: payload.suggestedAction,
        classification: payload.classification,
        customer: payload.customer,
        entities: payload.entities,
        resolutionState: payload.resolutionState,
        attemptedSolutions: payload.attemptedSolutions,
      }),
      'Continue from there: do not ask for anything the handoff or the conversation already gives, and do not repeat what was done.',
    ].join('\n'),
});
