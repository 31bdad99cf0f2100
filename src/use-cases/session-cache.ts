import type { Database } from '../db/database.ts';
import { onSessionChange } from '../db/session-change-signal.ts';
import { resolveSession, type ResolvedSession } from './log-in.ts';

/**
 * Resolves session tokens to actors, keeping those already resolved in memory so most requests save a
 * round trip to PostgreSQL (issue 10's throughput). Safe across processes: the database notifies
 * `mentorspor_sessions` at the commit of any change to sessions, to a user's name, role, mentor,
 * municipality or active flag, or to a municipality's name (migration
 * 20261204T0430_session-change-notifications.sql), and every process then forgets every session it
 * kept. The process that makes such a change forgets at once (db/session-change-signal.ts, raised by
 * the repositories); the others within the time the notification takes to arrive (milliseconds). A
 * session is never kept past its expiry.
 *
 * Nothing is kept while the notifications cannot be trusted: without a listening connection (PGlite,
 * or a lost connection until it is back) every request asks the database. A resolution that was under
 * way when a notification arrived is not kept (the generation check), so it cannot outlive the change.
 */
export type SessionResolver = {
  resolve(token: string, now: Date): Promise<ResolvedSession | null>;
  close(): Promise<void>;
};

const channel = 'mentorspor_sessions';
const maxEntries = 10_000;
const reconnectDelayMs = 1_000;

export async function openSessionResolver(db: Database, options: { log?: (message: string) => void } = {}): Promise<SessionResolver> {
  const kept = new Map<string, ResolvedSession>();
  let generation = 0;
  let listening = false;
  let closed = false;
  let stopListening: (() => Promise<void>) | null = null;
  let retry: NodeJS.Timeout | null = null;

  const forgetAll = () => {
    kept.clear();
    generation += 1;
  };
  const startListening = async (): Promise<void> => {
    if (!db.listen || closed) return;
    try {
      stopListening = await db.listen(channel, {
        onNotify: forgetAll,
        onLost: () => {
          listening = false;
          forgetAll();
          options.log?.('session notifications lost; sessions are read from the database until they are back');
          scheduleRetry();
        },
      });
      // Changes made while nobody listened are covered: nothing was kept meanwhile.
      forgetAll();
      listening = !closed;
    } catch {
      scheduleRetry();
    }
  };
  const scheduleRetry = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void startListening();
    }, reconnectDelayMs);
    retry.unref();
  };
  await startListening();
  const unsubscribe = onSessionChange(forgetAll);

  return {
    async resolve(token, now) {
      const known = listening ? kept.get(token) : undefined;
      if (known && known.expiresAt > now) return known;
      const startedIn = generation;
      const found = await resolveSession(db, token, now);
      if (!found) {
        kept.delete(token);
        return null;
      }
      if (listening && startedIn === generation) {
        if (kept.size >= maxEntries) kept.clear();
        kept.set(token, found);
      }
      return found;
    },
    async close() {
      closed = true;
      listening = false;
      unsubscribe();
      if (retry) clearTimeout(retry);
      forgetAll();
      await stopListening?.();
    },
  };
}
