/**
 * How every screen shows a failed call: the error code (docs/errors.md), the message, and a
 * retry button when it makes sense. A route the server does not have yet (`NOT_FOUND` on a
 * console endpoint) shows as "unavailable" instead, so an older server degrades, never breaks.
 */
import type { ApiError } from '../api.js';

export function ErrorPanel(props: { error: ApiError; what: string; onRetry?: () => void }) {
  const { error, what, onRetry } = props;
  const unavailable = error.code === 'NOT_FOUND' && error.status === 404;
  return (
    <div className={unavailable ? 'panel unavailable' : 'panel error'} role={unavailable ? 'status' : 'alert'} data-error-code={error.code}>
      <p>
        <strong>{unavailable ? `${what} is unavailable` : `Could not load ${what.toLowerCase()}`}</strong>
        {' — '}
        {unavailable ? 'this desk server does not offer it yet.' : error.message}
      </p>
      {!unavailable && (
        <p className="muted">
          Error code <code>{error.code}</code>
          {error.requestId ? (
            <>
              {' '}
              · request <code>{error.requestId}</code>
            </>
          ) : null}
        </p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
