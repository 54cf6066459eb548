/**
 * The `@openai/agents` side of the orchestration benchmark: the same workload — a triage agent
 * hands off to an orders agent, which calls a tool and answers — on a zero-latency scripted
 * model, tracing disabled. `@openai/agents` is a devDependency, loaded only when the bench runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BENCH_MESSAGE, BENCH_REPLY, type BenchWorkload } from './orchestration-ours.js';

/** The parts of `@openai/agents` the workload uses (typed here so the package stays optional). */
interface AgentsModule {
  Agent: { create(config: Record<string, unknown>): unknown; new (config: Record<string, unknown>): unknown };
  Runner: new (config: Record<string, unknown>) => { run(agent: unknown, input: string): Promise<{ finalOutput?: unknown }> };
  Usage: new (input: Record<string, number>) => unknown;
  tool(config: Record<string, unknown>): unknown;
  setTracingDisabled(disabled: boolean): void;
}

/** The version in the package.json of the package whose entry file is `entryUrl` (its `exports` hide package.json). */
function packageVersion(entryUrl: string): string {
  const path = fileURLToPath(entryUrl);
  const root = path.slice(0, path.lastIndexOf('/node_modules/@openai/agents/') + '/node_modules/@openai/agents/'.length);
  try {
    return (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Loads `@openai/agents`, or explains why it cannot be loaded. */
export async function loadOpenAiAgents(): Promise<{ module: AgentsModule; version: string } | { error: string }> {
  try {
    const module = (await import('@openai/agents')) as unknown as AgentsModule;
    return { module, version: packageVersion(import.meta.resolve('@openai/agents')) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The workload on `@openai/agents` (3 model calls per run: handoff, tool call, answer). */
export function createAgentsWorkload(agents: AgentsModule): BenchWorkload {
  agents.setTracingDisabled(true);
  const usage = () => new agents.Usage({ requests: 1, inputTokens: 10, outputTokens: 5, totalTokens: 15 });
  let calls = 0;
  const model = {
    getResponse() {
      calls += 1;
      switch (calls % 3) {
        case 1:
          return Promise.resolve({ usage: usage(), output: [{ type: 'function_call', callId: `call_${calls}`, name: 'transfer_to_orders', arguments: '{}', status: 'completed' }] });
        case 2:
          return Promise.resolve({ usage: usage(), output: [{ type: 'function_call', callId: `call_${calls}`, name: 'get_order_status', arguments: '{"order_id":"#W1234567"}', status: 'completed' }] });
        default:
          return Promise.resolve({ usage: usage(), output: [{ type: 'message', id: `msg_${calls}`, role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: BENCH_REPLY }] }] });
      }
    },
    getStreamedResponse() {
      throw new Error('the benchmark does not stream');
    },
  };
  const getOrderStatus = agents.tool({
    name: 'get_order_status',
    description: 'Status of one of the customer\'s orders.',
    parameters: z.object({ order_id: z.string() }),
    execute: (input: { order_id: string }) => Promise.resolve({ order_id: input.order_id, status: 'delivered' }),
  });
  const orders = new agents.Agent({ name: 'orders', instructions: 'You handle order questions.', tools: [getOrderStatus], model });
  const triage = agents.Agent.create({ name: 'triage', instructions: 'Route the customer to the right agent.', handoffs: [orders], model });
  const runner = new agents.Runner({ tracingDisabled: true });
  return {
    modelCallsPerRun: 3,
    async run() {
      const result = await runner.run(triage, BENCH_MESSAGE);
      if (result.finalOutput !== BENCH_REPLY) throw new Error(`@openai/agents run produced an unexpected output: ${String(result.finalOutput)}`);
    },
  };
}
