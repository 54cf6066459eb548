/**
 * Audit events with personal data masked before they are stored (the service's default; the
 * sensitive-data switch turns it off).
 */
import type { EventLog } from '@switchboard/core';
import { maskDeep } from './mask.js';

/**
 * Wraps an {@link EventLog} so every appended event's `data` has emails, phone numbers, card
 * numbers and street addresses masked (see `maskDeep`). Ids, types, agents and times are kept.
 */
export function createMaskedEventLog(base: EventLog): EventLog {
  return {
    append: (batch) => base.append(batch.map((event) => ({ ...event, data: maskDeep(event.data) as Record<string, unknown> }))),
    list: (conversationId) => base.list(conversationId),
  };
}
