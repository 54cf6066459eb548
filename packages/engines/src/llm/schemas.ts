/**
 * What models answer with: the structured outputs of triage, agents and the QA judge, as zod
 * schemas (validation) with their JSON Schemas computed once (the provider's response format), and
 * the arguments of the built-in tools.
 */
import { z } from 'zod';
import { QualityIssueKindSchema, UrgencySchema } from '@switchboard/core';
import type { ModelCallOptions } from './types.js';

/** The triage fields a model decides (entities and sentiment come from the local analyzers). */
export const TriageOutputSchema = z.object({
  intent: z.string(),
  confidence: z.number().min(0).max(1),
  urgency: UrgencySchema,
  subtasks: z.array(z.object({ text: z.string(), intent: z.string() })),
  signals: z.object({ humanRequested: z.boolean(), legalThreat: z.boolean(), abusive: z.boolean(), language: z.string() }),
  reasoning: z.string(),
});
export type TriageOutput = z.infer<typeof TriageOutputSchema>;

/** An agent's final answer to the customer; the engine completes it into a core `AgentResult`. */
export const AgentReplyOutputSchema = z.object({
  reply: z.string().min(1),
  status: z.enum(['resolved', 'needs_info']),
  confidence: z.number().min(0).max(1),
  sources: z.array(z.string()),
  awaiting: z.string().nullable(),
});
export type AgentReplyOutput = z.infer<typeof AgentReplyOutputSchema>;

/** The QA judge's verdict, shaped like a core `QualityReview` (nulls where the review has optional fields). */
export const JudgeOutputSchema = z.object({
  verdict: z.enum(['approve', 'revise', 'block']),
  issues: z.array(z.object({ kind: QualityIssueKindSchema, code: z.string(), message: z.string(), fact: z.string().nullable() })),
  revisedReply: z.string().nullable(),
});
export type JudgeOutput = z.infer<typeof JudgeOutputSchema>;

/** Arguments of a `transfer_to_<agent>` tool. */
export const TransferArgsSchema = z.object({
  reason: z.string().min(1).describe('Why the request belongs to that agent (one sentence, no customer data).'),
  summary: z.string().min(1).describe('What the customer wants and what is known so far, so they never repeat themselves.'),
  suggestedAction: z.string().optional().describe('What the receiving agent should do first.'),
});

/** Arguments of the `escalate_to_human` tool. */
export const EscalateArgsSchema = z.object({
  reason: z.string().min(1).describe('Why a person must take over (one sentence, no customer data).'),
  priority: UrgencySchema.optional(),
  reply: z.string().optional().describe('A short message telling the customer a person will continue.'),
});

/** Arguments of the built-in `delegate_to_agent` consultation tool. */
export const DelegateArgsSchema = z.object({
  agentId: z.string().describe('The agent to consult.'),
  question: z.string().min(1).describe('The question to ask it, self-contained.'),
});

/** A JSON Schema as providers take it (tool inputs, response formats). */
export type ProviderJsonSchema = NonNullable<Extract<ModelCallOptions['responseFormat'], { type: 'json' }>['schema']>;

/** The provider-facing JSON Schema of a zod schema (input side; unrepresentable parts as `{}`), computed once per schema. */
export function toProviderJsonSchema(schema: z.ZodType): ProviderJsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as ProviderJsonSchema;
}

/**
 * A structured output: the provider's response format (`name` and JSON Schema, computed once) and
 * the zod schema the answer is validated with, so model output is never trusted unparsed.
 */
export interface StructuredOutput<T> {
  name: string;
  jsonSchema: ProviderJsonSchema;
  schema: z.ZodType<T>;
}

function structured<T>(name: string, schema: z.ZodType<T>): StructuredOutput<T> {
  return Object.freeze({ name, schema, jsonSchema: toProviderJsonSchema(schema) });
}

/** Structured-output specifications, built once per process. */
export const OUTPUTS = {
  triage: structured('triage_decision', TriageOutputSchema),
  agent: structured('agent_reply', AgentReplyOutputSchema),
  judge: structured('quality_review', JudgeOutputSchema),
};

/** The first schema issue as `path message`, for repair prompts and error details (no values). */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'invalid';
}
