import type { AgentRunOutput, Entities } from '@switchboard/core';
import type { PlaybookRun } from './context.js';
import { replies } from './replies.js';

/** Whether a message carries anything that can verify identity: an email, a name or a zip code. */
export function givesIdentityDetails(entities: Entities): boolean {
  return entities.emails.length > 0 || entities.personNames.length > 0 || entities.zipCodes.length > 0;
}

/** Either the verified customer id, or the reply asking for what is missing. */
export type IdentityStep = { ok: true; customerId: string } | { ok: false; output: AgentRunOutput };

const TRIED = 'identityTried';

/**
 * Verifies the customer before any account data: reuses a verified identity, else tries emails
 * and name + zip the customer has given in this conversation (never asking twice for a fact
 * already captured), else asks. Each lookup goes through the scoped `find_user_id_*` tools.
 */
export async function ensureIdentity(run: PlaybookRun, purpose: string): Promise<IdentityStep> {
  if (run.identity) return { ok: true, customerId: run.identity.customerId };
  const entities = run.input.conversation.entities;
  const tried = new Set(Array.isArray(run.dialog.slots[TRIED]) ? (run.dialog.slots[TRIED] as string[]) : []);
  let failed = false;

  for (const email of [...entities.emails].reverse()) {
    const key = `email:${email.toLowerCase()}`;
    if (tried.has(key)) continue;
    tried.add(key);
    const found = await run.tool<string>('find_user_id_by_email', { email });
    if (found.ok) return verified(run, { customerId: found.output, by: 'email', tried });
    failed = true;
  }

  const name = entities.personNames.at(-1);
  const zip = entities.zipCodes.at(-1);
  if (name !== undefined && zip !== undefined) {
    const [firstName, ...rest] = name.trim().split(/\s+/);
    const lastName = rest.join(' ');
    const key = `name:${name.toLowerCase()}|${zip}`;
    if (firstName && lastName && !tried.has(key)) {
      tried.add(key);
      const found = await run.tool<string>('find_user_id_by_name_zip', { first_name: firstName, last_name: lastName, zip });
      if (found.ok) return verified(run, { customerId: found.output, by: 'name_zip', tried });
      failed = true;
    }
  }
  run.dialog.slots[TRIED] = [...tried];

  if (failed) return { ok: false, output: run.ask('identity', replies.identityNotFound(), { failed: true }) };
  if (run.answering === 'identity' && name !== undefined && zip === undefined) return { ok: false, output: run.ask('identity', replies.identityIncomplete()) };
  return { ok: false, output: run.ask('identity', replies.askIdentity(purpose), { failed: run.answering === 'identity' }) };
}

function verified(run: PlaybookRun, input: { customerId: string; by: 'email' | 'name_zip'; tried: Set<string> }): IdentityStep {
  run.dialog.slots[TRIED] = [...input.tried];
  run.setIdentity({ customerId: input.customerId, verifiedBy: input.by });
  return { ok: true, customerId: input.customerId };
}
