/**
 * The console's routes, as paths under `/console` (the server serves `console.html` for
 * `/console` and `/console/*`): a tiny history-API router, since five screens need no library.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'inbox'; ticketId?: string }
  | { screen: 'approvals' }
  | { screen: 'conversations' }
  | { screen: 'timeline'; conversationId: string }
  | { screen: 'graph' }
  | { screen: 'metrics' };

const BASE = '/console';

/** The route of a pathname; unknown paths show the inbox. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.replace(/^\/console\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [screen, id] = parts;
  switch (screen) {
    case 'approvals':
      return { screen: 'approvals' };
    case 'conversations':
      return id ? { screen: 'timeline', conversationId: id } : { screen: 'conversations' };
    case 'graph':
      return { screen: 'graph' };
    case 'metrics':
      return { screen: 'metrics' };
    case 'inbox':
      return id ? { screen: 'inbox', ticketId: id } : { screen: 'inbox' };
    case undefined:
    default:
      return { screen: 'inbox' };
  }
}

/** The path of a route (inverse of {@link parseRoute}). */
export function routePath(route: Route): string {
  switch (route.screen) {
    case 'inbox':
      return route.ticketId ? `${BASE}/inbox/${encodeURIComponent(route.ticketId)}` : `${BASE}/inbox`;
    case 'timeline':
      return `${BASE}/conversations/${encodeURIComponent(route.conversationId)}`;
    case 'approvals':
    case 'conversations':
    case 'graph':
    case 'metrics':
      return `${BASE}/${route.screen}`;
  }
}

/** Moves to a route without a reload. */
export function navigate(route: Route): void {
  window.history.pushState(null, '', routePath(route));
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** The current route; follows links, back and forward. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
