// Jest globalSetup: compile dist/ once, for the specs that run the real CLI and server processes;
// and, for a developer's run without LEDGER_POSTGRES_TEST_URL, a private PostgreSQL cluster.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { startPostgresForJest } = require('./postgres-cluster-for-jest');

module.exports = async function buildOnce() {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(__dirname, '..', '..'), stdio: 'inherit' });
  await startPostgresForJest();
};
