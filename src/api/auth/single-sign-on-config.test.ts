import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.ts';

/** Single sign-on settings (issue 11): all or nothing, and a clear message for each mistake. */
describe('MENTORSPOR_OIDC_* settings', () => {
  const complete = {
    MENTORSPOR_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
    MENTORSPOR_OIDC_CLIENT_ID: 'mentorspor',
    MENTORSPOR_OIDC_CLIENT_SECRET: 'secret',
    MENTORSPOR_OIDC_REDIRECT_URI: 'https://mentor.kommune.dk/api/auth/oidc/callback',
    MENTORSPOR_OIDC_ROLE_MAP: 'grp-sb=caseworker, grp-ledelse=manager',
  };

  it('is off without settings, and parsed in order with defaults when complete', () => {
    expect(parseConfig({}).oidc).toBeNull();
    const oidc = parseConfig(complete).oidc!;
    expect(oidc.roleMap).toEqual([
      ['grp-sb', 'caseworker'],
      ['grp-ledelse', 'manager'],
    ]);
    expect(oidc).toMatchObject({ roleClaim: 'groups', scopes: 'openid profile email', municipalityCode: null });
    expect(oidc.issuer.href).toBe('https://login.microsoftonline.com/tenant/v2.0');
  });

  it('names what is missing or wrong', () => {
    const { MENTORSPOR_OIDC_CLIENT_SECRET: _, ...partial } = complete;
    expect(() => parseConfig(partial)).toThrow('Single sign-on needs MENTORSPOR_OIDC_CLIENT_SECRET as well');
    expect(() => parseConfig({ ...complete, MENTORSPOR_OIDC_ROLE_MAP: '' })).toThrow('MENTORSPOR_OIDC_ROLE_MAP must map');
    expect(() => parseConfig({ ...complete, MENTORSPOR_OIDC_ROLE_MAP: 'grp-sb=boss' })).toThrow("'grp-sb=boss' is not claim-value=role");
    expect(() => parseConfig({ ...complete, MENTORSPOR_OIDC_ISSUER: 'http://idp.kommune.dk' })).toThrow('must use https');
    expect(() => parseConfig({ ...complete, MENTORSPOR_OIDC_ISSUER: 'not a url' })).toThrow('is not a URL');
    expect(parseConfig({ ...complete, MENTORSPOR_OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc!.issuer.port).toBe('4000');
  });
});
