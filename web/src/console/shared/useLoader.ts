// Loads data for a page when its inputs change, drops stale answers, and can be asked to load again after a change.
import { useCallback, useEffect, useState } from 'react';
import type { DependencyList } from 'react';
import { isAbort } from '../../shared/errors.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useLoader<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal).then(
      (value) => {
        setData(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (isAbort(failure)) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure on every render; the caller's deps say when it really changes.
  }, [...deps, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload };
}
