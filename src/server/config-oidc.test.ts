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
      roleMapping: null,
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

  it('read a role mapping: a group gives roles at a site by id or name, or region-wide', () => {
    const map = {
      'silta-admins': { role: 'administrator', regionWide: true },
      'silta-rovaniemi': [{ role: 'coordinator', site: 'Rovaniemen päiväkeskus' }, { role: 'professional', site: '0190a000-0000-7000-8000-000000000001' }],
    };
    expect(loadConfig({ ...provider, SILTA_OIDC_ROLE_CLAIM: 'groups', SILTA_OIDC_ROLE_MAP: JSON.stringify(map) }).oidc?.roleMapping).toEqual({
      claim: 'groups',
      groups: {
        'silta-admins': [{ role: 'administrator', site: null }],
        'silta-rovaniemi': [{ role: 'coordinator', site: 'Rovaniemen päiväkeskus' }, { role: 'professional', site: '0190a000-0000-7000-8000-000000000001' }],
      },
    });
  });

  it('refuse an invalid role mapping at start, saying what to fix', () => {
    const withMap = (map: string, claim = 'groups') => () => loadConfig({ ...provider, SILTA_OIDC_ROLE_CLAIM: claim, SILTA_OIDC_ROLE_MAP: map });
    expect(withMap('{"a": ')).toThrow(/^SILTA_OIDC_ROLE_MAP is not JSON/);
    expect(withMap('[]')).toThrow(new ConfigError('SILTA_OIDC_ROLE_MAP must be a JSON object from group names to roles.'));
    expect(withMap('{}')).toThrow(/SILTA_OIDC_ROLE_MAP names no group/);
    expect(withMap('{"g": {"role": "boss", "regionWide": true}}')).toThrow(
      new ConfigError('SILTA_OIDC_ROLE_MAP group "g": "role" must be one of administrator, coordinator, professional, daycentre_staff, auditor, manager, got "boss".'),
    );
    // A forgotten site must not become a right over the whole region.
    expect(withMap('{"g": {"role": "coordinator"}}')).toThrow(
      new ConfigError('SILTA_OIDC_ROLE_MAP group "g": the coordinator role needs either "site" (a site\'s id or name) or "regionWide": true, not both or neither.'),
    );
    expect(withMap('{"g": {"role": "coordinator", "site": "A", "regionWide": true}}')).toThrow(/not both or neither/);
    expect(withMap('{"g": {"role": "coordinator", "sites": "A"}}')).toThrow(/unknown key\(s\) "sites"/);
    expect(withMap('{"g": []}')).toThrow(/group "g" gives no role/);
    expect(withMap('{"g": {"role": "coordinator", "site": ""}}')).toThrow(/"site" must be a site's id or name/);
    expect(() => loadConfig({ ...provider, SILTA_OIDC_ROLE_MAP: '{"g": {"role": "auditor", "regionWide": true}}' })).toThrow(
      new ConfigError('SILTA_OIDC_ROLE_CLAIM and SILTA_OIDC_ROLE_MAP are set together or not at all.'),
    );
    expect(() => loadConfig({ SILTA_OIDC_ROLE_CLAIM: 'groups' })).toThrow(
      new ConfigError('SILTA_OIDC_ROLE_CLAIM is set, but SILTA_OIDC_ISSUER is not: a role mapping needs the provider.'),
    );
  });

  it('give invitations 14 days unless set', () => {
    expect(loadConfig({}).invitationDays).toBe(14);
    expect(loadConfig({ SILTA_INVITATION_DAYS: '3' }).invitationDays).toBe(3);
    expect(() => loadConfig({ SILTA_INVITATION_DAYS: '0' })).toThrow(ConfigError);
  });
});
