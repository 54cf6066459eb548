/**
 * A stand-in for `orchestration-side-entry.ts` in the harness's failure tests: it speaks the side
 * protocol, each side answering `measured` at once (0.01 ms per run), and breaks one side as
 * `SWITCHBOARD_BENCH_FAULT` says:
 * - `agents-exits`: the @openai/agents side exits with code 3 at its first measurement;
 * - `ours-wrong-reply`: our side reports a run with the wrong reply;
 * - `agents-missing`: the @openai/agents side cannot be built (reports `failed` before `ready`).
 * Each process writes its pid to `$SWITCHBOARD_BENCH_PIDS/<side>.pid`, so a test can check that
 * none is left running.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import type { MeasureRequest, SideMessage } from './orchestration-side.js';

const side = process.argv[2] ?? 'unknown';
const fault = process.env.SWITCHBOARD_BENCH_FAULT;
const send = (message: SideMessage): void => {
  process.send?.(message);
};
if (process.env.SWITCHBOARD_BENCH_PIDS) writeFileSync(join(process.env.SWITCHBOARD_BENCH_PIDS, `${side}.pid`), String(process.pid));

if (fault === 'agents-missing' && side === 'agents') {
  send({ type: 'failed', error: "Cannot find package '@openai/agents'" });
  process.exitCode = 1;
  process.disconnect?.();
} else {
  process.on('message', (message: MeasureRequest) => {
    if (fault === 'agents-exits' && side === 'agents') process.exit(3);
    if (fault === 'ours-wrong-reply' && side === 'ours') send({ type: 'failed', error: 'bench run produced an unexpected reply: Sorry, something went wrong.' });
    else send({ type: 'measured', ms: message.runs * 0.01 });
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', modelCallsPerRun: side === 'agents' ? 3 : side === 'ours' ? 4 : 0, ...(side === 'agents' ? { version: '0.0.0-fixture' } : {}) });
}
