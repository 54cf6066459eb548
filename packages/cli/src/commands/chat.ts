import { createInterface } from 'node:readline/promises';
import { SwitchboardError, type TurnOutcome } from '@switchboard/core';
import type { DeskRuntime } from '../runtime.js';
import { runOperatorCommand, type OperatorSession } from './chat-operator.js';

/** Options of {@link runChat}. */
export interface ChatOptions {
  runtime: DeskRuntime;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Start as this store customer (identity verified by the channel). */
  customerEmail?: string;
}

/**
 * An interactive terminal conversation: each line the customer types is one turn; each reply is
 * printed with the name of the agent that wrote it, plus a one-line trace (intent, confidence,
 * outcome, ticket). Type `/quit` to leave. Bad input (empty, oversized) gets a clear message.
 * Works with piped input too (one message per line).
 */
export async function runChat(options: ChatOptions): Promise<void> {
  const { runtime, output } = options;
  const write = (text: string) => output.write(`${text}\n`);
  const conversation = await runtime.startConversation({ channel: 'cli', ...(options.customerEmail ? { customerEmail: options.customerEmail } : {}) });
  const names = new Map(runtime.desk.agents.map((agent) => [agent.id, agent.name]));
  write(`Switchboard demo desk — conversation ${conversation.id}${conversation.identity ? ` (signed in as ${conversation.identity.customerId})` : ''}.`);
  write('Ask about an order, a refund, an invoice, your account… Type /help for operator commands, /quit to leave.\n');
  const session: OperatorSession = {};
  const lines = createInterface({ input: options.input, terminal: false });
  const prompt = () => output.write('you> ');
  prompt();
  for await (const line of lines) {
    if (line.trim() === '/quit') break;
    try {
      const operatorOutput = await runOperatorCommand({ runtime, line, session, conversationId: conversation.id });
      if (operatorOutput !== undefined) {
        write(`${operatorOutput}\n`);
        prompt();
        continue;
      }
      const outcome = await runtime.runTurn({ conversationId: conversation.id, text: line });
      for (const reply of outcome.replies) write(`\n${names.get(reply.author) ?? reply.author}> ${reply.text}`);
      write(`   ${describeTrace(outcome)}\n`);
    } catch (error) {
      if (error instanceof SwitchboardError && error.code !== 'INTERNAL') write(`(not sent: ${error.message})\n`);
      else throw error;
    }
    prompt();
  }
  write('\nBye.');
}

function describeTrace(outcome: TurnOutcome): string {
  const triage = outcome.triage;
  const parts = [
    triage ? `intent ${triage.intent} (${triage.confidence.toFixed(2)})` : undefined,
    triage && triage.urgency !== 'normal' ? `urgency ${triage.urgency}` : undefined,
    `outcome ${outcome.outcome}`,
    outcome.ticket ? `ticket ${outcome.ticket.id} → ${outcome.ticket.queue} queue` : undefined,
  ];
  return `[${parts.filter((part) => part !== undefined).join(' · ')}]`;
}
