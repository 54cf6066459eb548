import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '@switchboard/core';

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Random ids: `prefix_` + 12 hex characters (tickets: `T-` + 8 upper-case hex characters, easy to read out). */
export const randomIds: IdGenerator = {
  next(prefix) {
    const hex = randomUUID().replace(/-/g, '');
    return prefix === 'T' ? `T-${hex.slice(0, 8).toUpperCase()}` : `${prefix}_${hex.slice(0, 12)}`;
  },
};
