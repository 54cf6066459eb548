/** Input and output guardrails: injection, jailbreak, abuse, off-topic, size; other people's data, prompt text, internal notes. */
export { checkInput, type CheckInputOptions } from './input.js';
export { checkOutput, maskEmail, maskPhone, type CheckOutputOptions } from './output.js';
export { GUARDRAIL_REFUSALS, GUARDRAIL_REFUSALS_VERSION, type GuardrailRefusal, type GuardrailRefusalReason } from './refusals.js';
