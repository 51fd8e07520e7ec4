import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const provider = {
  SILTA_OIDC_ISSUER: 'https://login.org.example/tenant',
  SILTA_OIDC_CLIENT_ID: 'silta',
  SILTA_OIDC_CLIENT_SECRET: 'secret',
  SILTA_OIDC_REDIRECT_URI: 'https://silta.org.example/api/auth/oidc/callback',
};

describe('the OpenID Connect settings', () => {
  it('are off unless an issuer is set, and link by sub unless told otherwise', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(loadConfig(provider).oidc).toEqual({
      issuer: provider.SILTA_OIDC_ISSUER,
      clientId: 'silta',
      clientSecret: 'secret',
      redirectUri: provider.SILTA_OIDC_REDIRECT_URI,
      linkClaim: 'sub',
      allowHttpIssuer: false,
    });
    expect(loadConfig({ ...provider, SILTA_OIDC_LINK_CLAIM: 'email' }).oidc?.linkClaim).toBe('email');
  });

  it('refuse an issuer without its client, and a plain-http issuer without the test-only allowance', () => {
    expect(() => loadConfig({ SILTA_OIDC_ISSUER: provider.SILTA_OIDC_ISSUER })).toThrow(
      new ConfigError('SILTA_OIDC_ISSUER is set, so SILTA_OIDC_CLIENT_ID, SILTA_OIDC_CLIENT_SECRET, SILTA_OIDC_REDIRECT_URI must be set too.'),
    );
    const http = { ...provider, SILTA_OIDC_ISSUER: 'http://127.0.0.1:4000' };
    expect(() => loadConfig(http)).toThrow(new ConfigError('SILTA_OIDC_ISSUER must be an https URL, got "http://127.0.0.1:4000"'));
    expect(loadConfig({ ...http, SILTA_OIDC_TEST_ALLOW_HTTP_ISSUER: 'true' }).oidc?.allowHttpIssuer).toBe(true);
    expect(() => loadConfig({ ...provider, SILTA_OIDC_REDIRECT_URI: 'not a url' })).toThrow(ConfigError);
  });

  it('give invitations 14 days unless set', () => {
    expect(loadConfig({}).invitationDays).toBe(14);
    expect(loadConfig({ SILTA_INVITATION_DAYS: '3' }).invitationDays).toBe(3);
    expect(() => loadConfig({ SILTA_INVITATION_DAYS: '0' })).toThrow(ConfigError);
  });
});
