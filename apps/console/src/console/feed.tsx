/**
 * The desk-wide live feed of the console: one `GET /v1/stream` (operator key) whose `ticket`,
 * `message`, `turn` and `audit` frames screens subscribe to. When the server has no desk stream
 * (an older server: the first connection fails before it ever opens), the feed says `polling`
 * and screens re-read on a timer instead.
 */
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { openEventStream } from '../api.js';
import type { AgentEvent, Message, Ticket, TurnFrame } from '../api.js';

export type FeedEvent = { kind: 'ticket'; ticket: Ticket } | { kind: 'message'; message: Message } | { kind: 'turn'; turn: TurnFrame } | { kind: 'audit'; event: AgentEvent };
export type FeedState = 'connecting' | 'live' | 'reconnecting' | 'polling';

export interface DeskFeed {
  state: FeedState;
  /** @returns the function that stops listening. */
  subscribe: (listener: (event: FeedEvent) => void) => () => void;
}

/** Re-read periods of screens, in milliseconds: slow while the feed pushes changes, faster while polling. */
export const REFRESH_MS = Object.freeze({ live: 30_000, polling: 5_000 });

const FeedContext = createContext<DeskFeed>({ state: 'polling', subscribe: () => () => undefined });

export function DeskFeedProvider(props: { operatorKey: string; children: ReactNode }) {
  const [state, setState] = useState<FeedState>('connecting');
  const listeners = useMemo(() => new Set<(event: FeedEvent) => void>(), []);

  useEffect(() => {
    const emit = (event: FeedEvent) => {
      for (const listener of [...listeners]) listener(event);
    };
    let opened = false;
    const stream = openEventStream({
      path: '/v1/stream',
      token: props.operatorKey,
      handlers: {
        onTicket: (ticket) => emit({ kind: 'ticket', ticket }),
        onMessage: (message) => emit({ kind: 'message', message }),
        onTurn: (turn) => emit({ kind: 'turn', turn }),
        onAudit: (event) => emit({ kind: 'audit', event }),
        onState: (next) => {
          if (next === 'open') {
            opened = true;
            setState('live');
          } else if (next === 'reconnecting' && !opened) {
            stream.close();
            setState('polling');
          } else if (next === 'reconnecting') {
            setState('reconnecting');
          }
        },
      },
    });
    return () => stream.close();
  }, [props.operatorKey, listeners]);

  const feed = useMemo<DeskFeed>(() => ({ state, subscribe: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  } }), [state, listeners]);
  return <FeedContext.Provider value={feed}>{props.children}</FeedContext.Provider>;
}

/** The console's feed (polling outside a provider). */
export function useDeskFeed(): DeskFeed {
  return useContext(FeedContext);
}

/** Calls `listener` on every feed event while mounted. */
export function useFeedEvents(listener: (event: FeedEvent) => void): void {
  const feed = useDeskFeed();
  useEffect(() => feed.subscribe(listener), [feed, listener]);
}

/** The re-read period for screens now. */
export function useRefreshMs(): number {
  return useDeskFeed().state === 'live' ? REFRESH_MS.live : REFRESH_MS.polling;
}
