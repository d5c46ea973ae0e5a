import { resolve } from 'node:path';

/** The environment, validated once at boot; a bad value stops the app with a message naming it. */
export interface LedgerConfig {
  readonly store: 'sqlite' | 'eventstoredb' | 'postgres';
  /** SQLite file: the log and read models (sqlite), or the read models only (eventstoredb, postgres: one file per app node). */
  readonly dbPath: string;
  readonly eventStoreConnectionString: string | null;
  /** postgres:// URL of the server holding the log (LEDGER_STORE=postgres). */
  readonly postgresUrl: string | null;
  readonly seed: boolean;
  readonly port: number;
  /** How long a write waits for read models fed by a subscription (EventStoreDB). */
  readonly readModelWaitMs: number;
  /** Largest request body accepted. */
  readonly bodyLimit: string;
  /** When true, reads of rosters, protocols and balances need a token too (any role). */
  readonly readAuth: boolean;
  /** Requests per minute allowed per client address and, separately, per token; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /** Browser origins allowed to call the API (CORS); empty: CORS stays closed. */
  readonly corsOrigins: readonly string[];
}

export class ConfigError extends Error {}

/** Where the log and the read models are, for the start-up line: a server URL without its password. */
export function describeStore(config: LedgerConfig): string {
  const server = config.store === 'postgres' ? config.postgresUrl : config.store === 'eventstoredb' ? config.eventStoreConnectionString : null;
  if (server === null) return `store: sqlite, log and read models: ${config.dbPath}`;
  return `store: ${config.store}, log: ${withoutPassword(server)}, this node's read models: ${config.dbPath}`;
}

function withoutPassword(url: string): string {
  return url.replace(/^([a-z+]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const problems: string[] = [];
  const store = env.LEDGER_STORE ?? 'sqlite';
  if (store !== 'sqlite' && store !== 'eventstoredb' && store !== 'postgres') problems.push(`LEDGER_STORE must be "sqlite", "postgres" or "eventstoredb", not "${store}"`);
  const connection = env.EVENTSTORE_CONNECTION_STRING ?? null;
  if (store === 'eventstoredb' && !connection) problems.push('EVENTSTORE_CONNECTION_STRING is required when LEDGER_STORE=eventstoredb (e.g. esdb://localhost:2113?tls=false)');
  if (connection && /^(kurrentdb|kurrent|kdb)(\+discover)?:\/\//.test(connection)) {
    // @eventstore/db-client 6.2.1 parses only esdb:// and throws at the first request; say so at boot instead.
    problems.push('EVENTSTORE_CONNECTION_STRING: kurrentdb:// and kdb:// are not understood by the EventStoreDB client this ledger uses (@eventstore/db-client 6.2.1); write the same address as esdb:// (or esdb+discover://), e.g. esdb://localhost:2113?tls=false');
  } else if (connection && !/^esdb(\+discover)?:\/\//.test(connection)) problems.push('EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://');
  const postgresUrl = env.LEDGER_POSTGRES_URL ?? null;
  if (store === 'postgres' && !postgresUrl) problems.push('LEDGER_POSTGRES_URL is required when LEDGER_STORE=postgres (e.g. postgres://ledger:secret@localhost:5432/ledger)');
  if (postgresUrl && !/^postgres(ql)?:\/\/\S+$/.test(postgresUrl)) problems.push('LEDGER_POSTGRES_URL must be a postgres:// or postgresql:// URL');
  const seed = env.LEDGER_SEED ?? 'on';
  if (seed !== 'on' && seed !== 'off') problems.push(`LEDGER_SEED must be "on" or "off", not "${seed}"`);
  const port = integer(env.PORT, 3000, 'PORT', 0, 65535, problems);
  const wait = integer(env.LEDGER_READ_MODEL_WAIT_MS, 5000, 'LEDGER_READ_MODEL_WAIT_MS', 0, 600_000, problems);
  const dbPath = env.LEDGER_DB ?? './data/ledger.db';
  if (dbPath.trim() === '') problems.push('LEDGER_DB must not be empty');
  const bodyLimit = env.LEDGER_BODY_LIMIT ?? '1mb';
  if (!/^[1-9][0-9]{0,9}(b|kb|mb)?$/i.test(bodyLimit)) problems.push(`LEDGER_BODY_LIMIT must be a size such as 1mb, 512kb or 100000, not "${bodyLimit}"`);
  const readAuth = env.LEDGER_READ_AUTH ?? 'off';
  if (readAuth !== 'on' && readAuth !== 'off') problems.push(`LEDGER_READ_AUTH must be "on" or "off", not "${readAuth}"`);
  const rateLimit = integer(env.LEDGER_RATE_LIMIT, 1200, 'LEDGER_RATE_LIMIT', 0, 10_000_000, problems);
  const corsOrigins = (env.LEDGER_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?$/.test(origin)) problems.push(`LEDGER_CORS_ORIGINS must be a comma-separated list of origins such as https://intranet.example.se, not "${origin}"`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return {
    store: store as LedgerConfig['store'],
    dbPath: dbPath === ':memory:' ? dbPath : resolve(dbPath),
    eventStoreConnectionString: connection,
    postgresUrl,
    seed: seed === 'on',
    port,
    readModelWaitMs: wait,
    bodyLimit,
    readAuth: readAuth === 'on',
    rateLimitPerMinute: rateLimit,
    corsOrigins,
  };
}

function integer(value: string | undefined, fallback: number, name: string, min: number, max: number, problems: string[]): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
    return fallback;
  }
  return n;
}
