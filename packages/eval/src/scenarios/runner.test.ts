import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToolGateway, startConversation, type AgentRunOutput, type TurnPorts } from '@switchboard/core';
import { createManualClock, createMemoryConversationStore, createMemoryEventLog, createMemoryTicketQueue, createSequentialIds, createTestDesk, ScriptedEngine, ScriptedTriager } from '@switchboard/core/testing';
import { createMemoryCommerceStore, generateStore } from '@switchboard/demo-store';
import { createStoreFacts, fillPlaceholders, loadPlaceholderContext } from './facts.js';
import { parseScenario, type LoadedScenario } from './loader.js';
import { runScenarios, type ScenarioRuntime } from './runner.js';

const resolved = (reply: string): AgentRunOutput => ({ result: { reply, status: 'resolved', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } });

/** A small scripted desk: the test desk, memory ports and a generated store of 20 customers. */
function scriptedRuntime(options: { triager: ScriptedTriager; engine: ScriptedEngine }): ScenarioRuntime {
  const desk = createTestDesk();
  const ports: TurnPorts = {
    conversations: createMemoryConversationStore(),
    events: createMemoryEventLog(),
    tickets: createMemoryTicketQueue(),
    clock: createManualClock({ stepMs: 10 }),
    ids: createSequentialIds(),
    triager: options.triager,
    engine: options.engine,
    tools: createToolGateway({ tools: [], agents: desk.agents }),
  };
  return {
    desk,
    ports,
    database: { commerce: createMemoryCommerceStore({ snapshot: generateStore({ users: 20, orders: 40 }) }) },
    startConversation: (start = {}) => startConversation({ ports, channel: start.channel ?? 'test' }),
    close: () => Promise.resolve(),
  };
}

function scenario(json: { name: string } & Record<string, unknown>): LoadedScenario {
  const loaded = parseScenario(`${json.name}.json`, json);
  if (!('scenario' in loaded)) throw new Error(`invalid test scenario: ${loaded.actual}`);
  return loaded;
}

describe('scenario files', () => {
  it('rejects unknown keys, so a misspelt expectation cannot pass silently', () => {
    const loaded = parseScenario('scenarios/typo.json', { name: 'typo', description: 'd', steps: [{ customer: 'hi', expect: { outcom: 'resolved' } }] });
    expect(loaded).toMatchObject({ name: 'typo', step: 0, expected: 'a valid scenario file' });
    expect('actual' in loaded && loaded.actual).toMatch(/outcom/);
  });

  it('requires the name to be the file name', () => {
    expect(parseScenario('scenarios/a-b.json', { name: 'other', description: 'd', steps: [{ customer: 'hi' }] })).toMatchObject({ name: 'a-b', step: 0 });
  });

  it('reports a broken file of a directory as a failed scenario and runs the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    writeFileSync(join(dir, 'fine.json'), JSON.stringify({ name: 'fine', description: 'd', steps: [{ customer: 'where is my order?', expect: { outcome: 'resolved' } }] }));
    const triager = new ScriptedTriager([{ intent: 'track_order', category: 'ORDER' }]);
    const engine = new ScriptedEngine([resolved('On its way.')]);
    const report = await runScenarios({ dir, createRuntime: () => Promise.resolve(scriptedRuntime({ triager, engine })) });
    expect(report).toMatchObject({ scenarios: 2, passed: 1, failed: [{ name: 'broken', step: 0, expected: 'a readable JSON file' }] });
  });
});

