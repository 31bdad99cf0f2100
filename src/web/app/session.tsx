import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError } from './http.ts';

export type User = {
  id: number;
  username: string;
  name: string;
  role: 'caseworker' | 'mentor' | 'coordinator' | 'manager' | 'admin';
  municipalityName: string;
  /** A one-time password: the user must choose their own before anything else (issue 11). */
  mustChangePassword: boolean;
};

type Session = {
  user: User | null;
  loading: boolean;
  logIn: (username: string, password: string) => Promise<void>;
  logOut: () => Promise<void>;
  /** Reads the logged-in user again (after a change to it, e.g. a new password). */
  refresh: () => Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    api<{ user: User }>('GET', '/api/auth/me')
      .then((r) => setUser(r.user))
      .catch((error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
      })
      .finally(() => setLoading(false));
  }, []);
  const logIn = useCallback(async (username: string, password: string) => {
    const r = await api<{ user: User }>('POST', '/api/auth/login', { username, password });
    setUser(r.user);
  }, []);
  const logOut = useCallback(async () => {
    await api('POST', '/api/auth/logout');
    setUser(null);
    window.location.hash = '/';
  }, []);
  const refresh = useCallback(async () => {
    setUser((await api<{ user: User }>('GET', '/api/auth/me')).user);
  }, []);
  return <SessionContext.Provider value={{ user, loading, logIn, logOut, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
