/**
 * τ-bench's utility tools: `calculate`, `think` and `transfer_to_human_agents`. They read and
 * change nothing in the store.
 * @see ../../../../../shared/data/tau-bench-retail/tools.json
 */
import { defineTool, type AnyToolDefinition } from '@switchboard/core';
import { z } from 'zod';
import { calculate } from './calculator.js';
import { READ_TIMEOUT_MS, WRITE_SCOPES, WRITE_TOOL_NAMES } from './scopes.js';

/** What `transfer_to_human_agents` answers, as τ-bench does. */
export const TRANSFER_SUCCESSFUL = 'Transfer successful';

/** The three utility tools. */
export function createUtilityTools(): AnyToolDefinition[] {
  const calculateTool = defineTool({
    name: WRITE_TOOL_NAMES.calculate,
    description: "Calculate an arithmetic expression of numbers, + - * / ( ) and spaces, such as '2 + 2'. Returns the result rounded to cents as text, such as '4.0'.",
    kind: 'read',
    scopes: [],
    input: z.object({ expression: z.string().min(1).max(500) }),
    output: z.string(),
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    execute: ({ expression }) => Promise.resolve(calculate(expression)),
  });

  const think = defineTool({
    name: WRITE_TOOL_NAMES.think,
    description: 'Write down a thought (reasoning, a plan, something to remember). Changes nothing and returns an empty string.',
    kind: 'read',
    scopes: [],
    input: z.object({ thought: z.string().max(10_000) }),
    output: z.literal(''),
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    execute: () => Promise.resolve('' as const),
  });

  const transferToHumanAgents = defineTool({
    name: WRITE_TOOL_NAMES.transferToHumanAgents,
    description: "Transfer the customer to a human agent with a summary of their issue. Only when the customer asks for a human or the request cannot be handled with the available tools. Returns 'Transfer successful'; the agent then ends its turn with status escalate.",
    kind: 'read',
    scopes: [WRITE_SCOPES.escalationRequest],
    input: z.object({ summary: z.string().trim().min(1).max(2000) }),
    output: z.literal(TRANSFER_SUCCESSFUL),
    timeoutMs: READ_TIMEOUT_MS,
    idempotent: true,
    execute: () => Promise.resolve(TRANSFER_SUCCESSFUL),
  });

  return [calculateTool, think, transferToHumanAgents];
}
