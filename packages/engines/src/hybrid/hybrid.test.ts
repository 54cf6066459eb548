/** Hybrid triage and engines, and the engine selection per role (issue 7 item 3). */
import { describe, expect, it } from 'vitest';
import { ScriptedEngine, ScriptedTriager } from '@switchboard/core/testing';
import { reply } from '../llm/scripted.js';
import { agentAnswer, createHarness, mockModel, triageAnswer } from '../llm/test-fixtures.js';

describe('hybrid triage', () => {
  it('keeps a confident local decision and never calls the model', async () => {
    const triage = mockModel([]);
    const localTriager = new ScriptedTriager([{ intent: 'track_order', category: 'ORDER', confidence: 0.95 }]);
    const localEngine = new ScriptedEngine([{ result: { reply: 'Which order?', status: 'needs_info', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } }]);
    const harness = await createHarness({ engine: 'hybrid', models: { triage }, localTriager, localEngine });
    const outcome = await harness.say('where is my order');
    expect(outcome.triage).toMatchObject({ intent: 'track_order', decidedBy: 'scripted' });
    expect(triage.doGenerateCalls).toHaveLength(0);
  });

  it('asks the LLM below the local threshold; the triage event records that the LLM decided', async () => {
    const triage = mockModel([reply.json(triageAnswer('get_invoice', 0.85))]);
    const localTriager = new ScriptedTriager([{ intent: 'track_order', category: 'ORDER', confidence: 0.41, needsSecondOpinion: true }]);
    const localEngine = new ScriptedEngine([{ result: { reply: 'Here is your invoice.', status: 'resolved', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } }]);
    const harness = await createHarness({ engine: 'hybrid', models: { triage }, localTriager, localEngine });
    const outcome = await harness.say('I need the paper for what I bought');
    expect(outcome.triage).toMatchObject({ intent: 'get_invoice', decidedBy: 'llm' });
    expect(outcome.triage?.reasoning).toMatch(/^local track_order 0\.41 → llm:/);
    expect(harness.ports.events.all.find((event) => event.type === 'triage')?.data).toMatchObject({ decidedBy: 'llm', intent: 'get_invoice' });
    expect(localEngine.calls[0]?.agent.id).toBe('billing');
  });

  it('keeps the local decision when the LLM fails', async () => {
    const triage = mockModel([reply.text('no json'), reply.text('no json')]);
    const localTriager = new ScriptedTriager([{ intent: 'track_order', category: 'ORDER', confidence: 0.5, needsSecondOpinion: true }]);
    const harness = await createHarness({ engine: 'hybrid', models: { triage }, localTriager, localEngine: new ScriptedEngine([{ result: { reply: 'Which order?', status: 'needs_info', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0 } }]) });
    const outcome = await harness.say('where is it');
    expect(outcome.triage?.decidedBy).toBe('scripted');
    expect(outcome.triage?.reasoning).toContain('LLM triage unavailable (ENGINE_FAILED)');
  });
});

describe('hybrid specialists', () => {
  it('answers with the local playbook when it is sure, and with the LLM when the playbook escalates a request it cannot do', async () => {
    const specialist = mockModel([reply.json(agentAnswer('Done: order #W1234567 is cancelled.'))]);
    const localEngine = new ScriptedEngine([
      { result: { reply: 'Which order?', status: 'needs_info', confidence: 0.9, actions: [], sources: [] }, dialog: { slots: {}, failedAttempts: 0, awaiting: 'order_id' } },
      { result: { reply: 'A person must do that.', status: 'escalate', confidence: 0.9, actions: [], sources: [], escalation: { trigger: 'write_action', reason: 'write' } }, dialog: { slots: {}, failedAttempts: 0 } },
    ]);
    const localTriager = new ScriptedTriager([{ intent: 'track_order', category: 'ORDER' }, { intent: 'track_order', category: 'ORDER' }]);
    const harness = await createHarness({ engine: 'hybrid', models: { specialist }, localTriager, localEngine, customerId: 'user_1' });
    expect((await harness.say('where is my order')).replies[0]?.text).toBe('Which order?');
    expect(specialist.doGenerateCalls).toHaveLength(0);
    expect((await harness.say('cancel #W1234567 please')).replies[0]?.text).toBe('Done: order #W1234567 is cancelled.');
    expect(harness.engines.describe()).toEqual(['triage local', 'specialist hybrid (mock:gpt-4o-mini)', 'escalation local', 'qa local']);
  });
});
