import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, describeStore, loadConfig } from './config/ledger-config';
import { createApp } from './http/create-app';
import { LEDGER } from './ledger.token';
import type { Ledger } from './ledger';
import { seedIfEmpty } from './seed/kalmar-seed';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const logger = new Logger('Ledger');
  const ledger = app.get<Ledger>(LEDGER);
  if (ledger.chainBackfill) logger.log(`The log had no hash chains (written before hashing existed): computed them for its ${ledger.chainBackfill.events} events, recorded as of ${ledger.chainBackfill.doneAt}`);
  if (ledger.repaired.length > 0) logger.warn(`Read models were missing (new, dropped or lost) while the log was intact; rebuilt them from the log: ${ledger.repaired.join(', ')}`);
  if (ledger.rebuilt.length > 0) logger.log(`Rebuilt read models whose version changed: ${ledger.rebuilt.join(', ')}`);
  if (config.seed) {
    const report = await seedIfEmpty(ledger);
    if (report) logger.log(`Empty store: imported the Kalmar dataset (${report.commands} commands, ${report.events} events from ${report.files} files)`);
  }
  await app.listen(config.port);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.log(`Decision ledger on http://localhost:${port} (${describeStore(config)})`);
  if (ledger.tokens.isEmpty()) {
    // First start: one admin token, shown once, so a newcomer is never locked out and the server is never open.
    const admin = ledger.tokens.create('admin', 'first-admin');
    logger.log(
      `No tokens yet: created the admin token "first-admin" (id ${admin.id}). It is shown only now; keep it secret:\n\n    ${admin.token}\n\n` +
        `  Make writer tokens with it: curl -X POST -H 'Authorization: Bearer <admin token>' -H 'Content-Type: application/json' ` +
        `-d '{"role":"clerk","name":"Your Name"}' http://localhost:${port}/admin/tokens   (or: npx ledger token create --role clerk --name "Your Name")`,
    );
  }
  logger.log(`Try: curl 'http://localhost:${port}/groups/samordnande-grupp-aldre/roster?at=2025-03-01' · API docs: /api-docs`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  console.error(error);
  process.exitCode = 1;
});
