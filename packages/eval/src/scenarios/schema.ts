/**
 * The scenario file format (issue 5, item 9): one JSON file per scenario — a name, what it shows,
 * an optional setup (which store customer, test doubles) and steps (customer turns or operator
 * actions), each with what must be true after it. Validated with zod; unknown keys are errors, so
 * a misspelt expectation fails loudly instead of passing silently.
 */
import { z } from 'zod';

/** Customers picked deterministically from the store (first match in user-id order). */
export const CUSTOMER_FIXTURES = ['customer_with_orders', 'customer_with_one_order', 'customer_without_orders', 'vip_customer', 'at_risk_customer'] as const;
/** One of {@link CUSTOMER_FIXTURES}. */
export const CustomerFixtureSchema = z.enum(CUSTOMER_FIXTURES);
export type CustomerFixture = z.infer<typeof CustomerFixtureSchema>;

/** Turn outcomes, as `runTurn` reports them. */
export const TURN_OUTCOMES = ['resolved', 'needs_info', 'clarify', 'escalated', 'refused', 'silent'] as const;

/** What a scripted agent does instead of (or on top of) the real engine. */
export const ScriptedAgentSchema = z.strictObject({
  /** Throw an engine error (`ENGINE_FAILED`) on every run: exercises agent failure and the circuit breaker. */
  fail: z.literal(true).optional(),
  /** Hand the request to this agent (status `handoff`): drives chains and ping-pong the local engine cannot produce by itself. */
  handoffTo: z.string().min(1).optional(),
  /** Answer with this reply instead of running the real engine. */
  reply: z.string().optional(),
  /** Status of the scripted reply. @defaultValue 'resolved' */
  status: z.enum(['resolved', 'needs_info']).optional(),
  /** Confidence (0–1) reported: with `reply`, the scripted reply's; alone, overrides the real engine's result. */
  confidence: z.number().min(0).max(1).optional(),
}).refine((agent) => [agent.fail, agent.handoffTo, agent.reply ?? agent.confidence].filter((value) => value !== undefined).length === 1, {
    message: 'give exactly one of fail, handoffTo, or reply/confidence',
  });
export type ScriptedAgent = z.infer<typeof ScriptedAgentSchema>;

/** A partial triage decision forced for one turn (equal-fit cases the local classifier cannot produce). */
export const TriageOverrideSchema = z.strictObject({
  intent: z.string().min(1),
  confidence: z.number().min(0).max(1),
  alternatives: z.array(z.strictObject({ intent: z.string().min(1), confidence: z.number().min(0).max(1) })).default([]),
});
export type TriageOverride = z.infer<typeof TriageOverrideSchema>;

/** Who the customer is and which test doubles replace parts of the desk for this scenario. */
export const SetupSchema = z.strictObject({
  /** Whom the `{{customer.…}}` placeholders name, without signing in. @defaultValue 'customer_with_orders' */
  customer: CustomerFixtureSchema.optional(),
  /** Start the conversation signed in (identity from the channel) as this customer; also sets `customer`. */
  signedInAs: CustomerFixtureSchema.optional(),
  /** Account flags set on the conversation at the start (`vip`, `at_risk`…). */
  accountFlags: z.array(z.string().min(1)).optional(),
  /** Agent(s) whose every run throws (the engine wrapper lives in eval). */
  failingAgent: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  /** Tool(s) whose every call fails with `TOOL_FAILED` (an infrastructure failure: counts for the tool's breaker). */
  failingTool: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  /** Agent id → scripted behaviour. */
  scriptedAgents: z.record(z.string().min(1), ScriptedAgentSchema).optional(),
}).refine((setup) => setup.customer === undefined || setup.signedInAs === undefined || setup.customer === setup.signedInAs, {
    message: 'customer and signedInAs name different customers',
  });
export type ScenarioSetup = z.infer<typeof SetupSchema>;

const HandoffExpectSchema = z.strictObject({ from: z.string().min(1), to: z.string().min(1) });

/** Ticket expectations: present or absent, or present with these fields. */
const TicketExpectSchema = z.union([
  z.boolean(),
  z.strictObject({
    queue: z.string().optional(),
    priority: z.string().optional(),
    trigger: z.string().optional(),
    status: z.string().optional(),
    /** Texts the ticket's one-paragraph summary must contain (placeholders allowed). */
    summaryIncludes: z.array(z.string()).optional(),
  }),
]);

/** Expectations that hold after any step (read from the stores). */
const StateExpectShape = {
  /** Status of the conversation after the step. */
  conversationStatus: z.string().optional(),
  /** Status of the conversation's latest ticket after the step. */
  ticketStatus: z.string().optional(),
  /** The step must fail with this error code (and, for a customer turn, store nothing). */
  error: z.string().optional(),
};

