/**
 * Scripted runs of the LLM engine through the real turn driver (issue 7 item 7): the tool loop,
 * a handoff, an escalation, malformed tool arguments, invalid structured output and the step limit.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { HandoffPayloadV1Schema } from '@switchboard/core';
import { ScriptedEngine } from '@switchboard/core/testing';
import { reply } from './scripted.js';
import { agentAnswer, createHarness, mockModel, ORDER, promptText, triageAnswer, writes } from './test-fixtures.js';

beforeEach(() => {
  writes.cancelled = 0;
});

describe('the LLM engine on the turn driver', () => {
  it('runs the tool loop: triage as structured output, a tool call through the gateway, a grounded final answer', async () => {
    const triage = mockModel([reply.json(triageAnswer('track_order'), { input: 120, output: 30 })]);
    const specialist = mockModel([
      reply.toolCall('get_order_status', { order_id: ORDER.order_id }, { input: 400, output: 20 }),
      reply.json(agentAnswer(`Order ${ORDER.order_id} is delivered. Tracking number: 123456789012.`), { input: 500, output: 40 }),
    ]);
    const harness = await createHarness({ models: { triage, specialist }, customerId: 'user_1' });
    const outcome = await harness.say('where is my order #W1234567?');

    expect(outcome.outcome).toBe('resolved');
    expect(outcome.triage).toMatchObject({ intent: 'track_order', category: 'ORDER', decidedBy: 'llm' });
    expect(outcome.replies[0]?.author).toBe('orders');
    expect(outcome.replies[0]?.text).toContain('Order #W1234567 is delivered');
    // The tool result reached the model as a tool message in the second call.
    expect(promptText(specialist.doGenerateCalls[1]!)).toContain('123456789012');
    expect(specialist.doGenerateCalls[0]!.tools?.map((tool) => tool.name)).toEqual(expect.arrayContaining(['get_order_status', 'cancel_order', 'transfer_to_billing', 'escalate_to_human']));
    const types = harness.ports.events.all.map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(['triage', 'route', 'tool_call', 'agent_invoke', 'resolution']));
    expect(harness.ports.events.all.find((event) => event.type === 'triage')?.data).toMatchObject({ decidedBy: 'llm' });

    const cost = harness.engines.ledger.conversation(harness.conversation.id);
    expect(cost).toMatchObject({ calls: 3, tokens: { input: 1020, output: 90 } });
    expect(cost.byAgent.orders?.calls).toBe(2);
    expect(cost.byRole.triage?.calls).toBe(1);
    // gpt-4o-mini: $0.15 / $0.60 per million tokens.
    expect(cost.costUsd).toBeCloseTo((1020 * 0.15 + 90 * 0.6) / 1_000_000, 9);
  });

  it('hands off with transfer_to_<agent>: a HandoffPayload carrying the model\'s summary, and the receiver sees it', async () => {
    const triage = mockModel([reply.json(triageAnswer('get_invoice'))]);
    const specialist = mockModel([
      reply.toolCall('transfer_to_orders', { reason: 'Order status belongs to orders', summary: 'Customer asks where order #W1234567 is.', suggestedAction: 'Look up the order.' }),
      reply.toolCall('get_order_status', { order_id: ORDER.order_id }),
      reply.json(agentAnswer(`Order ${ORDER.order_id} is delivered.`)),
    ]);
    const harness = await createHarness({ models: { triage, specialist }, customerId: 'user_1' });
    const outcome = await harness.say('invoice question about #W1234567');

    expect(outcome.outcome).toBe('resolved');
    expect(outcome.replies[0]?.author).toBe('orders');
    const handoff = harness.ports.events.all.find((event) => event.type === 'handoff');
    const payload = HandoffPayloadV1Schema.parse(handoff?.data.payload);
    expect(payload).toMatchObject({ fromAgent: 'billing', toAgent: 'orders', summary: 'Customer asks where order #W1234567 is.', handoffReason: 'Order status belongs to orders', suggestedAction: 'Look up the order.' });
    // The receiving agent's system prompt carries the payload (prompts/handoff@2).
    expect(promptText(specialist.doGenerateCalls[1]!)).toContain('Customer asks where order #W1234567 is.');
    // The billing agent's loop stopped at the transfer: no extra model call.
    expect(specialist.doGenerateCalls).toHaveLength(3);
  });

  it('escalates with escalate_to_human: a ticket and the agent\'s message before the bridge', async () => {
    const triage = mockModel([reply.json(triageAnswer('track_order'))]);
    const specialist = mockModel([reply.toolCall('escalate_to_human', { reason: 'Customer disputes a delivery', priority: 'high', reply: 'A colleague will continue with you here.' })]);
    const harness = await createHarness({ models: { triage, specialist }, customerId: 'user_1' });
    const outcome = await harness.say('my order never arrived and I am fed up');

    expect(outcome.outcome).toBe('escalated');
    expect(outcome.ticket).toBeDefined();
    expect(outcome.replies.map((message) => message.text).join('\n')).toContain('A colleague will continue with you here.');
    expect(harness.ports.events.all.find((event) => event.type === 'escalation')).toBeDefined();
  });

  it('turns malformed tool arguments into errors the model sees and recovers, never a crash', async () => {
    const triage = mockModel([reply.json(triageAnswer('track_order'))]);
    const specialist = mockModel([
      reply.rawToolCall('get_order_status', '{"order_id": '),
      reply.toolCall('get_order_status', { order_id: 'W1' }),
      reply.toolCall('get_order_status', { order_id: ORDER.order_id }),
      reply.json(agentAnswer(`Order ${ORDER.order_id} is delivered.`)),
    ]);
    const harness = await createHarness({ models: { triage, specialist }, customerId: 'user_1' });
    const outcome = await harness.say('where is #W1234567');

    expect(outcome.outcome).toBe('resolved');
    // Not JSON at all: the SDK's tool error, shown to the model.
    expect(promptText(specialist.doGenerateCalls[1]!)).toMatch(/tool-result|error/i);
    // JSON but schema-invalid: the gateway's TOOL_INVALID_ARGUMENTS, shown to the model and audited.
    expect(promptText(specialist.doGenerateCalls[2]!)).toContain('TOOL_INVALID_ARGUMENTS');
    const toolEvents = harness.ports.events.all.filter((event) => event.type === 'tool_call');
    expect(toolEvents.map((event) => event.data.code ?? 'ok')).toEqual(['TOOL_INVALID_ARGUMENTS', 'ok']);
  });

  it('re-asks once after an invalid final answer (prompts/repair@1), then answers', async () => {
    const triage = mockModel([reply.json(triageAnswer('track_order'))]);
    const specialist = mockModel([reply.text('Your order is on its way!'), reply.json(agentAnswer('Could you share the order number?', { status: 'needs_info', awaiting: 'order_id' }))]);
    const harness = await createHarness({ models: { triage, specialist } });
    const outcome = await harness.say('where is my order');

    expect(outcome.outcome).toBe('needs_info');
    expect(outcome.conversation.dialog.awaiting).toBe('order_id');
    expect(promptText(specialist.doGenerateCalls[1]!)).toContain('was not the JSON object asked for');
  });

  it('falls back to the local engine when the answer stays invalid, so the customer is still answered', async () => {
    const triage = mockModel([reply.json(triageAnswer('track_order'))]);
    const specialist = mockModel([reply.json({ reply: '' }), reply.text('still not json')]);
    const localEngine = new ScriptedEngine([{ result: { reply: 'Which order do you mean?', status: 'needs_info', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0, awaiting: 'order_id' } }]);
    const harness = await createHarness({ models: { triage, specialist }, localEngine });
    const fallbacks: string[] = [];
    harness.engines.onFallback((event) => fallbacks.push(`${event.role}:${event.code}`));
    const outcome = await harness.say('where is my order');

    expect(outcome.replies[0]?.text).toBe('Which order do you mean?');
    expect(fallbacks).toEqual(['specialist:ENGINE_FAILED']);
  });

  it('stops a runaway tool loop at maxAgentSteps (LIMIT_EXCEEDED) and falls back', async () => {
    const triage = mockModel([reply.json(triageAnswer('track_order'))]);
    const specialist = mockModel(Array.from({ length: 3 }, () => reply.toolCall('get_order_status', { order_id: ORDER.order_id })));
    const localEngine = new ScriptedEngine([{ result: { reply: 'Let me check that for you.', status: 'needs_info', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } }]);
    const harness = await createHarness({ models: { triage, specialist }, localEngine, settings: { limits: { maxAgentSteps: 3 } }, customerId: 'user_1' });
    const fallbacks: string[] = [];
    harness.engines.onFallback((event) => fallbacks.push(event.code));
    await harness.say('where is #W1234567');

    expect(specialist.doGenerateCalls).toHaveLength(3);
    expect(fallbacks).toEqual(['LIMIT_EXCEEDED']);
  });

  it('never falls back after a successful write (no second effect): the failure escalates instead', async () => {
    const triage = mockModel([reply.json(triageAnswer('track_order'))]);
    const specialist = mockModel([reply.toolCall('cancel_order', { order_id: ORDER.order_id }), reply.text('not json'), reply.text('not json either')]);
    const localEngine = new ScriptedEngine();
    const harness = await createHarness({ models: { triage, specialist }, localEngine, customerId: 'user_1' });
    const outcome = await harness.say('cancel #W1234567');

    expect(writes.cancelled).toBe(1);
    expect(localEngine.calls).toHaveLength(0);
    expect(outcome.outcome).toBe('escalated');
  });
});
