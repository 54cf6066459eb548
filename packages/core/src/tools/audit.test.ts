import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { AgentAction, AgentConfig } from '../domain/agent.js';
import type { AgentEvent } from '../domain/events.js';
import { AUDIT_PREVIEW_MAX_CHARS, auditPreview, createAgentToolbox } from '../orchestrator/toolbox.js';
import { createManualClock, createMemoryEventLog, createSequentialIds } from '../testing/memory-ports.js';
import { createEventLogToolAudit } from './audit.js';
import { createToolGateway } from './gateway.js';
import { defineTool } from './tool.js';

const cancel = defineTool({
  name: 'cancel_pending_order',
  description: 'Cancels an order.',
  kind: 'write',
  scopes: ['orders:write'],
  input: z.object({ order_id: z.string() }),
  output: z.object({ status: z.string() }),
  timeoutMs: 100,
  idempotent: true,
  execute: () => Promise.resolve({ status: 'cancelled' }),
});
const agent = (id: string, overrides: Partial<AgentConfig>): AgentConfig => ({ id, name: id, description: 'd', instructions: `prompts/${id}@1`, tools: [], scopes: [], knowledge: [], handoffs: [], role: 'specialist', ...overrides });

describe('refusal auditing', () => {
  it('refuses an out-of-scope tool, tells the agent, and records it in the audit log twice over', async () => {
    const events = createMemoryEventLog();
    const clock = createManualClock();
    const ids = createSequentialIds();
    const agents = [
      agent('billing', { tools: [] }),
      agent('sneaky', { tools: ['cancel_pending_order'], scopes: ['orders:read'] }),
      agent('orders', { tools: ['cancel_pending_order'], scopes: ['orders:write'] }),
    ];
    const gateway = createToolGateway({ tools: [cancel], agents, audit: createEventLogToolAudit({ events, clock, ids }) });
    const actions: AgentAction[] = [];
    const record = (event: AgentEvent) => events.append([event]);
    const toolbox = (agentId: string) =>
      createAgentToolbox({ gateway, clock, ids, turn: { conversationId: 'conv_1', turnId: 'turn_1', traceId: 'trace_1' }, agentId, customerId: 'ada', record, actions, identityTools: {} });

    const denied = await toolbox('billing').call('cancel_pending_order', { order_id: '#W1' });
    expect(denied).toEqual({ ok: false, error: { code: 'TOOL_SCOPE_DENIED', message: 'Agent "billing" may not call "cancel_pending_order"' } });
    expect(await toolbox('sneaky').call('cancel_pending_order', { order_id: '#W1' })).toMatchObject({ ok: false, error: { code: 'TOOL_SCOPE_DENIED' } });
    expect(await toolbox('orders').call('cancel_pending_order', { order_id: '#W1' })).toEqual({ ok: true, output: { status: 'cancelled' } });

    const logged = await events.list('conv_1');
    const guardrails = logged.filter((event) => event.type === 'guardrail');
    expect(guardrails.map((event) => ({ agentId: event.agentId, traceId: event.traceId, data: event.data }))).toEqual([
      { agentId: 'billing', traceId: 'trace_1', data: { guard: 'tool_gateway', outcome: 'refused', tool: 'cancel_pending_order', code: 'TOOL_SCOPE_DENIED', missingScopes: ['orders:write'] } },
      { agentId: 'sneaky', traceId: 'trace_1', data: { guard: 'tool_gateway', outcome: 'refused', tool: 'cancel_pending_order', code: 'TOOL_SCOPE_DENIED', missingScopes: ['orders:write'] } },
    ]);
    const calls = logged.filter((event) => event.type === 'tool_call').map((event) => event.data);
    expect(calls).toEqual([
      { tool: 'cancel_pending_order', ok: false, args: { order_id: '#W1' }, code: 'TOOL_SCOPE_DENIED', error: 'Agent "billing" may not call "cancel_pending_order"' },
      { tool: 'cancel_pending_order', ok: false, args: { order_id: '#W1' }, code: 'TOOL_SCOPE_DENIED', error: 'Agent "sneaky" may not call "cancel_pending_order"' },
      { tool: 'cancel_pending_order', ok: true, args: { order_id: '#W1' }, result: { status: 'cancelled' } },
    ]);
    expect(actions.map((action) => action.ok)).toEqual([false, false, true]);
  });

  it('still answers the refusal when the audit sink fails', async () => {
    const gateway = createToolGateway({ tools: [cancel], agents: [agent('billing', {})], audit: () => Promise.reject(new Error('log down')) });
    const result = await gateway.call({ toolName: 'cancel_pending_order', args: { order_id: '#W1' }, context: { conversationId: 'c', turnId: 't', agentId: 'billing', idempotencyKey: 'k' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'TOOL_SCOPE_DENIED' } });
  });
});

describe('tool-call audit previews', () => {
  it('keeps small arguments and results whole and cuts large ones to a bounded preview', () => {
    expect(auditPreview({ order_id: '#W1' })).toEqual({ order_id: '#W1' });
    expect(auditPreview(undefined)).toBeNull();
    const large = { items: Array.from({ length: 500 }, (_, index) => `item-${index}`) };
    const preview = auditPreview(large) as { truncated: boolean; preview: string };
    expect(preview.truncated).toBe(true);
    expect(preview.preview).toHaveLength(AUDIT_PREVIEW_MAX_CHARS);
    expect(JSON.stringify(large).startsWith(preview.preview)).toBe(true);
  });
});
