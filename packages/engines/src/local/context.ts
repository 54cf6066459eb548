import type { AgentAction, AgentResult, AgentRunInput, AgentRunOutput, CustomerIdentity, DialogState, KnowledgeBase } from '@switchboard/core';

/** Options shared by every playbook run. */
export interface PlaybookDependencies {
  knowledge: KnowledgeBase;
  /** Knowledge hits scoring below this are treated as "I don't know". */
  minKnowledgeScore: number;
  /** Intent → a query that finds its article (added to the customer's words). */
  knowledgeQueryHints: Readonly<Record<string, string>>;
  /** Intent → owning agent id (handoffs to the agent holding a write tool). */
  intentAgents: Readonly<Record<string, string>>;
}

/** A tool call's outcome as a playbook sees it: the output, or the failure code and message (and the pending approval's id). */
export type PlaybookToolResult<Output> = { ok: true; output: Output } | { ok: false; code: string; message: string; approvalId?: string };

/**
 * Mutable working state of one playbook run: a copy of the dialogue state, the verified identity
 * and the actions taken. `finish` turns it into the engine's {@link AgentRunOutput}.
 */
export class PlaybookRun {
  readonly input: AgentRunInput;
  readonly deps: PlaybookDependencies;
  readonly dialog: DialogState;
  readonly actions: AgentAction[] = [];
  /** The verified customer, from the conversation or verified during this run through an identity tool. */
  identity: CustomerIdentity | undefined;

  constructor(input: AgentRunInput, deps: PlaybookDependencies) {
    this.input = input;
    this.deps = deps;
    this.dialog = structuredClone(input.conversation.dialog);
    this.dialog.activeIntent = input.intent;
    this.dialog.activeAgentId = input.agent.id;
    delete this.dialog.awaiting;
    this.identity = input.conversation.identity;
  }

  /** The intent this run works on. */
  get intent(): string {
    return this.input.intent;
  }

  /** The slot the previous reply asked for, if this run continues it. */
  get answering(): string | undefined {
    return this.input.reason === 'continue' ? this.input.conversation.dialog.awaiting : undefined;
  }

  /** Records the identity an identity tool verified (the turn driver binds it from the tool result itself). */
  setIdentity(identity: CustomerIdentity): void {
    this.identity = identity;
  }

  /** Calls a tool and records a one-line action. */
  async tool<Output>(name: string, args: unknown): Promise<PlaybookToolResult<Output>> {
    const result = await this.input.tools.call<Output>(name, args);
    this.actions.push({ tool: name, ok: result.ok, summary: result.ok ? `${name} ok` : `${name} failed: ${result.error.code}` });
    if (result.ok) return { ok: true, output: result.output };
    return { ok: false, code: result.error.code, message: result.error.message, ...(result.error.approvalId === undefined ? {} : { approvalId: result.error.approvalId }) };
  }

  /** Asks the customer for `slot`: status `needs_info`, the intent stays active. */
  ask(slot: string, reply: string, options: { failed?: boolean } = {}): AgentRunOutput {
    this.dialog.awaiting = slot;
    if (options.failed === true) this.dialog.failedAttempts += 1;
    return this.finish({ reply, status: 'needs_info', confidence: 0.9 });
  }

  /** Ends the request: status `resolved`, the intent is no longer active. */
  resolve(reply: string, options: { sources?: string[]; confidence?: number } = {}): AgentRunOutput {
    delete this.dialog.activeIntent;
    delete this.dialog.awaiting;
    this.dialog.failedAttempts = 0;
    return this.finish({ reply, status: 'resolved', confidence: options.confidence ?? 0.9, sources: options.sources ?? [] });
  }

  /** Transfers the request to `agentId` (the orchestrator validates and counts the hop). */
  handoff(agentId: string): AgentRunOutput {
    delete this.dialog.activeIntent;
    delete this.dialog.awaiting;
    delete this.dialog.activeAgentId;
    return this.finish({ reply: '', status: 'handoff', handoffTo: agentId, confidence: 0.9 });
  }

  /** Asks the orchestrator for a human. `reply` is sent before the bridge message. */
  escalate(options: { trigger: string; reason: string; reply: string; priority?: 'low' | 'normal' | 'high' | 'urgent' }): AgentRunOutput {
    delete this.dialog.activeIntent;
    delete this.dialog.awaiting;
    return this.finish({
      reply: options.reply,
      status: 'escalate',
      confidence: 0.9,
      escalation: { trigger: options.trigger, reason: options.reason, ...(options.priority ? { priority: options.priority } : {}) },
    });
  }

  private finish(result: Omit<AgentResult, 'actions' | 'sources'> & { sources?: string[] }): AgentRunOutput {
    return {
      result: { ...result, actions: this.actions, sources: result.sources ?? [] },
      dialog: this.dialog,
    };
  }
}
