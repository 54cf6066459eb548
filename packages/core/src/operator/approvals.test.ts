import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseDeskConfig } from '../domain/desk-parse.js';
import { startConversation } from '../orchestrator/conversation.js';
import { runTurn, type TurnPorts } from '../orchestrator/driver.js';
import { createToolGateway } from '../tools/gateway.js';
import { defineTool } from '../tools/tool.js';
import { createManualClock, createMemoryApprovalQueue, createMemoryConversationStore, createMemoryEventLog, createMemoryTicketQueue, createSequentialIds } from '../testing/memory-ports.js';
import { ScriptedEngine, ScriptedTriager } from '../testing/scripted.js';
import { decideApproval } from './approvals.js';

const LIMIT_CENTS = 50_000;
const refunds: number[] = [];
const refund = defineTool({
  name: 'refund', description: 'Refund an amount', kind: 'write', scopes: ['refunds:write'], timeoutMs: 100, idempotent: true,
  input: z.object({ amountCents: z.number().int().positive() }),
  output: z.object({ refundedCents: z.number() }),
  execute: (input) => {
    refunds.push(input.amountCents);
    return Promise.resolve({ refundedCents: input.amountCents });
  },
  approval: (input) => (input.amountCents > LIMIT_CENTS ? { code: 'REFUND_ABOVE_LIMIT', reason: `Refunds above $500.00 need approval`, amountCents: input.amountCents } : undefined),
});

function setup(autonomy: { default?: 'shadow' | 'assisted' | 'auto' } = {}) {
  const desk = parseDeskConfig({
    agents: [{ id: 'returns', name: 'Returns', description: 'r', instructions: 'prompts/returns@1', tools: ['refund'], scopes: ['refunds:write'], knowledge: [], handoffs: [] }, { id: 'faq', name: 'FAQ', description: 'f', instructions: 'prompts/faq@1', tools: [], scopes: [], knowledge: [], handoffs: [] }],
    routing: { intentToAgent: { get_refund: 'returns' }, intentCategory: { get_refund: 'REFUND' }, fallbackAgentId: 'faq', escalationAgentId: 'faq' },
    escalation: {}, queues: { byCategory: {}, defaultQueue: 'general', legalQueue: 'legal' }, limits: {}, autonomy,
  });
  const clock = createManualClock({ stepMs: 1 });
  const ids = createSequentialIds();
  const approvals = createMemoryApprovalQueue();
  const tools = createToolGateway({ tools: [refund], agents: desk.agents, approvals: { queue: approvals, clock, ids } });
  const engine = new ScriptedEngine();
  const triager = new ScriptedTriager();
  const ports: TurnPorts = { conversations: createMemoryConversationStore(), events: createMemoryEventLog(), tickets: createMemoryTicketQueue(), clock, ids, triager, engine, tools, approvals };
  const refundTurn = (amountCents: number) => async (text: string) => {
    const conversation = await startConversation({ ports, channel: 'test' });
    triager.enqueue({ intent: 'get_refund', category: 'REFUND' });
    engine.enqueue(async (input) => {
      const result = await input.tools.call('refund', { amountCents });
      const reply = result.ok ? 'Refunded.' : result.error.code === 'APPROVAL_REQUIRED' ? 'This refund needs a team member\'s approval; I\'ll let you know.' : 'Failed.';
      return { result: { reply, status: 'resolved', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } };
    });
    return { conversationId: conversation.id, outcome: await runTurn({ ports, desk, input: { conversationId: conversation.id, text } }) };
  };
  return { ports, approvals, refundTurn, operatorPorts: { approvals, conversations: ports.conversations, events: ports.events, tools, clock, ids } };
}

describe('approvals', () => {
  it('holds a refund above the limit, runs it once after an operator approves, and tells the customer', async () => {
    refunds.length = 0;
    const { approvals, refundTurn, operatorPorts, ports } = setup();
    const { conversationId, outcome } = await refundTurn(61_240)('refund me $612.40');
    expect(outcome.replies[0]!.text).toMatch(/needs a team member's approval/);
    expect(refunds).toEqual([]);
    const [pending] = await approvals.list({ status: 'pending' });
    expect(pending).toMatchObject({ kind: 'tool_call', toolName: 'refund', amountCents: 61_240, reason: expect.stringMatching(/^REFUND_ABOVE_LIMIT/) as string });
    const decided = await decideApproval({ ports: operatorPorts, approvalId: pending!.id, decision: { status: 'approved', operatorId: 'op_ana' } });
    expect(decided.toolResult).toEqual({ ok: true, output: { refundedCents: 61_240 } });
    expect(refunds).toEqual([61_240]);
    expect((await ports.conversations.listMessages(conversationId)).at(-1)!.text).toMatch(/approved your request \(\$612\.40\)/);
    await expect(decideApproval({ ports: operatorPorts, approvalId: pending!.id, decision: { status: 'approved', operatorId: 'op_ben' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(refunds).toEqual([61_240]);
  });

  it('runs a refund under the limit at once, and tells the customer when an approval is denied', async () => {
    refunds.length = 0;
    const { approvals, refundTurn, operatorPorts, ports } = setup();
    expect((await refundTurn(4_999)('refund $49.99')).outcome.replies[0]!.text).toBe('Refunded.');
    const { conversationId } = await refundTurn(90_000)('refund $900');
    const [pending] = await approvals.list({ status: 'pending' });
    await decideApproval({ ports: operatorPorts, approvalId: pending!.id, decision: { status: 'denied', operatorId: 'op_ana', note: 'the item was used' } });
    expect(refunds).toEqual([4_999]);
    expect((await ports.conversations.listMessages(conversationId)).at(-1)!.text).toMatch(/could not approve it: the item was used/);
  });

  it('assisted mode holds every write; shadow mode holds every reply until an operator sends it', async () => {
    refunds.length = 0;
    const assisted = setup({ default: 'assisted' });
    await assisted.refundTurn(100)('refund $1');
    expect(refunds).toEqual([]);
    expect(await assisted.approvals.list({ status: 'pending' })).toHaveLength(1);

    const shadow = setup({ default: 'shadow' });
    const { conversationId, outcome } = await shadow.refundTurn(100)('refund $1');
    expect(outcome.outcome).toBe('held');
    expect(outcome.replies).toEqual([]);
    expect((await shadow.ports.conversations.listMessages(conversationId)).map((message) => message.role)).toEqual(['customer']);
    const sent = await decideApproval({ ports: shadow.operatorPorts, approvalId: outcome.approval!.id, decision: { status: 'approved', operatorId: 'op_ana', editedReply: 'Refunded $1.00 — thanks for your patience.' } });
    expect(sent.message!.text).toBe('Refunded $1.00 — thanks for your patience.');
    expect((await shadow.ports.conversations.listMessages(conversationId)).map((message) => message.role)).toEqual(['customer', 'agent']);
  });
});
