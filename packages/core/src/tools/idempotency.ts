/**
 * Running a write tool at most once per idempotency key, through a {@link ToolCallLog}.
 */
import { toSwitchboardError } from '../errors.js';
import type { ToolCallLog } from '../ports.js';
import type { ToolAuditEntry } from './audit.js';
import { canonicalJson } from './canonical-json.js';
import { runTool, toolFailure, type ToolRun } from './execute.js';
import type { AnyToolDefinition, ToolCallResult, ToolContext } from './tool.js';

/** Options of {@link runWriteOnce}. */
export interface RunWriteOnceOptions {
  tool: AnyToolDefinition;
  /** Arguments already parsed with `tool.input`. */
  input: unknown;
  context: ToolContext;
  log: ToolCallLog;
  report: (entry: Omit<ToolAuditEntry, 'context' | 'toolName'>) => Promise<void>;
}

/** How long a claim holds before a retry may take over a crashed run: twice the tool's timeout, in ms. */
export const leaseMsFor = (tool: AnyToolDefinition): number => tool.timeoutMs * 2;

/** Records a finished run: a result worth keeping is completed, a retryable failure releases the key. */
async function record(options: { log: ToolCallLog; idempotencyKey: string; run: ToolRun }): Promise<void> {
  const { log, idempotencyKey, run } = options;
  try {
    if (run.retryable) await log.release(idempotencyKey);
    else await log.complete({ idempotencyKey, result: run.result });
  } catch {
    // The effect (if any) happened and the caller gets its result. The claim's lease expires, so a
    // retry may run again; write tools re-check state (an order already cancelled is refused).
  }
}

/**
 * Claims `context.idempotencyKey`, runs the tool only when this call won the claim, and records the
 * result. A key already completed for the same tool and arguments answers its recorded result
 * (reported as `replayed`); a key reused for another tool or other arguments is refused with
 * `CONFLICT` (reported as `key_conflict`); a key whose first run is still going answers `CONFLICT`
 * ("still running"). A run that times out keeps its claim until it settles and is recorded then.
 * A log that cannot be reached answers its `STORE_FAILED` error and the tool does not run.
 */
export async function runWriteOnce(options: RunWriteOnceOptions): Promise<ToolCallResult> {
  const { tool, input, context, log } = options;
  const argsJson = canonicalJson(input);
  let claim;
  try {
    claim = await log.claim({
      idempotencyKey: context.idempotencyKey,
      toolName: tool.name,
      argsJson,
      conversationId: context.conversationId,
      agentId: context.agentId,
      leaseMs: leaseMsFor(tool),
    });
  } catch (error) {
    const failure = toSwitchboardError(error);
    return toolFailure(failure.code, `"${tool.name}" could not be recorded; nothing was done`);
  }
  if (claim.status !== 'claimed') {
    if (claim.toolName !== tool.name || claim.argsJson !== argsJson) {
      await options.report({ outcome: 'key_conflict', code: 'CONFLICT', missingScopes: [] });
      return toolFailure('CONFLICT', `The idempotency key of this "${tool.name}" call was already used for a different call`);
    }
    if (claim.status === 'pending') return toolFailure('CONFLICT', `An earlier "${tool.name}" call with this idempotency key is still running; retry later`);
    await options.report({ outcome: 'replayed', missingScopes: [] });
    return claim.result;
  }
  const run = await runTool({ tool, input, context });
  const { late } = run;
  if (late !== undefined) {
    void late.then((final) => record({ log, idempotencyKey: context.idempotencyKey, run: final }));
    return run.result;
  }
  await record({ log, idempotencyKey: context.idempotencyKey, run });
  return run.result;
}
