/**
 * Loads one protocol resource for a screen and re-loads it on demand or on a period: the last
 * good value stays on screen while a refresh runs or fails.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError } from '../api.js';
import type { ApiError } from '../api.js';

export interface Resource<Value> {
  data: Value | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * @param load - The call; a new function identity re-loads (wrap it in `useCallback`).
 * @param options.refreshMs - Re-load period in milliseconds; `undefined` = only on demand.
 */
export function useResource<Value>(load: () => Promise<Value>, options: { refreshMs?: number } = {}): Resource<Value> {
  const [data, setData] = useState<Value>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    load().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (caught: unknown) => {
        if (mine !== generation.current) return;
        setError(asApiError(caught));
        setLoading(false);
      },
    );
  }, [load]);

  useEffect(() => {
    reload();
    if (options.refreshMs === undefined) return undefined;
    const timer = setInterval(reload, options.refreshMs);
    return () => clearInterval(timer);
  }, [reload, options.refreshMs]);

  return { data, error, loading, reload };
}
