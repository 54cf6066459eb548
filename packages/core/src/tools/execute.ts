/**
 * Running one validated tool call: timeout, output check and error normalization.
 */
import { SwitchboardError, ToolError } from '../errors.js';
import type { AnyToolDefinition, ToolCallResult, ToolContext } from './tool.js';

/** A finished run. `retryable`: the failure left no effect worth keeping, so a retry may run again. */
export interface ToolRun {
  result: ToolCallResult;
  retryable: boolean;
  /** Present when the run timed out: settles with the run's eventual outcome (the tool keeps going). */
  late?: Promise<ToolRun>;
}

/** A `{ ok: false }` result. */
export function toolFailure(code: string, message: string): ToolCallResult {
  return { ok: false, error: { code, message } };
}

/** Settles a tool's `execute` into a {@link ToolRun}: output validated, errors normalized, never a throw. */
async function settle(tool: AnyToolDefinition, running: Promise<unknown>): Promise<ToolRun> {
  try {
    const output = await running;
    const checked = tool.output.safeParse(output);
    // An invalid output is still an effect that happened: not retryable.
    if (!checked.success) return { result: toolFailure('TOOL_INVALID_OUTPUT', `"${tool.name}" returned an invalid result`), retryable: false };
    return { result: { ok: true, output: checked.data }, retryable: false };
  } catch (error) {
    if (error instanceof SwitchboardError) return { result: toolFailure(error.code, error.message), retryable: error.isRetryable };
    return { result: toolFailure('TOOL_FAILED', `"${tool.name}" failed`), retryable: true };
  }
}

/** Options of {@link runTool}. */
export interface RunToolOptions {
  tool: AnyToolDefinition;
  /** Arguments already parsed with `tool.input`. */
  input: unknown;
  context: ToolContext;
}

/**
 * Runs `tool` on validated `input`, bounded by `tool.timeoutMs`. Past the bound the result is
 * ToolError `TOOL_TIMEOUT` (retryable) and `late` carries the eventual outcome. A
 * {@link SwitchboardError} thrown by the tool keeps its code; anything else becomes `TOOL_FAILED`;
 * an output failing `tool.output` becomes `TOOL_INVALID_OUTPUT`.
 */
export async function runTool(options: RunToolOptions): Promise<ToolRun> {
  const { tool, input, context } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const running = settle(tool, Promise.resolve().then(() => tool.execute(input, context)));
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), tool.timeoutMs);
  });
  try {
    const first = await Promise.race([running, timeout]);
    if (first !== 'timeout') return first;
    const error = new ToolError('TOOL_TIMEOUT', `"${tool.name}" took longer than ${tool.timeoutMs} ms`, { isRetryable: true });
    return { result: toolFailure(error.code, error.message), retryable: true, late: running };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
