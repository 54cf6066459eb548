/** The in-memory ports' deep copy of stored data (shared with the turn driver). */
export { cloneData } from '../orchestrator/clone.js';
