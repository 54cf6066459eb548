/**
 * Scripted doubles for the engine and triage roles: a queue of responses, a record of calls, and
 * a named error on an unexpected call. Unit tests and offline demos never need a model.
 */
import { emptyEntities } from '../domain/entities.js';
import type { TriageDecision } from '../domain/triage.js';
import { EngineError } from '../errors.js';
import type { AgentRunInput, AgentRunOutput, Engine, Triager, TriageInput } from '../ports.js';

/** One scripted agent response: a fixed output or a function of the input. */
export type ScriptedAgentStep = AgentRunOutput | ((input: AgentRunInput) => AgentRunOutput | Promise<AgentRunOutput>);

/**
 * An {@link Engine} that answers from a queue. `calls` records every input.
 * @throws EngineError `UNEXPECTED_ENGINE_CALL` when called with an empty queue.
 */
export class ScriptedEngine implements Engine {
  readonly id = 'scripted';
  readonly calls: AgentRunInput[] = [];
  private readonly queue: ScriptedAgentStep[];

  constructor(steps: readonly ScriptedAgentStep[] = []) {
    this.queue = [...steps];
  }

  /** Appends responses to the queue. */
  enqueue(...steps: ScriptedAgentStep[]): void {
    this.queue.push(...steps);
  }

  async runAgent(input: AgentRunInput): Promise<AgentRunOutput> {
    this.calls.push(input);
    const next = this.queue.shift();
    if (next === undefined) throw new EngineError('UNEXPECTED_ENGINE_CALL', `Scripted engine has no response left for agent "${input.agent.id}"`, { details: { agentId: input.agent.id, call: this.calls.length } });
    return typeof next === 'function' ? next(input) : next;
  }
}

/**
 * A {@link Triager} that answers from a queue of partial decisions (completed by
 * {@link makeTriageDecision}). @throws EngineError `UNEXPECTED_ENGINE_CALL` when the queue is empty.
 */
export class ScriptedTriager implements Triager {
  readonly id = 'scripted';
  readonly calls: TriageInput[] = [];
  private readonly queue: Partial<TriageDecision>[];

  constructor(decisions: readonly Partial<TriageDecision>[] = []) {
    this.queue = [...decisions];
  }

  enqueue(...decisions: Partial<TriageDecision>[]): void {
    this.queue.push(...decisions);
  }

  async triage(input: TriageInput): Promise<TriageDecision> {
    this.calls.push(input);
    const next = this.queue.shift();
    if (next === undefined) throw new EngineError('UNEXPECTED_ENGINE_CALL', 'Scripted triager has no decision left', { details: { call: this.calls.length } });
    return Promise.resolve(makeTriageDecision(next));
  }
}

/** A complete, schema-valid TriageDecision with neutral defaults, overridden by `partial`. */
export function makeTriageDecision(partial: Partial<TriageDecision> = {}): TriageDecision {
  const intent = partial.intent ?? 'none';
  const category = partial.category ?? 'NONE';
  const confidence = partial.confidence ?? 0.9;
  return {
    category,
    intent,
    urgency: 'normal',
    confidence,
    entities: emptyEntities(),
    sentiment: { label: 'neutral', score: 0, frustration: 0 },
    signals: { humanRequested: false, legalThreat: false, abusive: false, language: 'en' },
    subtasks: [{ text: '', intent, category, confidence }],
    alternatives: [],
    reasoning: 'scripted',
    decidedBy: 'scripted',
    needsSecondOpinion: false,
    ...partial,
  };
}
