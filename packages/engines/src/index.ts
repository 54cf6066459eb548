/** @switchboard/engines — engines that execute agents. `local`: offline playbooks over nlu; `llm`: AI SDK tool loops; `hybrid`: both, per role. */
export { createLocalEngine, PLAYBOOKS, type LocalEngineOptions, type PlaybookName } from './local/engine.js';
export { formatDollars, LOCAL_REPLIES_VERSION } from './local/replies.js';
export { WRITE_REPLIES_VERSION } from './local/write/replies.js';
export * from './llm/index.js';
export * from './hybrid/index.js';
