import { describe, expect, it } from 'vitest';
import { emptyEntities } from '../domain/entities.js';
import type { Conversation } from '../domain/conversation.js';
import { createTestDesk } from '../testing/desk-fixture.js';
import { makeTriageDecision } from '../testing/scripted.js';
import { decide } from './decide.js';
import { NextStepSchema, type TurnState } from './steps.js';

const desk = createTestDesk();

function state(overrides: Partial<Conversation> = {}): TurnState {
  const conversation: Conversation = {
    id: 'conv_1', channel: 'test', status: 'open', handoffChain: [], accountFlags: [], entities: emptyEntities(),
    dialog: { slots: {}, failedAttempts: 0 }, priority: 'normal', autonomy: 'auto',
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 0, ...overrides,
  };
  return { conversation, message: { id: 'm1', conversationId: 'conv_1', role: 'customer', author: 'customer', text: 'hi', createdAt: conversation.createdAt }, runs: [], hops: 0, openCircuits: [], notified: false, retried: false, plan: [], completed: [], inputFlags: [] };
}

const agentResult = (overrides: Record<string, unknown>) => ({ reply: 'ok', status: 'resolved' as const, confidence: 0.9, actions: [], sources: [], ...overrides });

describe('decide', () => {
  it('stays silent while a human operator owns the conversation', () => {
    expect(decide(state({ status: 'human' }), { type: 'received' }, desk)).toEqual({ type: 'stay_silent', reason: 'human_owned' });
  });

  it('routes a classified intent to its specialist', () => {
    const step = decide(state(), { type: 'triaged', decision: makeTriageDecision({ intent: 'track_order', category: 'ORDER' }) }, desk);
    expect(step).toMatchObject({ type: 'run_agent', agentId: 'orders', reason: 'route', intent: 'track_order' });
    expect(NextStepSchema.parse(step)).toEqual(step);
  });

  it('honours an explicit request for a human at once', () => {
    const decision = makeTriageDecision({ intent: 'track_order', category: 'ORDER', signals: { humanRequested: true, legalThreat: false, abusive: false, language: 'en' } });
    expect(decide(state(), { type: 'triaged', decision }, desk)).toMatchObject({ type: 'escalate', trigger: 'human_requested', queue: 'orders' });
  });

  it('sends legal threats to the legal queue as urgent', () => {
    const decision = makeTriageDecision({ intent: 'get_invoice', category: 'INVOICE', signals: { humanRequested: false, legalThreat: true, abusive: false, language: 'en' } });
    expect(decide(state(), { type: 'triaged', decision }, desk)).toMatchObject({ type: 'escalate', trigger: 'legal_threat', queue: 'legal', priority: 'urgent' });
  });

  it('asks a clarifying question when no intent clears the threshold, and escalates after repeated failures', () => {
    const none = makeTriageDecision({ intent: 'none', confidence: 0.2 });
    expect(decide(state(), { type: 'triaged', decision: none }, desk)).toMatchObject({ type: 'reply', outcome: 'clarify', status: 'waiting_customer' });
    expect(decide(state({ dialog: { slots: {}, failedAttempts: 2 } }), { type: 'triaged', decision: none }, desk)).toMatchObject({ type: 'escalate', trigger: 'repeated_failure' });
  });

  it('keeps the active agent while it waits for a slot, unless another intent is confident', () => {
    const waiting = state({ dialog: { activeAgentId: 'orders', activeIntent: 'track_order', awaiting: 'email', slots: {}, failedAttempts: 0 } });
    const email = makeTriageDecision({ intent: 'none', confidence: 0.3 });
    expect(decide(waiting, { type: 'triaged', decision: email }, desk)).toMatchObject({ type: 'run_agent', agentId: 'orders', reason: 'continue', intent: 'track_order' });
    const invoice = makeTriageDecision({ intent: 'get_invoice', category: 'INVOICE', confidence: 0.95 });
    expect(decide(waiting, { type: 'triaged', decision: invoice }, desk)).toMatchObject({ type: 'run_agent', agentId: 'billing', reason: 'route' });
  });

  it('follows a handoff and escalates a ping-pong back to an agent already in the chain', () => {
    const s = state();
    s.triage = makeTriageDecision({ intent: 'track_order', category: 'ORDER' });
    const first = decide(s, { type: 'agent_completed', agentId: 'orders', result: agentResult({ status: 'handoff', handoffTo: 'billing' }) }, desk);
    expect(first).toMatchObject({ type: 'run_agent', agentId: 'billing', reason: 'handoff', fromAgentId: 'orders' });
    s.runs.push({ agentId: 'orders', result: agentResult({ status: 'handoff', handoffTo: 'billing' }) });
    s.runs.push({ agentId: 'billing', result: agentResult({ status: 'handoff', handoffTo: 'orders' }) });
    s.hops = 1;
    const back = decide(s, { type: 'agent_completed', agentId: 'billing', result: agentResult({ status: 'handoff', handoffTo: 'orders' }) }, desk);
    expect(back).toMatchObject({ type: 'escalate', trigger: 'handoff_loop' });
  });

  it('ends handoff chains longer than maxHops', () => {
    const s = state();
    s.hops = 3;
    const step = decide(s, { type: 'agent_completed', agentId: 'faq', result: agentResult({ status: 'handoff', handoffTo: 'escalation' }) }, desk);
    expect(step).toMatchObject({ type: 'escalate', trigger: 'max_hops' });
  });

  it('escalates when an agent fails, with the bridge message naming the ticket and wait', () => {
    expect(decide(state(), { type: 'agent_failed', agentId: 'orders', code: 'ENGINE_FAILED' }, desk)).toMatchObject({ type: 'escalate', trigger: 'agent_failure', priority: 'high' });
    const ticket = { id: 'T_9', conversationId: 'conv_1', status: 'open' as const, priority: 'high' as const, queue: 'general', trigger: 'agent_failure', reason: 'x', summary: 's', createdAt: 'a', updatedAt: 'a', slaDueAt: 'b', notes: [] };
    const reply = decide(state(), { type: 'escalated', ticket }, desk);
    expect(reply).toMatchObject({ type: 'reply', status: 'escalated', outcome: 'escalated' });
    expect(reply.type === 'reply' && reply.text).toMatch(/T_9.*4 hours/s);
  });
});
