/**
 * `switchboard mcp serve`: the demo store's tools as an MCP server on stdio (issue 4, item 7).
 */
import type { Command } from 'commander';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createDemoTools } from '@switchboard/demo-store';
import { createToolsMcpServer } from '../mcp/server.js';
import { openSeededDatabase } from '../runtime.js';
import { randomIds, systemClock } from '../system.js';
import { commandGroup } from './eval-triage.js';

/** Storage flags of `mcp serve`. */
export interface McpServeFlags {
  db?: string;
  dataDir?: string;
  memory?: boolean;
}

/**
 * Serves the demo store's tools over MCP on stdin/stdout until stdin closes, on the desk's
 * database (seeded with the generated store when empty): identity binding per session,
 * idempotent writes in the database's log, refunds above the limit held in its approval queue.
 * Nothing else is written to stdout (it carries the protocol).
 * @returns when the client disconnects and the database is closed.
 */
export async function runMcpServe(flags: McpServeFlags): Promise<void> {
  const database = await openSeededDatabase({
    ...(flags.db ? { databaseUrl: flags.db } : {}),
    ...(flags.memory ? { inMemory: true } : flags.dataDir ? { dataDir: flags.dataDir } : {}),
  });
  const server = createToolsMcpServer({
    tools: createDemoTools({ commerce: database.commerce, outbox: database.outbox, newsletter: database.newsletter, clock: systemClock }),
    toolCalls: database.toolCalls,
    approvals: { queue: database.approvals, clock: systemClock, ids: randomIds },
  });
  const closed = new Promise<void>((resolve) => {
    server.onclose = resolve;
  });
  await server.connect(new StdioServerTransport());
  process.stdin.once('end', () => void server.close());
  await closed;
  await database.close();
}

/** Registers `mcp serve`. */
export function registerMcpCommands(program: Command): void {
  commandGroup(program, { name: 'mcp', description: 'Model Context Protocol' })
    .command('serve')
    .description('serve the demo store\u2019s tools as an MCP server on stdio (identity, idempotency and approvals enforced)')
    .option('--db <url>', 'PostgreSQL URL (default: $DATABASE_URL, else embedded PGlite)')
    .option('--data-dir <dir>', 'PGlite data directory', '.switchboard/db')
    .option('--memory', 'use a throwaway in-memory database (seeded with the generated store)')
    .action(async (flags: McpServeFlags) => {
      await runMcpServe({ ...flags, ...(flags.db === undefined && process.env.DATABASE_URL ? { db: process.env.DATABASE_URL } : {}) });
    });
}
