import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config/ledger-config';
import { createApp } from '../../src/http/create-app';

/**
 * The real server (the app main.ts starts) on the benchmark's database, in a process of
 * its own so the load generator does not share its event loop. Reports its port over IPC
 * and closes when told to.
 */
export interface ServerReady {
  readonly port: number;
}

async function main(dbPath: string): Promise<void> {
  const app = await createApp(loadConfig({ LEDGER_DB: dbPath, LEDGER_SEED: 'off', PORT: '0', LEDGER_RATE_LIMIT: '0' }), { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.on('message', (message) => {
    if (message !== 'close') return;
    void app.close().then(() => process.disconnect());
  });
  process.send?.({ port } satisfies ServerReady);
}

main(process.argv[2] as string).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
