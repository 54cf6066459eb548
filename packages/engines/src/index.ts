/** @switchboard/engines — engines that execute agents. `local`: offline playbooks over nlu. */
export { createLocalEngine, PLAYBOOKS, type LocalEngineOptions, type PlaybookName } from './local/engine.js';
export { formatDollars, LOCAL_REPLIES_VERSION } from './local/replies.js';
