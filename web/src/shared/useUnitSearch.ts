// Debounced, cancellable unit search against /api/units?q= (the server ignores diacritics).
import { useEffect, useState } from 'react';
import { searchUnits } from '../api/units.ts';
import type { Unit } from '../api/types.ts';
import { isAbort } from './errors.ts';
import { useDebounced } from './useDebounced.ts';

export interface UnitSearch {
  status: 'idle' | 'loading' | 'done' | 'error';
  /** The query the items answer (may lag behind what is typed). */
  query: string;
  items: Unit[];
  error?: unknown;
}

const idle: UnitSearch = { status: 'idle', query: '', items: [] };

export function useUnitSearch(text: string, delayMs = 250): UnitSearch {
  const query = useDebounced(text.trim(), delayMs);
  const [state, setState] = useState<UnitSearch>(idle);

  useEffect(() => {
    if (!query) {
      setState(idle);
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, status: 'loading' }));
    searchUnits(query, controller.signal).then(
      (items) => setState({ status: 'done', query, items }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error', query, items: [], error });
      },
    );
    return () => controller.abort();
  }, [query]);

  return state;
}
