// Keeps the unit the resident is looking at in the address (?unit=CODE), so Back works and links can be shared.
import { useCallback, useEffect, useState } from 'react';

function readUnit(): string | null {
  return new URLSearchParams(window.location.search).get('unit');
}

export function useUrlUnit(): [string | null, (code: string | null) => void] {
  const [code, setCode] = useState<string | null>(readUnit);

  useEffect(() => {
    const onPop = () => setCode(readUnit());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const select = useCallback((next: string | null) => {
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('unit', next);
    else url.searchParams.delete('unit');
    url.hash = '';
    window.history.pushState(null, '', url);
    setCode(next);
  }, []);

  return [code, select];
}
