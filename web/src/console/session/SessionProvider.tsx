// Who is signed in: loads /api/auth/me once, offers sign-in and sign-out, and drops the session when the server says it ended.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { fetchMe, login as apiLogin, logout as apiLogout } from '../../api/auth.ts';
import { ApiError, onUnauthenticated } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';

export type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'error'; error: unknown } | { status: 'signed-in'; me: Me };

interface SessionValue {
  state: SessionState;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  reload: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      setState({ status: 'signed-in', me: await fetchMe() });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous' });
      else setState({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    void reload();
    onUnauthenticated(() => setState({ status: 'anonymous' }));
    return () => onUnauthenticated(null);
  }, [reload]);

  const signIn = useCallback(async (username: string, password: string) => {
    const me = await apiLogin(username, password);
    setState({ status: 'signed-in', me });
    return me;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setState({ status: 'anonymous' });
    }
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, reload }), [state, signIn, signOut, reload]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() used outside <SessionProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind the login gate. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe() used before sign-in');
  return state.me;
}

export function can(me: Me, permission: string): boolean {
  return me.permissions.includes(permission);
}

/** The unit a page starts on: the user's first membership's unit, or the country. */
export function homeUnitCode(me: Me): string {
  return me.memberships[0]?.unitCode ?? 'VN';
}
