/**
 * What models answer with: the structured outputs of triage, agents and the QA judge, as zod
 * schemas (validation) with their JSON Schemas computed once (the provider's response format).
 */
import { jsonSchema, Output } from 'ai';
import { z } from 'zod';
import { QualityIssueKindSchema, UrgencySchema } from '@switchboard/core';

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

/**
 * An AI SDK schema from a zod schema: the JSON Schema is computed once, and validation uses zod
 * (`safeParse`), so model output is never trusted unparsed.
 */
export function sdkSchema<T>(schema: z.ZodType<T>) {
  return jsonSchema<T>(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Parameters<typeof jsonSchema>[0], {
    validate: (value) => {
      const parsed = schema.safeParse(value);
      return parsed.success ? { success: true, value: parsed.data } : { success: false, error: parsed.error };
    },
  });
}

/** Structured-output specifications, built once per process. */
export const OUTPUTS = {
  triage: Output.object({ schema: sdkSchema(TriageOutputSchema), name: 'triage_decision' }),
  agent: Output.object({ schema: sdkSchema(AgentReplyOutputSchema), name: 'agent_reply' }),
  judge: Output.object({ schema: sdkSchema(JudgeOutputSchema), name: 'quality_review' }),
};

/** The first schema issue as `path message`, for repair prompts and error details (no values). */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'invalid';
}
