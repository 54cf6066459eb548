/**
 * The operator console (served at `/console`): sign in with an operator API key, then the inbox,
 * approvals, live conversations and their timelines, the agent graph and the metrics dashboard,
 * with active alerts in the header. The key lives in `sessionStorage` (this tab only).
 */
import { useCallback, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { asApiError, createOperatorClient } from '../api.js';
import type { ApiError, OperatorClient } from '../api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { AlertsBar } from './Alerts.js';
import { Approvals } from './Approvals.js';
import { Conversations } from './Conversations.js';
import { DeskFeedProvider, useDeskFeed } from './feed.js';
import { AgentGraph } from './graph/AgentGraph.js';
import { Inbox } from './inbox/Inbox.js';
import { Link } from './Link.js';
import { Metrics } from './metrics/Metrics.js';
import { useRoute } from './router.js';
import type { Route } from './router.js';
import { Timeline } from './timeline/Timeline.js';

const KEY_STORAGE = 'switchboard.console.operatorKey';

function storedKey(): string | undefined {
  try {
    return window.sessionStorage.getItem(KEY_STORAGE) ?? undefined;
  } catch {
    return undefined;
  }
}

function Login(props: { onSignedIn: (client: OperatorClient) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<ApiError>();
  const [checking, setChecking] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecking(true);
    const client = createOperatorClient(key.trim());
    try {
      await client.tickets({ limit: 1 });
      try {
        window.sessionStorage.setItem(KEY_STORAGE, client.key);
      } catch {
        // storage disabled: signed in for this page only
      }
      props.onSignedIn(client);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setChecking(false);
    }
  };
  return (
    <main className="login">
      <form onSubmit={(event) => void submit(event)} aria-labelledby="login-title" className="panel">
        <h1 id="login-title">Switchboard console</h1>
        <p className="muted">
          Sign in with an operator API key (<code>sbk_…</code>): <code>npm start</code> prints one, <code>npm run switchboard -- operators create --name NAME</code> makes more.
        </p>
        <label htmlFor="operator-key">Operator key</label>
        <input id="operator-key" type="password" autoComplete="off" spellCheck={false} required value={key} onChange={(event) => setKey(event.target.value)} />
        <button type="submit" className="primary" disabled={checking || key.trim() === ''}>
          Sign in
        </button>
        {error && <ErrorPanel error={error} what={error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN' ? 'Sign-in' : 'The desk'} />}
      </form>
    </main>
  );
}

const SCREENS: { label: string; route: Route; matches: Route['screen'][] }[] = [
  { label: 'Inbox', route: { screen: 'inbox' }, matches: ['inbox'] },
  { label: 'Approvals', route: { screen: 'approvals' }, matches: ['approvals'] },
  { label: 'Conversations', route: { screen: 'conversations' }, matches: ['conversations', 'timeline'] },
  { label: 'Agent graph', route: { screen: 'graph' }, matches: ['graph'] },
  { label: 'Metrics', route: { screen: 'metrics' }, matches: ['metrics'] },
];

const FEED_TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', polling: 'Refreshing every 5 s' } as const;

function Screen(props: { route: Route; client: OperatorClient }) {
  const { route, client } = props;
  switch (route.screen) {
    case 'inbox':
      return <Inbox client={client} {...(route.ticketId ? { ticketId: route.ticketId } : {})} />;
    case 'approvals':
      return <Approvals client={client} />;
    case 'conversations':
      return <Conversations client={client} />;
    case 'timeline':
      return <Timeline client={client} conversationId={route.conversationId} />;
    case 'graph':
      return <AgentGraph client={client} />;
    case 'metrics':
      return <Metrics client={client} />;
  }
}

function Shell(props: { client: OperatorClient; onSignOut: () => void }) {
  const route = useRoute();
  const feed = useDeskFeed();
  return (
    <div className="console">
      <a className="skip-link" href="#screen">
        Skip to content
      </a>
      <header className="console-header">
        <span className="brand">Switchboard</span>
        <nav aria-label="Console">
          <ul>
            {SCREENS.map((screen) => (
              <li key={screen.label}>
                <Link to={screen.route} current={screen.matches.includes(route.screen)}>
                  {screen.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className={`badge feed-${feed.state}`} role="status" aria-label={`Live updates: ${FEED_TEXT[feed.state]}`}>
          {FEED_TEXT[feed.state]}
        </span>
        <button type="button" className="link" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      <AlertsBar client={props.client} />
      <main id="screen" tabIndex={-1}>
        <Screen route={route} client={props.client} />
      </main>
    </div>
  );
}

export function App() {
  const initialKey = useMemo(storedKey, []);
  const [client, setClient] = useState<OperatorClient | undefined>(() => (initialKey ? createOperatorClient(initialKey) : undefined));
  const signOut = useCallback(() => {
    try {
      window.sessionStorage.removeItem(KEY_STORAGE);
    } catch {
      // nothing stored
    }
    setClient(undefined);
  }, []);
  if (!client) return <Login onSignedIn={setClient} />;
  return (
    <DeskFeedProvider operatorKey={client.key}>
      <Shell client={client} onSignOut={signOut} />
    </DeskFeedProvider>
  );
}
