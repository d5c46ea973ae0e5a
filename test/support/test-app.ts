import type { INestApplication } from '@nestjs/common';
import { ROLES, type Role } from '../../src/access/roles';
import { loadConfig } from '../../src/config/ledger-config';
import { createApp } from '../../src/http/create-app';
import type { Ledger } from '../../src/ledger';
import { LEDGER } from '../../src/ledger.token';
import { FixedClock, tempDir } from './fixtures';

/** The real HTTP app on a real SQLite file in a temp directory. */
export async function startTestApp(env: NodeJS.ProcessEnv = {}) {
  const tmp = tempDir('ledger-e2e-');
  const clock = new FixedClock();
  const config = loadConfig({ LEDGER_DB: tmp.file('ledger.db'), LEDGER_SEED: 'off', ...env });
  const app: INestApplication = await createApp(config, { clock, logger: false });
  const ledger = app.get<Ledger>(LEDGER);
  // One token per role, as an admin would make them; `auth.clerk` is the header value.
  const auth = Object.fromEntries(ROLES.map((role) => [role, `Bearer ${ledger.tokens.create(role, `test ${role}`).token}`])) as Record<Role, string>;
  return {
    app,
    ledger,
    clock,
    auth,
    dbPath: config.dbPath,
    server: app.getHttpServer(),
    async close() {
      await app.close();
      tmp.cleanup();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
