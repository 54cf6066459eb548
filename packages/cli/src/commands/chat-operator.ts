/**
 * Operator commands inside `switchboard chat`, so one terminal shows both sides of the desk:
 * `/tickets`, `/claim ID`, `/op TEXT`, `/resolve [NOTE]`, `/return NOTE`, `/approvals`,
 * `/approve ID`, `/deny ID [NOTE]`, `/help`. The operator is `op_cli`.
 */
import { claimTicket, decideApproval, replyAsOperator, resolveTicket, returnToBot, SwitchboardError } from '@switchboard/core';
import type { DeskRuntime } from '../runtime.js';

export const CHAT_OPERATOR_ID = 'op_cli';

const HELP = [
  'Operator commands (you act as operator op_cli):',
  '  /tickets            open tickets, urgent first, with SLA due times',
  '  /claim ID           claim a ticket (the bot goes silent in that conversation)',
  '  /op TEXT            reply to the customer as the operator',
  '  /resolve [NOTE]     resolve the claimed ticket',
  '  /return NOTE        hand the conversation back to the bot with a note',
  '  /approvals          pending approvals (write actions, shadow-mode replies)',
  '  /approve ID | /deny ID [NOTE]',
  '  /quit               leave',
].join('\n');

/** State of the operator side within one chat session. */
export interface OperatorSession {
  claimedTicketId?: string;
}

/**
 * Runs one slash command. @returns the text to print, or `undefined` when `line` is not a command.
 * Errors with a code (CONFLICT, NOT_FOUND…) are printed, never thrown.
 */
export async function runOperatorCommand(options: { runtime: DeskRuntime; line: string; session: OperatorSession; conversationId: string }): Promise<string | undefined> {
  const { runtime, session } = options;
  const match = /^\/(\w+)\s*(.*)$/s.exec(options.line.trim());
  if (!match) return undefined;
  const [, command, rest = ''] = match;
  const argument = rest.trim();
  const ports = { ...runtime.ports, approvals: runtime.database.approvals };
  try {
    switch (command) {
      case 'help':
        return HELP;
      case 'tickets': {
        const tickets = (await runtime.database.tickets.list()).filter((ticket) => ticket.status !== 'resolved');
        if (tickets.length === 0) return 'No open tickets.';
        return tickets.map((ticket) => `${ticket.id}  ${ticket.priority.padEnd(6)}  ${ticket.queue.padEnd(9)}  ${ticket.status.padEnd(8)}  due ${ticket.slaDueAt}  ${ticket.trigger}\n    ${ticket.summary.slice(0, 220)}`).join('\n');
      }
      case 'claim': {
        const ticketId = argument || (await runtime.database.tickets.list({ conversationId: options.conversationId, status: 'open' }))[0]?.id;
        if (!ticketId) return 'No open ticket to claim.';
        const claimed = await claimTicket({ ports, ticketId, operatorId: CHAT_OPERATOR_ID });
        if (!claimed) return `${ticketId} was already claimed.`;
        session.claimedTicketId = claimed.id;
        return `Claimed ${claimed.id}. The bot is silent in that conversation until you resolve or return it.`;
      }
      case 'op': {
        if (!session.claimedTicketId) return 'Claim a ticket first (/claim).';
        await replyAsOperator({ ports, ticketId: session.claimedTicketId, operatorId: CHAT_OPERATOR_ID, text: argument });
        return `Operator> ${argument}`;
      }
      case 'resolve': {
        if (!session.claimedTicketId) return 'Claim a ticket first (/claim).';
        const resolved = await resolveTicket({ ports, ticketId: session.claimedTicketId, operatorId: CHAT_OPERATOR_ID, ...(argument ? { note: argument } : {}) });
        delete session.claimedTicketId;
        return `Resolved ${resolved.id}.`;
      }
      case 'return': {
        if (!session.claimedTicketId) return 'Claim a ticket first (/claim).';
        const conversation = await returnToBot({ ports, ticketId: session.claimedTicketId, operatorId: CHAT_OPERATOR_ID, note: argument || 'Returned to the bot' });
        delete session.claimedTicketId;
        return `Returned ${conversation.id} to the bot with the note "${argument || 'Returned to the bot'}".`;
      }
      case 'approvals': {
        const pending = await runtime.database.approvals.list({ status: 'pending' });
        if (pending.length === 0) return 'No pending approvals.';
        return pending.map((approval) => `${approval.id}  ${approval.kind}  ${approval.toolName ?? ''}  ${approval.reason}`).join('\n');
      }
      case 'approve':
      case 'deny': {
        const [approvalId, ...noteWords] = argument.split(/\s+/);
        if (!approvalId) return `Usage: /${command} ID`;
        const note = noteWords.join(' ');
        const decided = await decideApproval({ ports, approvalId, decision: { status: command === 'approve' ? 'approved' : 'denied', operatorId: CHAT_OPERATOR_ID, ...(note ? { note } : {}) } });
        return `${decided.approval.id} ${decided.approval.status}.${decided.message ? `\nTo the customer: ${decided.message.text}` : ''}`;
      }
      case undefined:
      default:
        return `Unknown command /${command ?? ''}. Type /help.`;
    }
  } catch (error) {
    if (error instanceof SwitchboardError) return `(${error.code}: ${error.message})`;
    throw error;
  }
}
