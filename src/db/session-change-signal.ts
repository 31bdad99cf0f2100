/**
 * In-process signal that a session, or a user a session belongs to, changed (logout, deactivation,
 * a new role). The session resolver (use-cases/session-cache.ts) forgets what it kept at once, in the
 * process that made the change; other processes learn it from PostgreSQL's notification at commit.
 */
const subscribers = new Set<() => void>();

export function onSessionChange(subscriber: () => void): () => void {
  subscribers.add(subscriber);
  return () => subscribers.delete(subscriber);
}

export function signalSessionChange(): void {
  for (const subscriber of subscribers) subscriber();
}
