import type { Database } from '../database.ts';

/** Logins through the identity provider under way (migration 20261204T0500). */
export function oidcLoginsRepository(db: Database) {
  return {
    async start(input: { state: string; nonce: string; codeVerifier: string; now: Date }): Promise<void> {
      await db.query('delete from oidc_logins where created_at < $1', [new Date(input.now.getTime() - oidcLoginLifetimeMs)]);
      await db.query('insert into oidc_logins (state, nonce, code_verifier, created_at) values ($1, $2, $3, $4)', [
        input.state,
        input.nonce,
        input.codeVerifier,
        input.now,
      ]);
    },
    /** The login started with `state`, once: the row is deleted as it is read. Null when unknown or too old. */
    async take(state: string, now: Date): Promise<{ nonce: string; codeVerifier: string } | null> {
      const [row] = await db.query<{ nonce: string; codeVerifier: string }>(
        `delete from oidc_logins where state = $1 and created_at >= $2 returning nonce, code_verifier as "codeVerifier"`,
        [state, new Date(now.getTime() - oidcLoginLifetimeMs)],
      );
      return row ?? null;
    },
  };
}

export const oidcLoginLifetimeMs = 10 * 60 * 1000;
