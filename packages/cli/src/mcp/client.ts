/**
 * Tools from any MCP server, as tool definitions for our gateway. The kind, the scopes, the
 * timeout and the approval rule of each tool are ours (named per tool in `policies`), so the
 * gateway enforces least privilege, idempotency and approvals on our side whatever the server
 * claims; tools without a policy are not offered at all.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ERROR_CODES, ToolError, type AnyToolDefinition, type ApprovalNeed, type ErrorCode, type ToolContext } from '@switchboard/core';
import { z } from 'zod';

/** Our side of one MCP tool: what the gateway enforces. */
export interface McpToolPolicy {
  kind: 'read' | 'write';
  /** Scopes the calling agent must hold, all of them. */
  scopes: readonly string[];
  /** Upper bound on one call, in milliseconds. @defaultValue 5000 */
  timeoutMs?: number;
  /** Approval rule (desk policy), checked before the call when the gateway has an approval queue. */
  approval?: (input: Record<string, unknown>, context: ToolContext) => ApprovalNeed | undefined | Promise<ApprovalNeed | undefined>;
}

/** Options of {@link loadMcpTools}. */
export interface LoadMcpToolsOptions {
  /** A connected MCP client. */
  client: Client;
  /** Tool name (as the server names it) → our policy. Tools not listed are left out. */
  policies: Readonly<Record<string, McpToolPolicy>>;
  /** Prefix of the names the tools get here (`crm_` → `crm_lookup`). @defaultValue '' */
  prefix?: string;
}

/** Arguments as the server's JSON Schema takes them; the server validates them (its errors come back as tool errors). */
const ArgumentsSchema = z.record(z.string(), z.unknown());

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** The tool error an MCP error result carries: `CODE: message` keeps our code, anything else is `TOOL_FAILED`. */
function toolErrorOf(message: string): ToolError {
  const match = /^([A-Z_]+): ([\s\S]*)$/.exec(message);
  const code = match && KNOWN_CODES.has(match[1] ?? '') ? (match[1] as ErrorCode) : 'TOOL_FAILED';
  return new ToolError(code, match && code !== 'TOOL_FAILED' ? (match[2] ?? message) : message || 'The MCP tool failed');
}

/** The text content of a tool result, parsed as JSON when it is JSON. */
function outputOf(content: unknown): unknown {
  const parts = Array.isArray(content) ? content : [];
  const texts = parts.flatMap((part: unknown) => {
    const entry = typeof part === 'object' && part !== null ? (part as { type?: unknown; text?: unknown }) : undefined;
    return entry?.type === 'text' && typeof entry.text === 'string' ? [entry.text] : [];
  });
  const joined = texts.join('\n');
  try {
    return JSON.parse(joined) as unknown;
  } catch {
    return joined;
  }
}

/**
 * Lists the server's tools and wraps each one that has a policy as a tool definition: its name
 * (with `prefix`), the server's description, our kind, scopes, timeout and approval rule; calling
 * it calls the server's tool. Pass the result to `createToolGateway` with the desk's own tools.
 * @returns the wrapped tools, in the server's order, and the names of the tools left out.
 * @throws the client's error when the server cannot be listed.
 */
export async function loadMcpTools(options: LoadMcpToolsOptions): Promise<{ tools: AnyToolDefinition[]; skipped: string[] }> {
  const listed = await options.client.listTools();
  const tools: AnyToolDefinition[] = [];
  const skipped: string[] = [];
  for (const remote of listed.tools) {
    const policy = Object.hasOwn(options.policies, remote.name) ? options.policies[remote.name] : undefined;
    if (!policy) {
      skipped.push(remote.name);
      continue;
    }
    tools.push({
      name: `${options.prefix ?? ''}${remote.name}`,
      description: remote.description ?? remote.name,
      kind: policy.kind,
      scopes: [...policy.scopes],
      input: ArgumentsSchema,
      output: z.unknown(),
      timeoutMs: policy.timeoutMs ?? 5000,
      idempotent: true,
      ...(policy.approval ? { approval: policy.approval } : {}),
      async execute(input: Record<string, unknown>) {
        const result = await options.client.callTool({ name: remote.name, arguments: input });
        if (result.isError === true) {
          const message = outputOf(result.content);
          throw toolErrorOf(typeof message === 'string' ? message : JSON.stringify(message));
        }
        return outputOf(result.content);
      },
    });
  }
  return { tools, skipped };
}
