/**
 * `switchboard operators create|list|revoke`: operator API keys. Keys are stored hashed; `create`
 * prints the key once.
 */
import { createOperatorKey, openSeededDatabase, randomIds, systemClock } from '@switchboard/server';
import type { Command } from 'commander';
import { commandGroup } from './eval-triage.js';
import type { CommandIo } from './eval-triage.js';
import { serviceStorage, withServiceStorage } from './serve.js';
import type { ServiceStorageFlags } from './serve.js';

/** Registers the `operators` group. */
export function registerOperatorCommands(program: Command, io: CommandIo): void {
  const group = commandGroup(program, { name: 'operators', description: 'operator API keys (stored hashed)' });

  withServiceStorage(group.command('create').description('create an operator API key and print it once'))
    .requiredOption('--name <name>', 'the operator the key acts as (shown as the author of their actions)')
    .option('--json', 'print exactly one JSON object')
    .action(async (flags: ServiceStorageFlags & { name: string; json?: boolean }) => {
      const database = await openSeededDatabase(serviceStorage(flags, process.env));
      try {
        const created = await createOperatorKey({ database, name: flags.name, clock: systemClock, ids: randomIds });
        io.stdout.write(flags.json ? `${JSON.stringify(created)}\n` : `operator ${created.name} (${created.id})\nkey: ${created.key}\nStore it now: it is not shown again.\n`);
      } finally {
        await database.close();
      }
    });

  withServiceStorage(group.command('list').description('list operator keys (never the keys themselves)')).action(async (flags: ServiceStorageFlags) => {
    const database = await openSeededDatabase(serviceStorage(flags, process.env));
    try {
      for (const key of await database.operatorKeys.list()) io.stdout.write(`${key.id}  ${key.name}  created ${key.createdAt}${key.revokedAt ? `  revoked ${key.revokedAt}` : ''}\n`);
    } finally {
      await database.close();
    }
  });

  withServiceStorage(group.command('revoke').description('revoke an operator key by id').argument('<id>', 'key id (opk_…)')).action(async (id: string, flags: ServiceStorageFlags) => {
    const database = await openSeededDatabase(serviceStorage(flags, process.env));
    try {
      const revoked = await database.operatorKeys.revoke({ id, at: systemClock.now().toISOString() });
      io.stdout.write(revoked ? `revoked ${id}\n` : `no active key ${id}\n`);
    } finally {
      await database.close();
    }
  });
}
