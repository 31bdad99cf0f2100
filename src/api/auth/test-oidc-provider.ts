/**
 * Tests only: a real OpenID Connect provider (`oidc-provider`) on a free loopback port, with one client
 * (`mentorspor`) and the given accounts, whose groups travel in the `groups` claim. Used by the API test
 * and the browser journey of single sign-on (issue 11).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type TestAccount = { sub: string; preferred_username: string; name: string; groups: string[] };

export const testClientSecret = 'a-long-client-secret-for-the-test';

export async function startTestOidcProvider(input: {
  redirectUri: string;
  accounts: Record<string, TestAccount>;
}): Promise<{ issuer: string; close(): Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { accounts } = input;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'mentorspor',
        client_secret: testClientSecret,
        redirect_uris: [input.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'groups'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    findAccount: (_ctx, id) => (accounts[id] ? { accountId: id, claims: () => accounts[id]! } : undefined),
    cookies: { keys: ['a-cookie-key-for-the-test'] },
  });
  server.on('request', provider.callback());
  let closed = false;
  return {
    issuer,
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
