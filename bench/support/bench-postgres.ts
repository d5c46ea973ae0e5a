import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { v4 as uuidv4 } from 'uuid';

/**
 * The PostgreSQL server the bench measures on: LEDGER_BENCH_POSTGRES_URL (any server you
 * point it at), else a private throw-away cluster started with scripts/postgres-test-cluster.sh
 * (port LEDGER_PG_PORT, default 55439) when PostgreSQL is installed, else none.
 * Each use gets a fresh database, dropped afterwards.
 */
export interface BenchPostgres {
  readonly url: string;
  readonly where: string;
  close(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'postgres-test-cluster.sh');

export async function openBenchPostgres(log: (message: string) => void): Promise<BenchPostgres | null> {
  let server = process.env.LEDGER_BENCH_POSTGRES_URL ?? '';
  let stopCluster: (() => void) | null = null;
  let where = 'LEDGER_BENCH_POSTGRES_URL';
  if (!server) {
    if (!existsSync(SCRIPT) || !hasPostgres()) {
      log('PostgreSQL figures left out: no LEDGER_BENCH_POSTGRES_URL and no PostgreSQL installed');
      return null;
    }
    const env = { ...process.env, LEDGER_PG_PORT: process.env.LEDGER_PG_PORT ?? '55439' };
    const out = execFileSync(SCRIPT, ['start'], { env, encoding: 'utf8' });
    server = /LEDGER_POSTGRES_TEST_URL=(\S+)/.exec(out)?.[1] ?? '';
    stopCluster = () => execFileSync(SCRIPT, ['stop'], { env, stdio: 'ignore' });
    where = `a private cluster (${SCRIPT} on port ${env.LEDGER_PG_PORT}, fsync=off)`;
    if (!server) {
      stopCluster();
      throw new Error(`${SCRIPT} start printed no URL: ${out}`);
    }
  }
  const name = `ledger_bench_${uuidv4().replace(/-/g, '')}`;
  await admin(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    where,
    async close() {
      try {
        await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        stopCluster?.();
      }
    },
  };
}

function hasPostgres(): boolean {
  try {
    execFileSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
