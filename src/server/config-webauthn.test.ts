import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('WebAuthn settings', () => {
  it('default to localhost on the server\'s port, for development', () => {
    expect(loadConfig({ PORT: '4123' }).webauthn).toEqual({ rpId: 'localhost', rpName: 'Silta', origins: ['http://localhost:4123'] });
  });

  it('take a relying-party id and a comma-separated list of origins on it', () => {
    const config = loadConfig({ SILTA_WEBAUTHN_RP_ID: 'silta.example.fi', SILTA_WEBAUTHN_ORIGIN: 'https://silta.example.fi, https://asiakas.silta.example.fi' });
    expect(config.webauthn).toMatchObject({ rpId: 'silta.example.fi', origins: ['https://silta.example.fi', 'https://asiakas.silta.example.fi'] });
  });

  it('refuse an id with a scheme or port, an origin with a path, and an origin on another host', () => {
    expect(() => loadConfig({ SILTA_WEBAUTHN_RP_ID: 'https://silta.example.fi' })).toThrow(ConfigError);
    expect(() => loadConfig({ SILTA_WEBAUTHN_RP_ID: 'silta.example.fi', SILTA_WEBAUTHN_ORIGIN: 'https://silta.example.fi/asiakas' })).toThrow(ConfigError);
    expect(() => loadConfig({ SILTA_WEBAUTHN_RP_ID: 'silta.example.fi', SILTA_WEBAUTHN_ORIGIN: 'https://silta.example.net' })).toThrow(/not on SILTA_WEBAUTHN_RP_ID/);
    expect(() => loadConfig({ SILTA_WEBAUTHN_RP_ID: 'example.fi', SILTA_WEBAUTHN_ORIGIN: 'https://evilexample.fi' })).toThrow(ConfigError);
  });
});
