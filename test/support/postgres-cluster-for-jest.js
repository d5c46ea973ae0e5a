// A private PostgreSQL cluster (and its hot standby) for a developer's `npm test`, so the
// PostgreSQL suites run rather than skip. Only when no LEDGER_POSTGRES_TEST_URL is given,
// PostgreSQL is installed, and LEDGER_POSTGRES_TEST is not "off"; `.ci/run` starts its own.
// Stopped by the global teardown, and on exit or Ctrl-C of the jest process.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');
const net = require('node:net');
const { join } = require('node:path');

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'postgres-test-cluster.sh');
/** First ports tried (each with +1 for the standby). */
const PORTS = [55434, 55436, 55438];
let running = null;

function postgresInstalled() {
  try {
    if (readdirSync('/usr/lib/postgresql').some((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'initdb')))) return true;
  } catch {
    // not the Debian layout
  }
  try {
    execFileSync('sh', ['-c', 'command -v initdb'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function startPostgresForJest() {
  if (process.env.LEDGER_POSTGRES_TEST_URL || process.env.LEDGER_POSTGRES_TEST === 'off' || !postgresInstalled()) return;
  const candidates = process.env.LEDGER_PG_PORT ? [Number(process.env.LEDGER_PG_PORT)] : PORTS;
  let port = null;
  for (const p of candidates) if ((await portFree(p)) && (await portFree(p + 1))) { port = p; break; }
  if (port === null) {
    process.stderr.write(`postgres for jest: ports ${candidates.join(', ')} (and +1) are taken; the PostgreSQL suites will be skipped\n`);
    return;
  }
  const env = { ...process.env, LEDGER_PG_PORT: String(port), LEDGER_PG_DIR: `/tmp/ledger-pg-jest-${process.pid}` };
  const stop = () => {
    if (running !== stop) return;
    running = null;
    try {
      execFileSync(SCRIPT, ['stop'], { env, stdio: 'ignore' });
    } catch {
      // already gone
    }
  };
  try {
    running = stop;
    const primary = execFileSync(SCRIPT, ['start'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const standby = execFileSync(SCRIPT, ['standby'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    process.env.LEDGER_POSTGRES_TEST_URL = /LEDGER_POSTGRES_TEST_URL=(\S+)/.exec(primary)[1];
    process.env.LEDGER_POSTGRES_STANDBY_TEST_URL = /LEDGER_POSTGRES_STANDBY_TEST_URL=(\S+)/.exec(standby)[1];
  } catch (error) {
    stop();
    process.stderr.write(`postgres for jest: could not start a private cluster (${error.message.split('\n')[0]}); the PostgreSQL suites will be skipped\n`);
    return;
  }
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
}

function stopPostgresForJest() {
  if (running) running();
}

module.exports = { startPostgresForJest, stopPostgresForJest };
