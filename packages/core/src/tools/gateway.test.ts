import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ToolError } from '../errors.js';
import { createTestDesk } from '../testing/desk-fixture.js';
import { createToolGateway } from './gateway.js';
import { defineTool } from './tool.js';

const lookup = defineTool({
  name: 'get_order_status',
  description: 'Status of an order',
  kind: 'read',
  scopes: ['orders:read'],
  input: z.object({ order_id: z.string().regex(/^#W\d{7}$/) }),
  output: z.object({ status: z.string() }),
  timeoutMs: 50,
  idempotent: true,
  async execute(input) {
    if (input.order_id === '#W0000000') throw new ToolError('NOT_FOUND', 'Order not found');
    if (input.order_id === '#W9999999') return new Promise<{ status: string }>(() => undefined);
    if (input.order_id === '#W1111111') throw new Error('socket hang up');
    return { status: 'delivered' };
  },
});

const desk = createTestDesk();
const agents = desk.agents.map((agent) => (agent.id === 'orders' ? { ...agent, tools: ['get_order_status'], scopes: ['orders:read'] } : agent));
const gateway = createToolGateway({ tools: [lookup], agents });
const context = (agentId: string) => ({ conversationId: 'c', turnId: 't', agentId, idempotencyKey: 'k' });

describe('createToolGateway', () => {
  it('runs a permitted call and validates its output', async () => {
    expect(await gateway.call({ toolName: 'get_order_status', args: { order_id: '#W1234567' }, context: context('orders') })).toEqual({ ok: true, output: { status: 'delivered' } });
    expect(gateway.toolsFor('orders')).toEqual(['get_order_status']);
  });

  it('refuses an agent without the tool or its scope', async () => {
    const result = await gateway.call({ toolName: 'get_order_status', args: { order_id: '#W1234567' }, context: context('billing') });
    expect(result).toMatchObject({ ok: false, error: { code: 'TOOL_SCOPE_DENIED' } });
  });

  it('turns bad arguments, unknown tools, business refusals, hangs and crashes into agent-visible errors', async () => {
    const codes = await Promise.all([
      gateway.call({ toolName: 'get_order_status', args: { order_id: 42 }, context: context('orders') }),
      gateway.call({ toolName: 'nope', args: {}, context: context('orders') }),
      gateway.call({ toolName: 'get_order_status', args: { order_id: '#W0000000' }, context: context('orders') }),
      gateway.call({ toolName: 'get_order_status', args: { order_id: '#W9999999' }, context: context('orders') }),
      gateway.call({ toolName: 'get_order_status', args: { order_id: '#W1111111' }, context: context('orders') }),
    ]);
    expect(codes.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual(['TOOL_INVALID_ARGUMENTS', 'TOOL_NOT_FOUND', 'NOT_FOUND', 'TOOL_TIMEOUT', 'TOOL_FAILED']);
  });
});
