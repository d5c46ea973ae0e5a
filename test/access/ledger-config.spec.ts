import { ConfigError, loadConfig } from '../../src/config/ledger-config';

describe('configuration validated at boot', () => {
  it('has safe defaults: reads open, CORS closed, a rate limit on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ readAuth: false, corsOrigins: [], rateLimitPerMinute: 1200, bodyLimit: '1mb' });
  });

  it.each([
    ['LEDGER_READ_AUTH', 'yes', /LEDGER_READ_AUTH must be "on" or "off"/],
    ['LEDGER_RATE_LIMIT', '-1', /LEDGER_RATE_LIMIT must be a whole number/],
    ['LEDGER_RATE_LIMIT', 'lots', /LEDGER_RATE_LIMIT must be a whole number/],
    ['LEDGER_CORS_ORIGINS', '*', /LEDGER_CORS_ORIGINS must be a comma-separated list of origins/],
    ['LEDGER_CORS_ORIGINS', 'https://ok.example,javascript:alert(1)', /not "javascript:alert\(1\)"/],
    ['LEDGER_BODY_LIMIT', 'huge', /LEDGER_BODY_LIMIT must be a size/],
    ['PORT', '70000', /PORT must be a whole number from 0 to 65535/],
    ['LEDGER_STORE', 'postgres', /LEDGER_STORE must be "sqlite" or "eventstoredb"/],
    ['LEDGER_SEED', 'maybe', /LEDGER_SEED must be "on" or "off"/],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('names every bad value at once', () => {
    try {
      loadConfig({ PORT: 'x', LEDGER_READ_AUTH: 'x' });
      throw new Error('no error');
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT[\s\S]*LEDGER_READ_AUTH/);
    }
  });
});