/** What must be true after a customer turn. Every field is optional; absent fields are not checked. */
export const TurnExpectSchema = z.strictObject({
  ...StateExpectShape,
  outcome: z.enum(TURN_OUTCOMES).optional(),
  /** Agents routed to in this turn, in order (`route` events; consultations through `delegate_to_agent` are not counted). */
  agents: z.array(z.string()).optional(),
  /** Author (agent id) of the reply. */
  author: z.string().optional(),
  /** Tools called in this turn (each at least once, any order). */
  tools: z.array(z.string()).optional(),
  /** Tools that must not be called in this turn. */
  toolsExclude: z.array(z.string()).optional(),
  /** Failure codes that must appear among this turn's tool calls. */
  toolCodes: z.array(z.string()).optional(),
  /** An escalation event in this turn with these fields, or `false` for none. */
  escalation: z
    .union([
      z.literal(false),
      z.strictObject({ trigger: z.string().optional(), queue: z.string().optional(), priority: z.string().optional(), parallel: z.boolean().optional() }),
    ])
    .optional(),
  ticket: TicketExpectSchema.optional(),
  /** The handoff(s) of this turn, in order, or `false` for none. */
  handoff: z.union([z.literal(false), HandoffExpectSchema, z.array(HandoffExpectSchema).min(1)]).optional(),
  /** Texts the reply must contain (case-sensitive; placeholders allowed). */
  replyIncludes: z.array(z.string()).optional(),
  /** Texts the reply must not contain (case-sensitive; placeholders allowed). */
  replyExcludes: z.array(z.string()).optional(),
  /** Regular expressions the reply must match (case-insensitive). */
  replyMatches: z.union([z.string(), z.array(z.string())]).optional(),
  /** `true`: the desk sends nothing (a human holds the conversation). */
  silent: z.boolean().optional(),
  /** Verdict of the QA gate on this turn's reply (a `qa_review` event). */
  qaVerdict: z.enum(['approve', 'revise', 'block']).optional(),
  /** A `guardrail` event in this turn whose data has these fields (for example `{ "code": "PROMPT_INJECTION" }`). */
  guardrail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** An `approval` event in this turn whose data has these fields (for example `{ "status": "pending" }`). */
  approval: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type TurnExpect = z.infer<typeof TurnExpectSchema>;

/** What must be true after an operator action. */
export const OperatorExpectSchema = z.strictObject(StateExpectShape);
export type OperatorExpect = z.infer<typeof OperatorExpectSchema>;

/** An operator action on the conversation's ticket (the one the desk opened last). */
export const OperatorActionSchema = z.strictObject({
  action: z.enum(['claim', 'reply', 'resolve', 'return_to_bot']),
  /** @defaultValue 'op_scenario' */
  operatorId: z.string().min(1).optional(),
  /** `reply`: the operator's message. */
  text: z.string().min(1).optional(),
  /** `resolve` / `return_to_bot`: the note kept on the ticket. */
  note: z.string().min(1).optional(),
  /** `return_to_bot`: the operator verified the scenario's customer (the bot must not ask again). */
  verifyCustomer: z.boolean().optional(),
  /** `return_to_bot`: the request the bot picks up on the next message. */
  resumeIntent: z.strictObject({ intent: z.string().min(1), agentId: z.string().min(1) }).optional(),
}).refine((operator) => operator.action !== 'reply' || operator.text !== undefined, { message: 'a reply needs text' });
export type OperatorAction = z.infer<typeof OperatorActionSchema>;

/** A customer message and what must be true after the turn it starts. */
export const CustomerStepSchema = z.strictObject({
  /** The customer's message; `{{…}}` placeholders are filled from store facts. */
  customer: z.string(),
  /** Send the text repeated this many times (oversized-input cases). @defaultValue 1 */
  repeat: z.number().int().min(1).max(1_000_000).optional(),
  /** Force this turn's triage decision (intent, confidence, alternatives) over the real triager's. */
  triageOverride: TriageOverrideSchema.optional(),
  expect: TurnExpectSchema.default({}),
});
export type CustomerStep = z.infer<typeof CustomerStepSchema>;

/** An operator action and what must be true after it. */
export const OperatorStepSchema = z.strictObject({ operator: OperatorActionSchema, expect: OperatorExpectSchema.default({}) });
export type OperatorStep = z.infer<typeof OperatorStepSchema>;

/** One scenario file. */
export const ScenarioSchema = z.strictObject({
  /** Unique across the suite; by convention the file name without `.json`. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case words joined by hyphens'),
  description: z.string().min(1),
  /** What the scenario covers (escalation trigger names, behaviours), for reports. */
  covers: z.array(z.string().min(1)).default([]),
  setup: SetupSchema.default({}),
  steps: z.array(z.union([CustomerStepSchema, OperatorStepSchema])).min(1),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioStep = Scenario['steps'][number];

/** One failed expectation. `step` is 1-based; 0 means the file or setup. */
export interface ScenarioFailure {
  name: string;
  step: number;
  expected: string;
  actual: string;
}

/** What `switchboard eval scenarios --json` prints. */
export interface ScenarioReport {
  /** Scenarios run (files found). */
  scenarios: number;
  /** Scenarios with no failure. */
  passed: number;
  failed: ScenarioFailure[];
}
