import { z } from 'zod';

/** Who is calling a tool, on whose behalf. Tools act only on `customerId`'s records. */
export interface ToolContext {
  conversationId: string;
  turnId: string;
  agentId: string;
  /** The verified customer; `undefined` before identity is verified. */
  customerId?: string;
  /** Unique per logical write; a retried turn reuses it so the write happens once. */
  idempotencyKey: string;
  /** The turn's trace id, for audit events the gateway reports. @defaultValue `turnId` where absent */
  traceId?: string;
  /** The conversation's autonomy mode; in `assisted` every write waits for an operator. @defaultValue 'auto' */
  autonomy?: 'shadow' | 'assisted' | 'auto';
  /** Set when re-running a write an operator approved; the gateway checks it matches. */
  approvalId?: string;
}

/** Why a write must wait for an operator: a stable code, a reason an operator reads, the money at stake. */
export interface ApprovalNeed {
  /** UPPER_SNAKE rule name (`REFUND_ABOVE_LIMIT`). */
  code: string;
  reason: string;
  amountCents?: number;
}

/**
 * A tool: a scoped, schema-checked operation on the company's systems. Policy lives in
 * `execute`, never only in a prompt. `execute` throws {@link ToolError} (from errors.ts) for
 * business refusals, with a code the agent can act on.
 */
export interface ToolDefinition<Input = unknown, Output = unknown> {
  name: string;
  description: string;
  kind: 'read' | 'write';
  /** Scopes the calling agent must hold, all of them. */
  scopes: readonly string[];
  input: z.ZodType<Input>;
  output: z.ZodType<Output>;
  /** Upper bound on one call, in milliseconds; past it the call fails with `TOOL_TIMEOUT`. */
  timeoutMs: number;
  /** Safe to repeat with the same idempotency key (writes must be). */
  idempotent: boolean;
  execute(input: Input, context: ToolContext): Promise<Output>;
  /**
   * Approval rule (desk policy, in code): returns why this call must wait for an operator, or
   * `undefined` to run it now. Checked before `execute` when the gateway has an approval queue.
   */
  approval?(input: Input, context: ToolContext): ApprovalNeed | undefined | Promise<ApprovalNeed | undefined>;
}

/** Any tool, with its input and output types erased (for registries). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyToolDefinition = ToolDefinition<any, any>;

/** Declares a tool with inferred input/output types. Identity function; exists for type inference. */
export function defineTool<Input, Output>(definition: ToolDefinition<Input, Output>): ToolDefinition<Input, Output> {
  return definition;
}

/** Outcome of a tool call as the agent sees it: never a throw, never a silent `{}`. */
export type ToolCallResult<Output = unknown> =
  | { ok: true; output: Output }
  | { ok: false; error: { code: string; message: string; approvalId?: string } };

/** Schema of a stored {@link ToolCallResult} (the idempotency log reads results back with it). */
export const ToolCallResultSchema: z.ZodType<ToolCallResult> = z.union([
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string(), approvalId: z.string().optional() }) }),
]);
