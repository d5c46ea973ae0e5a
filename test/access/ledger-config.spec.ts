import { describeStore, ConfigError, loadConfig } from '../../src/config/ledger-config';

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
    ['LEDGER_STORE', 'mysql', /LEDGER_STORE must be "sqlite", "postgres" or "eventstoredb"/],
    ['LEDGER_STORE', 'postgres', /LEDGER_POSTGRES_URL is required when LEDGER_STORE=postgres/],
    ['LEDGER_POSTGRES_URL', 'mysql://localhost/ledger', /LEDGER_POSTGRES_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    ['EVENTSTORE_CONNECTION_STRING', 'kurrentdb://localhost:2113?tls=false', /kurrentdb:\/\/ and kdb:\/\/ are not understood[\s\S]*write the same address as esdb:\/\//],
    ['EVENTSTORE_CONNECTION_STRING', 'kdb+discover://cluster:2113', /kurrentdb:\/\/ and kdb:\/\/ are not understood/],
    ['EVENTSTORE_CONNECTION_STRING', 'http://localhost:2113', /must start with esdb:\/\/ or esdb\+discover:\/\//],
    ['LEDGER_SEED', 'maybe', /LEDGER_SEED must be "on" or "off"/],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('accepts a PostgreSQL store with its URL, and esdb:// for EventStoreDB', () => {
    expect(loadConfig({ LEDGER_STORE: 'postgres', LEDGER_POSTGRES_URL: 'postgresql://ledger@db:5432/ledger' })).toMatchObject({ store: 'postgres', postgresUrl: 'postgresql://ledger@db:5432/ledger' });
    expect(loadConfig({ LEDGER_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb+discover://a:2113' })).toMatchObject({ store: 'eventstoredb' });
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

describe('the start-up line names where the log is', () => {
  it('names the SQLite file for the embedded store', () => {
    expect(describeStore(loadConfig({ LEDGER_DB: '/tmp/x.db' }))).toBe('store: sqlite, log and read models: /tmp/x.db');
  });

  it('names the PostgreSQL server without its password, and the node\'s read-model file', () => {
    const line = describeStore(loadConfig({ LEDGER_STORE: 'postgres', LEDGER_POSTGRES_URL: 'postgres://ledger:s3cret@db.local:5432/ledger', LEDGER_DB: '/tmp/node.db' }));
    expect(line).toBe("store: postgres, log: postgres://ledger:***@db.local:5432/ledger, this node's read models: /tmp/node.db");
    expect(line).not.toContain('s3cret');
  });
});
