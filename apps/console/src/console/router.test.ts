import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './router.js';
import type { Route } from './router.js';

describe('console routes', () => {
  it('round-trips every screen through its /console path, ids escaped', () => {
    const routes: Route[] = [
      { screen: 'inbox' },
      { screen: 'inbox', ticketId: 'T-1E593F86' },
      { screen: 'approvals' },
      { screen: 'conversations' },
      { screen: 'timeline', conversationId: 'conv/with space' },
      { screen: 'graph' },
      { screen: 'metrics' },
    ];
    for (const route of routes) expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('shows the inbox for /console and for unknown paths', () => {
    expect(parseRoute('/console')).toEqual({ screen: 'inbox' });
    expect(parseRoute('/console/nope')).toEqual({ screen: 'inbox' });
  });
});
