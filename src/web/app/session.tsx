import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { authApi } from '../features/login/api-client.ts';
import { ApiError } from './http.ts';

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
    authApi
      .me()
      .then((r) => setUser(r.user))
      .catch((error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
      })
      .finally(() => setLoading(false));
  }, []);
  const logIn = useCallback(async (username: string, password: string) => {
    const r = await authApi.logIn({ username, password });
    setUser(r.user);
  }, []);
  const logOut = useCallback(async () => {
    await authApi.logOut();
    setUser(null);
    window.location.hash = '/';
  }, []);
  const refresh = useCallback(async () => {
    setUser((await authApi.me()).user);
  }, []);
  return <SessionContext.Provider value={{ user, loading, logIn, logOut, refresh }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
