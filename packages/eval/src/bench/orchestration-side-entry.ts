/**
 * Entry of a forked benchmark side process: `node --import tsx orchestration-side-entry.ts <ours|floor|agents>`
 * (started by `runOrchestrationBench`); see `orchestration-side.ts` for the protocol.
 */
import process from 'node:process';
import { errorText, serveSide, type SideMessage } from './orchestration-side.js';

const side = process.argv[2];
if (!process.send) throw new Error('orchestration-side-entry runs only as a forked process with an IPC channel');
if (side !== 'ours' && side !== 'floor' && side !== 'agents') throw new Error(`unknown bench side ${String(side)}: expected ours, floor or agents`);
serveSide(side).catch((error: unknown) => {
  process.send?.({ type: 'failed', error: errorText(error) } satisfies SideMessage);
  process.exit(1);
});
