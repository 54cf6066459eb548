/** The QA gate's rules reviewer: grounding, policy, tone and completeness of a drafted reply. */
export { reviewReply, QUALITY_RULES_VERSION, BLOCKING_CODES, type ReviewReplyOptions } from './review.js';
export { extractFacts, normalizeId, toCents, type Fact, type FactKind } from './facts.js';
export { indexEvidence, type EvidenceIndex } from './evidence.js';
export { GROUNDING_CODES } from './grounding.js';
export { EMPATHY_OPENER } from './tone.js';
