/** The LLM engine's prompt modules, by id (`prompts/<name>@<version>`). */
import { agentPrompt, escalationPrompt, type AgentPromptContext } from './agent.js';
import { handoffPrompt } from './handoff.js';
import { judgePrompt } from './qa-judge.js';
import { repairPrompt, revisePrompt } from './repair.js';
import { triagePrompt } from './triage.js';
import type { PromptModule } from './module.js';

export { agentPrompt, escalationPrompt, type AgentPromptContext } from './agent.js';
export { handoffPrompt } from './handoff.js';
export { judgePrompt, type JudgePromptContext } from './qa-judge.js';
export { repairPrompt, revisePrompt } from './repair.js';
export { triagePrompt, type TriagePromptContext } from './triage.js';
export { definePrompt, renderPolicy, type PromptModule } from './module.js';

/** Every built-in prompt module, by id. */
export const PROMPT_MODULES = Object.freeze(
  Object.fromEntries([agentPrompt, escalationPrompt, handoffPrompt, judgePrompt, repairPrompt, revisePrompt, triagePrompt].map((module) => [module.id, module])),
) as Readonly<Record<string, PromptModule<never>>>;

/**
 * The prompt module for an agent run: the escalation module for the escalation role, otherwise the
 * generic agent module. Agent-specific text registered under the agent's `instructions` name
 * (`prompts/orders@1`) is added to it as `extra`.
 */
export function agentPromptFor(role: 'specialist' | 'escalation' | 'triage' | 'qa'): PromptModule<AgentPromptContext> {
  return role === 'escalation' ? escalationPrompt : agentPrompt;
}
