/**
 * Issue 4, item 7: the demo store's tools as an MCP server, and MCP tools in our gateway with our
 * scopes, kinds, idempotency and approvals — over the in-memory transport, and one stdio round
 * trip through `switchboard mcp serve`.
 */
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createToolGateway, type AgentConfig, type CommerceStore, type ToolAuditEntry, type ToolCallRequest } from '@switchboard/core';
import { createManualClock, createMemoryApprovalQueue, createMemoryEmailOutbox, createMemoryNewsletterSubscriptions, createSequentialIds } from '@switchboard/core/testing';
import { createDemoTools, createMemoryCommerceStore, tauFixtureSnapshot } from '@switchboard/demo-store';
import { describe, expect, it } from 'vitest';
import { loadMcpTools } from './client.js';
import { createToolsMcpServer } from './server.js';

async function connectedClient(): Promise<{ client: Client; commerce: CommerceStore }> {
  const commerce = createMemoryCommerceStore({ snapshot: tauFixtureSnapshot() });
  const server = createToolsMcpServer({ tools: createDemoTools({ commerce, outbox: createMemoryEmailOutbox(), newsletter: createMemoryNewsletterSubscriptions(), clock: createManualClock() }) });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'switchboard-test', version: '0.1.0' });
  await client.connect(clientSide);
  return { client, commerce };
}

const agent = (id: string, input: { tools: string[]; scopes: string[] }): AgentConfig => ({ id, name: id, description: '', instructions: `prompts/${id}@1`, ...input, knowledge: [], handoffs: [], role: 'specialist' });
const context = (agentId: string, idempotencyKey: string): ToolCallRequest['context'] => ({ conversationId: 'conv_1', turnId: 'turn_1', agentId, idempotencyKey });

describe('the demo store as an MCP server', () => {
  it('lists every tool with its input JSON Schema, and keeps identity binding per session', async () => {
    const { client } = await connectedClient();
    const listed = await client.listTools();
    const cancel = listed.tools.find((tool) => tool.name === 'cancel_pending_order');
    expect(cancel?.inputSchema).toMatchObject({ type: 'object', required: ['order_id', 'reason'] });
    expect(listed.tools.map((tool) => tool.name)).toContain('find_user_id_by_email');
    const before = await client.callTool({ name: 'get_order_details', arguments: { order_id: '#W1000001' } });
    expect(before).toMatchObject({ isError: true, content: [{ type: 'text', text: expect.stringMatching(/^INVALID_INPUT: .*identity must be verified/) as string }] });
    await client.callTool({ name: 'find_user_id_by_email', arguments: { email: 'ada.lovelace1234@example.com' } });
    const own = await client.callTool({ name: 'get_order_details', arguments: { order_id: '#W1000001' } });
    expect(own.isError).toBeFalsy();
    const foreign = await client.callTool({ name: 'get_order_details', arguments: { order_id: '#W2000001' } });
    expect(foreign).toMatchObject({ isError: true, content: [{ text: expect.stringMatching(/^NOT_FOUND/) as string }] });
    await client.close();
  });
});

describe('MCP tools in our gateway', () => {
  it('enforces our scopes (refused and audited, the server never called), idempotency, approvals and the server\u2019s refusals', async () => {
    const { client, commerce } = await connectedClient();
    const { tools, skipped } = await loadMcpTools({
      client,
      prefix: 'store_',
      policies: {
        find_user_id_by_email: { kind: 'read', scopes: ['identity:verify'] },
        cancel_pending_order: { kind: 'write', scopes: ['orders:write'] },
        return_delivered_order_items: { kind: 'write', scopes: ['returns:write'], approval: () => ({ code: 'ALWAYS', reason: 'Every MCP return is reviewed' }) },
      },
    });
    expect(tools.map((tool) => tool.name)).toEqual(['store_find_user_id_by_email', 'store_cancel_pending_order', 'store_return_delivered_order_items']);
    expect(skipped).toContain('get_user_details');
    const audit: ToolAuditEntry[] = [];
    const gateway = createToolGateway({
      tools,
      agents: [
        agent('orders', { tools: tools.map((tool) => tool.name), scopes: ['identity:verify', 'orders:write', 'returns:write'] }),
        agent('faq', { tools: ['store_cancel_pending_order'], scopes: [] }),
      ],
      approvals: { queue: createMemoryApprovalQueue(), clock: createManualClock(), ids: createSequentialIds() },
      audit: (entry) => {
        audit.push(entry);
      },
    });
    const refused = await gateway.call({ toolName: 'store_cancel_pending_order', args: { order_id: '#W1000001', reason: 'no longer needed' }, context: context('faq', 'k0') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TOOL_SCOPE_DENIED' } });
    expect(audit).toEqual([expect.objectContaining({ outcome: 'refused', toolName: 'store_cancel_pending_order', missingScopes: ['orders:write'] })]);
    expect((await commerce.getOrder('#W1000001'))?.status).toBe('pending');

    expect(await gateway.call({ toolName: 'store_find_user_id_by_email', args: { email: 'ada.lovelace1234@example.com' }, context: context('orders', 'k1') })).toEqual({ ok: true, output: 'ada_lovelace_1234' });
    const cancel = { toolName: 'store_cancel_pending_order', args: { order_id: '#W1000001', reason: 'no longer needed' }, context: context('orders', 'k2') };
    const first = await gateway.call(cancel);
    const again = await gateway.call(cancel);
    expect(first).toMatchObject({ ok: true, output: { status: 'cancelled' } });
    expect(again).toEqual(first);
    expect((await commerce.getOrder('#W1000001'))?.payment_history.filter((entry) => entry.transaction_type === 'refund')).toHaveLength(1);

    const held = await gateway.call({ toolName: 'store_return_delivered_order_items', args: { order_id: '#W1000002', item_ids: ['5555555555'], payment_method_id: 'paypal_3333333' }, context: context('orders', 'k3') });
    expect(held).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect((await commerce.getOrder('#W1000002'))?.status).toBe('delivered');

    const notPending = await gateway.call({ ...cancel, context: context('orders', 'k4') });
    expect(notPending).toMatchObject({ ok: false, error: { code: 'POLICY_REFUSED', message: 'non-pending order cannot be cancelled' } });
    await client.close();
  });
});

describe('switchboard mcp serve', () => {
  it('answers over stdio: lists the tools and runs one', async () => {
    const bin = fileURLToPath(new URL('../../bin/switchboard.js', import.meta.url));
    const transport = new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp', 'serve', '--memory'], stderr: 'ignore' });
    const client = new Client({ name: 'switchboard-test', version: '0.1.0' });
    await client.connect(transport);
    try {
      const listed = await client.listTools();
      expect(listed.tools.length).toBeGreaterThanOrEqual(20);
      const result = await client.callTool({ name: 'list_all_product_types', arguments: {} });
      const [content] = result.content as { type: string; text: string }[];
      expect(Object.keys(JSON.parse(content?.text ?? '{}') as object).length).toBeGreaterThan(10);
    } finally {
      await client.close();
    }
  }, 90_000);
});
