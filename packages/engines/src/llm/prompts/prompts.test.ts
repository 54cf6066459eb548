/**
 * Snapshots of every prompt module: a wording change shows up in review and must come with a new
 * version (`prompts/<name>@<n+1>`).
 */
import { describe, expect, it } from 'vitest';
import { emptyEntities, type HandoffPayloadV1 } from '@switchboard/core';
import { agentPrompt, escalationPrompt, judgePrompt, PROMPT_MODULES, renderPolicy, repairPrompt, revisePrompt, triagePrompt, type AgentPromptContext } from './index.js';

const payload: HandoffPayloadV1 = {
  version: 1,
  handoffId: 'handoff_1',
  fromAgent: 'billing',
  toAgent: 'orders',
  createdAt: '2026-01-05T10:00:00.000Z',
  customer: { customerId: 'user_1', verified: true },
  classification: { intent: 'track_order', category: 'ORDER', urgency: 'normal', confidence: 0.9 },
  summary: 'Customer asks where order #W1234567 is.',
  entities: { ...emptyEntities(), orderIds: ['#W1234567'] },
  resolutionState: { customerIntent: 'track_order', identifiedIssues: ['track_order'], actionsCompleted: [], pendingActions: ['track_order'] },
  attemptedSolutions: [],
  handoffReason: 'Order status belongs to orders',
  history: { conversationId: 'conv_1', lastMessageId: 'msg_1' },
};

const agentContext: AgentPromptContext = {
  agent: { id: 'orders', name: 'Orders', description: 'Handles order status and tracking.', instructions: 'prompts/orders@1' },
  intent: 'track_order',
  reason: 'handoff',
  policy: renderPolicy({ returnWindowDays: 30, cancelReasons: ['no longer needed', 'ordered by mistake'] }),
  knowledge: [{ id: 'kb-shipping-times', title: 'Delivery times', passage: 'Standard delivery takes 3–7 business days.' }],
  handoff: payload,
  identity: { verified: false },
  identityTools: ['find_user_id_by_email'],
  operatorNote: 'Offer the free return label.',
};

describe('prompt modules', () => {
  it('are named and versioned', () => {
    expect(Object.keys(PROMPT_MODULES).sort()).toEqual(['prompts/agent@1', 'prompts/escalation@1', 'prompts/handoff@2', 'prompts/qa-judge@1', 'prompts/repair@1', 'prompts/revise@1', 'prompts/triage@1']);
  });

  it('render the agent prompt with policy, knowledge, the HandoffPayload, identity and the operator note', () => {
    const text = agentPrompt.render(agentContext);
    for (const part of ['return window days: 30', '[kb-shipping-times]', 'Customer asks where order #W1234567 is.', 'find_user_id_by_email', 'Offer the free return label.']) expect(text).toContain(part);
    expect(text).toMatchSnapshot();
  });

  it('render the other modules stably', () => {
    expect(escalationPrompt.render(agentContext)).toMatchSnapshot();
    expect(triagePrompt.render({ intents: [{ intent: 'track_order', category: 'ORDER', label: 'Status and tracking of an order' }], languages: ['en'] })).toMatchSnapshot();
    expect(judgePrompt.render({ reply: 'Order #W1234567 is delivered.', evidence: ['{"status":"delivered"}'], sentiment: { label: 'neutral', frustration: 0 }, subtasks: [], ruleIssues: [] })).toMatchSnapshot();
    expect(repairPrompt.render({ problem: 'reply Too small' })).toMatchSnapshot();
    expect(revisePrompt.render({ issues: [{ code: 'TONE_NO_EMPATHY', message: 'Acknowledge the frustration.' }] })).toMatchSnapshot();
  });
});
