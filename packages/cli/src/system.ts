/** Real clock and random ids, shared with the server's composition root. */
export { randomIds, systemClock } from '@switchboard/server';
