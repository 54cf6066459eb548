/**
 * The demo store's tools as an MCP server (Model Context Protocol, tools capability). Every call
 * goes through our tool gateway, so the server keeps the desk's rules: argument schemas, identity
 * binding (a session acts for the customer an identity tool verified in it, like an agent's
 * toolbox), idempotent writes, approvals when a queue is given.
 * @see https://modelcontextprotocol.io/specification (tools/list, tools/call)
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createToolGateway, type AgentConfig, type AnyToolDefinition, type GatewayApprovals, type ToolCallLog } from '@switchboard/core';
import { createToolCatalog } from '@switchboard/engines';
import { randomIds } from '../system.js';

/** Options of {@link createToolsMcpServer}. */
export interface ToolsMcpServerOptions {
  /** The tools to serve (`createDemoTools`). */
  tools: readonly AnyToolDefinition[];
  /** Tools that verify a customer by returning their id (`find_user_id_by_email` → `email`). @defaultValue the demo store's two lookups */
  identityTools?: Readonly<Record<string, 'email' | 'name_zip'>>;
  /** Idempotency log of the writes. @defaultValue an in-process log */
  toolCalls?: ToolCallLog;
  /** Approval queue: writes a rule holds answer `APPROVAL_REQUIRED`. @defaultValue none (rules are not checked) */
  approvals?: GatewayApprovals;
  /** Server name and version announced to clients. @defaultValue switchboard-demo-store 0.1.0 */
  info?: { name: string; version: string };
}

const DEFAULT_IDENTITY_TOOLS = { find_user_id_by_email: 'email', find_user_id_by_name_zip: 'name_zip' } as const;

/** The JSON text of a tool result, as MCP content. */
const text = (value: unknown): CallToolResult['content'] => [{ type: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) }];

/**
 * An MCP server offering `tools` (name, description, input JSON Schema) and running each call
 * through a tool gateway as agent `mcp`, which holds every tool and scope. One server serves one
 * session (one client): after a successful identity lookup, calls act for that customer; a
 * failure (refusal, bad arguments, another customer's record) is an MCP tool error whose text is
 * `CODE: message`, never a protocol error.
 * @returns the server; connect it to a transport (`StdioServerTransport`, `InMemoryTransport`).
 * @example
 * ```ts
 * const server = createToolsMcpServer({ tools: createDemoTools({ commerce, outbox, newsletter, clock }) });
 * await server.connect(new StdioServerTransport());
 * ```
 */
export function createToolsMcpServer(options: ToolsMcpServerOptions): Server {
  const catalog = createToolCatalog(options.tools);
  const agent: AgentConfig = {
    id: 'mcp',
    name: 'MCP client',
    description: 'A client of the tools MCP server.',
    instructions: 'prompts/mcp@1',
    tools: options.tools.map((tool) => tool.name),
    scopes: [...new Set(options.tools.flatMap((tool) => tool.scopes))],
    knowledge: [],
    handoffs: [],
    role: 'specialist',
  };
  const gateway = createToolGateway({
    tools: options.tools,
    agents: [agent],
    ...(options.toolCalls ? { toolCalls: options.toolCalls } : {}),
    ...(options.approvals ? { approvals: options.approvals } : {}),
  });
  const identityTools: Readonly<Record<string, string>> = options.identityTools ?? DEFAULT_IDENTITY_TOOLS;
  const session = { id: randomIds.next('mcp'), calls: 0, customerId: undefined as string | undefined };

  const server = new Server(options.info ?? { name: 'switchboard-demo-store', version: '0.1.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [...catalog.values()].map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputJsonSchema as { type: 'object'; properties?: Record<string, object> },
      annotations: { readOnlyHint: tool.kind === 'read' },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    session.calls += 1;
    const result = await gateway.call({
      toolName: request.params.name,
      args: request.params.arguments ?? {},
      context: {
        conversationId: session.id,
        turnId: `${session.id}_${session.calls}`,
        agentId: agent.id,
        idempotencyKey: `${session.id}:${session.calls}`,
        ...(session.customerId === undefined ? {} : { customerId: session.customerId }),
      },
    });
    if (!result.ok) return { isError: true, content: text(`${result.error.code}: ${result.error.message}`) };
    if (identityTools[request.params.name] !== undefined && typeof result.output === 'string') session.customerId = result.output;
    return { content: text(result.output) };
  });
  return server;
}