describe('placeholders', () => {
  it('fills customer and order facts from the store and refuses unknown ones', async () => {
    const commerce = createMemoryCommerceStore({ snapshot: generateStore({ users: 20, orders: 40 }) });
    const facts = createStoreFacts({ commerce });
    const customer = await facts.customer('customer_with_orders');
    const context = await loadPlaceholderContext(facts, { customer, otherCustomer: await facts.otherThan(customer) });
    const order = (await commerce.getOrder(customer.orders[1]!))!;
    expect(fillPlaceholders('{{customer.email}} asks about {{ customer.orders[1] }} ({{customer.orders[1].status}})', context)).toBe(`${customer.email} asks about ${order.order_id} (${order.status})`);
    expect(context.otherCustomer.user_id).not.toBe(customer.user_id);
    expect(() => fillPlaceholders('{{customer.orders[99]}}', context)).toThrow(/customer\.orders\[99\]/);
    expect(() => fillPlaceholders('{{ticket.id}}', context)).toThrow(/ticket\.id/);
    await expect(facts.customer('vip_customer')).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});

describe('runScenarios', () => {
  it('reports each unmet expectation with the scenario, the 1-based step, expected and actual, and stops the scenario there', async () => {
    const triager = new ScriptedTriager([{ intent: 'track_order', category: 'ORDER' }]);
    const engine = new ScriptedEngine([resolved('Order is on its way.')]);
    const report = await runScenarios({
      scenarios: [
        scenario({
          name: 'wrong',
          description: 'd',
          steps: [
            { customer: 'where is {{customer.orders[0]}}?', expect: { outcome: 'needs_info', agents: ['orders'], replyIncludes: ['{{customer.orders[0]}}'] } },
            { customer: 'never sent', expect: { outcome: 'resolved' } },
          ],
        }),
      ],
      createRuntime: () => Promise.resolve(scriptedRuntime({ triager, engine })),
    });
    expect(report.scenarios).toBe(1);
    expect(report.passed).toBe(0);
    expect(report.failed).toEqual([
      { name: 'wrong', step: 1, expected: 'outcome needs_info', actual: 'outcome resolved; reply "Order is on its way."' },
      { name: 'wrong', step: 1, expected: expect.stringMatching(/^reply includes "#W\d+"$/) as string, actual: 'reply "Order is on its way."' },
    ]);
    expect(triager.calls).toHaveLength(1);
  });

  it('reads QA verdicts, guardrails and approvals from the audit log, and fails clearly when nothing was recorded', async () => {
    const triager = new ScriptedTriager([{ intent: 'track_order', category: 'ORDER' }]);
    const engine = new ScriptedEngine([resolved('On its way.')]);
    const report = await runScenarios({
      scenarios: [scenario({ name: 'audited', description: 'd', steps: [{ customer: 'where is my order?', expect: { approval: { status: 'pending' } } }] })],
      createRuntime: () => Promise.resolve(scriptedRuntime({ triager, engine })),
    });
    expect(report.failed).toEqual([{ name: 'audited', step: 1, expected: 'approval event {"status":"pending"}', actual: expect.stringMatching(/^no approval event in this turn/) as string }]);
  });

  it('drives handoff ping-pong with scripted agents and checks the escalation, then an operator takeover', async () => {
    const triager = new ScriptedTriager([{ intent: 'track_order', category: 'ORDER' }, { intent: 'track_order', category: 'ORDER' }]);
    const report = await runScenarios({
      scenarios: [
        scenario({
          name: 'ping-pong',
          description: 'd',
          setup: { scriptedAgents: { orders: { handoffTo: 'billing' }, billing: { handoffTo: 'orders' } } },
          steps: [
            { customer: 'where is my order?', expect: { outcome: 'escalated', agents: ['orders', 'billing'], handoff: { from: 'orders', to: 'billing' }, escalation: { trigger: 'handoff_loop', priority: 'high' }, replyIncludes: ['{{ticket.id}}'] } },
            { operator: { action: 'claim' }, expect: { conversationStatus: 'human', ticketStatus: 'assigned' } },
            { customer: 'hello?', expect: { silent: true } },
            { operator: { action: 'claim', operatorId: 'op_other' } },
          ],
        }),
      ],
      createRuntime: () => Promise.resolve(scriptedRuntime({ triager, engine: new ScriptedEngine() })),
    });
    expect(report.failed).toEqual([{ name: 'ping-pong', step: 4, expected: expect.stringMatching(/^operator claims ticket/) as string, actual: 'the ticket was not open (claimed or resolved already)' }]);
  });

  it('fails a scripted agent with ENGINE_FAILED and expects a typed error for an empty message', async () => {
    const triager = new ScriptedTriager([{ intent: 'track_order', category: 'ORDER' }]);
    const report = await runScenarios({
      scenarios: [
        scenario({
          name: 'failing',
          description: 'd',
          setup: { failingAgent: 'orders' },
          steps: [
            { customer: '', expect: { error: 'MESSAGE_EMPTY' } },
            { customer: 'where is my order?', expect: { outcome: 'escalated', escalation: { trigger: 'agent_failure', queue: 'orders' }, replyIncludes: ['something went wrong'] } },
          ],
        }),
      ],
      createRuntime: () => Promise.resolve(scriptedRuntime({ triager, engine: new ScriptedEngine() })),
    });
    expect(report).toEqual({ scenarios: 1, passed: 1, failed: [] });
  });
});
