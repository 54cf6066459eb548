/**
 * The tools a model sees in one agent run: the agent's scoped toolbox (every call goes through the
 * gateway: identity, scopes, schemas, approvals, idempotency), the built-in consultation tool, a
 * `transfer_to_<agent>` tool per allowed handoff and `escalate_to_human`.
 */
import type { z } from 'zod';
import type { AgentConfig, AgentToolbox, AnyToolDefinition, ToolCallResult } from '@switchboard/core';
import type { LoopTool } from './loop.js';
import { DelegateArgsSchema, EscalateArgsSchema, toProviderJsonSchema, TransferArgsSchema, type ProviderJsonSchema } from './schemas.js';

/** Name of the core toolbox's built-in consultation tool. */
export const DELEGATE_TOOL_NAME = 'delegate_to_agent';
/** Name of the escalation tool. */
export const ESCALATE_TOOL_NAME = 'escalate_to_human';
/** Prefix of handoff tools (`transfer_to_orders`). */
export const TRANSFER_TOOL_PREFIX = 'transfer_to_';

/** What the model may know about a tool: description, JSON Schema of its input, read or write. */
export interface ToolDescriptor {
  name: string;
  description: string;
  inputJsonSchema: ProviderJsonSchema;
  kind: 'read' | 'write';
}

/** Tool descriptors by name, computed once from the gateway's tool definitions. */
export type ToolCatalog = ReadonlyMap<string, ToolDescriptor>;

const ANY_OBJECT: ProviderJsonSchema = { type: 'object', additionalProperties: true };
/** Built once per process: converting schemas is the expensive part of describing tools. */
const DELEGATE_SCHEMA = toProviderJsonSchema(DelegateArgsSchema);
const TRANSFER_SCHEMA = toProviderJsonSchema(TransferArgsSchema);
const ESCALATE_SCHEMA = toProviderJsonSchema(EscalateArgsSchema);

/**
 * Describes `definitions` for models (name, description, input JSON Schema, kind). Read-only: the
 * engine never executes a definition; calls go through the run's toolbox.
 */
export function createToolCatalog(definitions: readonly AnyToolDefinition[]): ToolCatalog {
  const entries = definitions.map((definition): [string, ToolDescriptor] => {
    let inputJsonSchema: ToolDescriptor['inputJsonSchema'];
    try {
      inputJsonSchema = toProviderJsonSchema(definition.input);
    } catch {
      inputJsonSchema = ANY_OBJECT;
    }
    return [definition.name, { name: definition.name, description: definition.description, inputJsonSchema, kind: definition.kind }];
  });
  return new Map(entries);
}

/** What the model asked for besides tool calls: a transfer or an escalation (the first one wins). */
export type RunRequest =
  | { type: 'handoff'; toAgent: string; args: z.infer<typeof TransferArgsSchema> }
  | { type: 'escalate'; args: z.infer<typeof EscalateArgsSchema> };

/** Mutable record of one run, filled by the tools. */
export interface RunRecorder {
  request?: RunRequest;
  /** Successful tool outputs, in call order (QA evidence). */
  outputs: unknown[];
  actions: { tool: string; ok: boolean; summary: string }[];
}

/** Options of {@link buildToolSet}. */
export interface ToolSetOptions {
  agent: AgentConfig;
  /** Every agent of the desk (transfer tool descriptions). */
  agents: readonly AgentConfig[];
  toolbox: AgentToolbox;
  catalog: ToolCatalog;
  recorder: RunRecorder;
  /** A consulted agent (`reason: delegate`) may not transfer or escalate. */
  consulted: boolean;
}

/** Turns a gateway result into what the model reads: the output, or `{ ok: false, error }` it can act on. */
function forModel(result: ToolCallResult): unknown {
  return result.ok ? { ok: true, output: result.output } : { ok: false, error: { code: result.error.code, message: result.error.message } };
}

/** Calls a toolbox tool and records its output and action for the run. */
async function callThrough(call: { toolbox: AgentToolbox; recorder: RunRecorder; name: string; args: unknown }): Promise<unknown> {
  const { recorder, name } = call;
  const result = await call.toolbox.call(name, call.args);
  if (result.ok) recorder.outputs.push(result.output);
  recorder.actions.push({ tool: name, ok: result.ok, summary: result.ok ? `${name} succeeded` : `${name} failed (${result.error.code})` });
  return forModel(result);
}

/**
 * The tools of one run, for the step loop. Tool functions are methods, not arrow properties, and
 * helpers are module functions: under tsx every named closure costs a `defineProperty` per run. Gateway tools take their input as JSON Schema without
 * loop-side validation: arguments go to the gateway, whose schema check returns
 * `TOOL_INVALID_ARGUMENTS` as a result the model sees (and the audit log records). The built-in
 * transfer and escalation tools are validated once with their zod schemas by the loop (the
 * consultation tool by the toolbox, like gateway tools). Arguments that are not JSON at all become
 * a tool error the model sees; neither ever throws out of the run.
 * @returns tools by name: the toolbox's available tools, then (unless `consulted`) one
 *   `transfer_to_<agent>` per allowed handoff and `escalate_to_human`.
 */
export function buildToolSet(options: ToolSetOptions): Record<string, LoopTool> {
  const { toolbox, recorder } = options;
  const tools: Record<string, LoopTool> = {};
  for (const name of toolbox.available) {
    if (name === DELEGATE_TOOL_NAME) {
      const delegates = options.agent.delegates ?? [];
      tools[name] = {
        description: `Consult another agent for part of the request and use its answer in yours. Agents: ${delegates.join(', ')}.`,
        // The toolbox validates consultation arguments (TOOL_INVALID_ARGUMENTS), like gateway tools.
        inputSchema: DELEGATE_SCHEMA,
        execute(args) {
          return callThrough({ toolbox, recorder, name, args });
        },
      };
      continue;
    }
    const descriptor = options.catalog.get(name);
    tools[name] = {
      description: descriptor?.description ?? name.replace(/_/g, ' '),
      inputSchema: descriptor?.inputJsonSchema ?? ANY_OBJECT,
      execute(args) {
        return callThrough({ toolbox, recorder, name, args });
      },
    };
  }
  if (options.consulted) return tools;
  for (const target of options.agent.handoffs) {
    const agent = options.agents.find((candidate) => candidate.id === target);
    if (!agent || agent.role === 'escalation' || agent.id === options.agent.id) continue;
    tools[`${TRANSFER_TOOL_PREFIX}${agent.id}`] = {
      description: `Transfer the conversation to ${agent.name}: ${agent.description}`,
      inputSchema: TRANSFER_SCHEMA,
      schema: TransferArgsSchema,
      execute(args) {
        recorder.request ??= { type: 'handoff', toAgent: agent.id, args: args as z.infer<typeof TransferArgsSchema> };
        return Promise.resolve({ ok: true, output: `Transferring to ${agent.name}.` });
      },
    };
  }
  tools[ESCALATE_TOOL_NAME] = {
    description: 'Hand the conversation to a human agent: the customer asked for a person, threatens legal action, or you cannot help safely.',
    inputSchema: ESCALATE_SCHEMA,
    schema: EscalateArgsSchema,
    execute(args) {
      recorder.request ??= { type: 'escalate', args: args as z.infer<typeof EscalateArgsSchema> };
      return Promise.resolve({ ok: true, output: 'A human agent will take over.' });
    },
  };
  return tools;
}
